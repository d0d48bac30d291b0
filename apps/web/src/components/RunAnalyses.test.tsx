import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { RunAnalyses, type AnalyzeRequest, type RunAnalysisItem } from './RunAnalyses';
import { installFixedResizeObserver } from '../test-utils/fixed-resize-observer';

// happy-dom has no layout: a ResizeObserver that reports a 640 px wide box lets the figure cards draw.
beforeAll(() => installFixedResizeObserver(640, 320));

const noop = async () => {};

const running: RunAnalysisItem = { id: 'a-running', kind: 'LANDSCAPE', status: 'RUNNING', progress: 0.4, error: null, figures: [] };
const done: RunAnalysisItem = {
  id: 'a-done',
  kind: 'SHARPNESS',
  status: 'SUCCEEDED',
  progress: 1,
  error: null,
  figures: [
    {
      id: 'sharpness',
      title: 'ε-sharpness by box half-width',
      data: { kind: 'lines', x: { label: 'ε', scale: 'linear' }, y: { label: 'ε-sharpness (%)', scale: 'linear' }, series: [{ label: 'sharpness', points: [0, 0.5, 1].map((x) => ({ x, y: x * x })) }] },
    },
  ],
};

describe('RunAnalyses', () => {
  it('asks for the chosen kind, with a landscape’s plane and dimensions', async () => {
    const onAnalyze = vi.fn(async (_request: AnalyzeRequest) => {});
    render(<RunAnalyses analyses={[]} canWrite onAnalyze={onAnalyze} onCancel={noop} />);
    expect(screen.queryByRole('combobox', { name: 'Landscape plane' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Analyze' }));
    await waitFor(() => expect(onAnalyze).toHaveBeenCalledWith({ kind: 'HESSIAN', options: {} }));

    fireEvent.change(screen.getByRole('combobox', { name: 'Analysis kind' }), { target: { value: 'LANDSCAPE' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Landscape plane' }), { target: { value: 'PCA' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Landscape dimensions' }), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Analyze' }));
    await waitFor(() => expect(onAnalyze).toHaveBeenLastCalledWith({ kind: 'LANDSCAPE', options: { plane: 'PCA', dims: 1 } }));

    // An interpolation needs the second run: the button waits for its id.
    fireEvent.change(screen.getByRole('combobox', { name: 'Analysis kind' }), { target: { value: 'INTERPOLATION' } });
    expect((screen.getByRole('button', { name: 'Analyze' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByRole('textbox', { name: 'Second run id' }), { target: { value: ' run-b ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Analyze' }));
    await waitFor(() => expect(onAnalyze).toHaveBeenLastCalledWith({ kind: 'INTERPOLATION', otherRunId: 'run-b', options: {} }));
  });

  it('shows the API’s refusal beside the control', async () => {
    const onAnalyze = vi.fn(async () => {
      throw new Error('run r has 0 stored weight snapshots, and the PCA plane needs its trajectory (at least 3)');
    });
    render(<RunAnalyses analyses={[]} canWrite onAnalyze={onAnalyze} onCancel={noop} />);
    fireEvent.click(screen.getByRole('button', { name: 'Analyze' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The analysis was not queued: run r has 0 stored weight snapshots, and the PCA plane needs its trajectory (at least 3)'));
  });

  it('shows a running analysis’ progress with a Cancel button, and draws a finished one’s figures', async () => {
    const onCancel = vi.fn(async (_id: string) => {});
    const { container } = render(<RunAnalyses analyses={[running, done]} canWrite onAnalyze={noop} onCancel={onCancel} />);
    const live = screen.getByRole('article', { name: 'Loss landscape' });
    expect(within(live).getByRole('progressbar', { name: 'Loss landscape progress' }).getAttribute('aria-valuenow')).toBe('40');
    fireEvent.click(within(live).getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledWith('a-running');

    const finished = screen.getByRole('article', { name: 'ε-sharpness' });
    expect(within(finished).queryByRole('button', { name: 'Cancel' })).toBeNull();
    expect(within(finished).getByText('ε-sharpness by box half-width')).toBeTruthy();
    await waitFor(() => expect(container.querySelector('[data-analysis="a-done"] svg.saddle-chart')).not.toBeNull());
  });

  it('is read-only without a write token', () => {
    render(<RunAnalyses analyses={[running]} canWrite={false} onAnalyze={noop} onCancel={noop} />);
    expect((screen.getByRole('button', { name: 'Analyze' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Cancel' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
