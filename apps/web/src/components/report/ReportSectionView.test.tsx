import { render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Provider, type Client } from 'urql';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fromValue, never } from 'wonka';
import { ReportSectionView, type ReportSectionData } from './ReportSectionView';
import { installFixedResizeObserver } from '../../test-utils/fixed-resize-observer';

vi.mock('next/link', () => ({ default: ({ href, children, ...rest }: { href: string; children: ReactNode }) => <a href={href} {...rest}>{children}</a> }));

// happy-dom has no layout: report a 600 px wide box so the figure cards draw their charts.
beforeAll(() => installFixedResizeObserver(600, 300));

/** The experiment behind the section, as WebExperiment returns it: two runs' train/loss and one analysis. */
function experimentData() {
  const points = (scale: number) => Array.from({ length: 30 }, (_, step) => ({ step, value: scale * Math.exp(-step / 10), wallTime: 1_700_000_000_000 + step * 1000, epoch: step }));
  const run = (id: string, group: string, scale: number) => ({
    id,
    key: `${group}-s0`,
    group,
    config: {},
    status: 'RUNNING',
    progress: 0.5,
    error: null,
    steps: 30,
    final: null,
    timings: { createdAt: '2026-12-01T00:00:00Z', startedAt: null, finishedAt: null, durationMs: null },
    metrics: [{ key: 'train/loss', totalPoints: 30, sampled: false, points: points(scale) }],
  });
  return {
    experiment: {
      id: 'e1',
      name: 'train-cnn (quick)',
      preset: 'train-cnn',
      scale: 'QUICK',
      origin: 'PRESET',
      spec: {},
      status: 'RUNNING',
      analysisStatus: 'PENDING',
      progress: 0.5,
      error: null,
      tags: [],
      notes: '',
      createdAt: '2026-12-01T00:00:00Z',
      updatedAt: '2026-12-01T00:00:00Z',
      finishedAt: null,
      presetDefinition: { id: 'train-cnn', title: 'Train on an actual task', description: '', figures: [{ id: 'loss', title: 'Training loss', kind: 'METRIC_LINES', metrics: ['train/loss'], x: 'epoch', yScale: 'log' }] },
      analyses: [],
      runs: [run('r1', 'deep', 1), run('r2', 'shallow', 2)],
    },
  };
}

/** A client that answers every query with the experiment, without a network (urql's testing recipe). */
function fakeClient(): Client {
  return { executeQuery: () => fromValue({ data: experimentData(), stale: false, hasNext: false }), executeMutation: () => never, executeSubscription: () => never } as unknown as Client;
}

const section: ReportSectionData = {
  key: 'hw1-1-train-actual-task',
  part: 'HW1-1',
  title: 'Train on an actual task',
  question: 'Does a deeper network reach a lower training loss than a shallow one with as many parameters?',
  claim: 'The deep CNN reaches a lower training loss than the shallow one.',
  experimentId: 'e1',
  experimentName: 'train-cnn (quick)',
  status: 'RUNNING',
  running: true,
  setup: { data: 'MNIST, 8,000 train / 2,000 test', optimizer: 'Adam (lr 0.001)', batchSize: '128', epochs: '3', seeds: 2, runs: 4, scale: 'quick' },
  models: [
    {
      model: 'cnn-shallow',
      groups: ['shallow'],
      rows: [{ layer: 'Conv2d-1', outputShape: [-1, 8, 28, 28], params: 80 }],
      totalParams: 80,
      trainableParams: 80,
      nonTrainableParams: 0,
      inputSizeMb: 0,
      forwardBackwardSizeMb: 0.1,
      paramsSizeMb: 0,
      estimatedTotalSizeMb: 0.1,
    },
  ],
  figures: [
    { figureId: 'loss', title: 'Training loss', kind: 'METRIC_LINES' },
    { figureId: 'pca', title: 'Optimisation paths (PCA)', kind: 'PATHS' },
  ],
  verdicts: [{ id: 'train-cnn/deep-beats-shallow', statement: 'deep < shallow final train loss', verdict: 'MIXED', evidence: 'in 1 of 2 seeds; median ratio 1.1', seeds: 2 }],
  note: 'Deep **wins**.',
  noteHtml: '<p>Deep <strong>wins</strong>.</p>',
};

describe('ReportSectionView', () => {
  it('shows question, setup, models, figures drawn by the chart components, claim with verdicts and the comment, in that order', async () => {
    render(
      <Provider value={fakeClient()}>
        <ReportSectionView section={section} canWrite tick={0} onSaveNote={vi.fn()} />
      </Provider>,
    );
    const article = screen.getByRole('article', { name: 'HW1-1 · Train on an actual task' });
    expect(within(article).getByTestId('still-running').textContent).toContain('still running');
    const headings = within(article).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(['Models', 'Figures', 'Claim', 'Comment']);
    const setup = within(article).getByLabelText('Setup');
    expect(setup.textContent).toContain('Adam (lr 0.001)');
    expect(setup.textContent).toContain('2 (4 runs)');
    expect(within(article).getByRole('table', { name: 'Model summary of cnn-shallow' })).toBeTruthy();
    // the metric figure is drawn by MetricFigure: a line per run, a legend naming both groups, a log axis title
    const figure = await waitFor(() => {
      const card = article.querySelector('[data-report-figure="loss"]');
      expect(card?.querySelectorAll('path.saddle-line')).toHaveLength(2);
      return card as HTMLElement;
    });
    expect(within(figure).getByRole('heading', { name: 'Training loss' })).toBeTruthy();
    expect([...figure.querySelectorAll('.chart-legend-item')].map((b) => b.textContent)).toEqual(['deep', 'shallow']);
    expect([...figure.querySelectorAll('text')].map((t) => t.textContent)).toContain('train/loss (log scale)');
    // the analysis has not run yet: its place says so
    expect(article.querySelector('[data-report-figure="pca"]')?.textContent).toContain('Still running');
    const verdict = within(article).getByRole('list', { name: 'Verdicts' });
    expect(verdict.textContent).toContain('mixed');
    expect(verdict.textContent).toContain('Evidence: in 1 of 2 seeds; median ratio 1.1 (2 seeds)');
    expect(within(article).getByTestId('note-body').innerHTML).toBe('<p>Deep <strong>wins</strong>.</p>');
  });

  it('says when the suite has no experiment for the question', () => {
    render(
      <Provider value={fakeClient()}>
        <ReportSectionView section={{ ...section, experimentId: null, experimentName: null, status: null, running: false, setup: null, models: [], figures: [], verdicts: [] }} canWrite tick={0} onSaveNote={vi.fn()} />
      </Provider>,
    );
    expect(screen.getByText('No experiment of the suite answers this question.')).toBeTruthy();
    expect(screen.getByText('No verdict: the stored data do not decide this claim.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Figures' })).toBeNull();
  });
});

describe('SectionFigures live reading', () => {
  it('reads the experiment again on each poll while running, once more when it stops, then no more', async () => {
    const client = fakeClient();
    const executeQuery = vi.spyOn(client, 'executeQuery');
    const view = (tick: number, running: boolean) => (
      <Provider value={client}>
        <ReportSectionView section={{ ...section, running }} canWrite tick={tick} onSaveNote={vi.fn()} />
      </Provider>
    );
    const { rerender } = render(view(0, true));
    await waitFor(() => expect(document.querySelectorAll('path.saddle-line').length).toBeGreaterThan(0));
    const reads = () => executeQuery.mock.calls.filter((call) => (call[1] as { requestPolicy?: string } | undefined)?.requestPolicy === 'network-only').length;
    expect(reads()).toBe(0);
    rerender(view(1, true));
    await waitFor(() => expect(reads()).toBe(1));
    rerender(view(2, false));
    await waitFor(() => expect(reads()).toBe(2));
    rerender(view(3, false));
    await new Promise((r) => setTimeout(r, 50));
    expect(reads()).toBe(2);
  });
});
