/**
 * Suites and reports through the schema, in-process: a suite launches one experiment per HW1
 * question in HW1's order; its report has those sections with questions, setups and claims;
 * a finished experiment's report has its models as torchsummary tables, its figures and its
 * verdicts; notes are stored per section and rendered without script injection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-utils/server.js';
import { HW1_SECTIONS } from './sections.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const REPORT = /* GraphQL */ `
  query Report($id: ID!) {
    report(id: $id) {
      id subject title scale running
      downloads { markdownZip html pdf }
      sections {
        key part title question claim experimentId status running
        setup { data optimizer batchSize epochs seeds runs scale }
        models { model rows { layer outputShape params } totalParams inputSizeMb forwardBackwardSizeMb paramsSizeMb estimatedTotalSizeMb text }
        figures { experimentId figureId title kind }
        verdicts { id statement verdict holds evidence seeds }
        note noteHtml
      }
    }
  }
`;

interface ReportResult {
  report: {
    id: string;
    subject: string;
    title: string;
    running: boolean;
    downloads: { markdownZip: string; html: string; pdf: string };
    sections: {
      key: string;
      part: string;
      question: string;
      claim: string;
      experimentId: string | null;
      status: string | null;
      running: boolean;
      setup: { data: string; optimizer: string; batchSize: string; epochs: string; seeds: number; runs: number; scale: string | null } | null;
      models: { model: string; rows: { layer: string; outputShape: number[]; params: number }[]; totalParams: number; forwardBackwardSizeMb: number; text: string }[];
      figures: { experimentId: string; figureId: string; kind: string }[];
      verdicts: { statement: string; verdict: string; evidence: string }[];
      note: string;
      noteHtml: string;
    }[];
  } | null;
}

describe('launchSuite and Query.report of a suite', () => {
  it('launches one experiment per HW1 question, in HW1’s order, with progress and ETA, and reports on them', async () => {
    const launched = await server.run<{ launchSuite: { id: string; scale: string; status: string; progress: number; etaSeconds: number | null; experiments: { id: string; preset: string; tags: string[] }[] } }>(
      `mutation($input: LaunchSuiteInput!) { launchSuite(input: $input) { id scale status progress etaSeconds experiments { id preset tags } } }`,
      { input: { scale: 'QUICK', tags: ['suite-test'] } },
    );
    expect(launched.errors).toBeUndefined();
    const suite = launched.data!.launchSuite;
    expect(suite.experiments.map((e) => e.preset)).toEqual(HW1_SECTIONS.map((s) => s.preset));
    expect(suite.experiments.every((e) => e.tags.includes('suite-test'))).toBe(true);
    expect(suite.progress).toBeGreaterThanOrEqual(0);
    expect(suite.progress).toBeLessThan(1);
    expect(suite.etaSeconds).toBeGreaterThan(0);

    const { data, errors } = await server.run<ReportResult>(REPORT, { id: suite.id });
    expect(errors).toBeUndefined();
    const report = data!.report!;
    expect(report).toMatchObject({ id: suite.id, subject: 'SUITE', title: 'HW1 report (quick)', running: true });
    expect(report.downloads.html).toBe(`/reports/${suite.id}.html`);
    expect(report.sections.map((s) => s.key)).toEqual(HW1_SECTIONS.map((s) => s.key));
    expect(report.sections.map((s) => s.part)).toEqual(['HW1-1', 'HW1-1', 'HW1-2', 'HW1-2', 'HW1-2', 'HW1-2', 'HW1-3', 'HW1-3', 'HW1-3', 'HW1-3']);
    for (const [i, section] of report.sections.entries()) {
      expect(section.experimentId).toBe(suite.experiments[i]!.id);
      expect(section.question.length).toBeGreaterThan(10);
      expect(section.setup?.scale).toBe('quick');
    }
    const cnn = report.sections[1]!;
    expect(cnn.setup?.data).toMatch(/^MNIST, [\d,]+ train \/ [\d,]+ test/);
    expect(cnn.figures.length).toBeGreaterThan(0);

    const suites = await server.run<{ suites: { id: string }[] }>(`{ suites { id } }`);
    expect(suites.data?.suites.map((s) => s.id)).toContain(suite.id);

    const cancelled = await server.run<{ cancelSuite: { id: string } }>(`mutation($id: ID!) { cancelSuite(id: $id) { id } }`, { id: suite.id });
    expect(cancelled.errors).toBeUndefined();
    await server.runtime.queue.idle();
    const after = await server.run<{ suite: { status: string; etaSeconds: number | null } }>(`query($id: ID!) { suite(id: $id) { status etaSeconds } }`, { id: suite.id });
    expect(after.data?.suite).toEqual({ status: 'CANCELLED', etaSeconds: null });
  }, 120_000);

  it('refuses an unknown suite, naming the field and the suites there are', async () => {
    const { errors } = await server.run(`mutation { launchSuite(input: { suite: "hw9" }) { id } }`);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['input', 'suite'], allowed: ['hw1'] });
  });

  it('answers null for an id that is neither a suite nor an experiment', async () => {
    const { data, errors } = await server.run<ReportResult>(REPORT, { id: 'no-such-id' });
    expect(errors).toBeUndefined();
    expect(data?.report).toBeNull();
  });
});

describe('Query.report of one experiment, and notes', () => {
  let experimentId: string;
  beforeAll(async () => {
    const { data } = await server.run<{ launchExperiment: { id: string } }>(`mutation { launchExperiment(input: { preset: "test-tiny", overrides: { epochs: 2 } }) { id } }`);
    experimentId = data!.launchExperiment.id;
    await server.runtime.queue.idle();
    for (let i = 0; i < 100; i++) {
      const record = await server.runtime.store.getExperiment(experimentId);
      if (record && record.status !== 'RUNNING' && record.status !== 'QUEUED' && record.status !== 'ANALYZING') break;
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 120_000);

  it('has one section with the setup, the model as torchsummary computes it, and every figure', async () => {
    const { data, errors } = await server.run<ReportResult>(REPORT, { id: experimentId });
    expect(errors).toBeUndefined();
    const report = data!.report!;
    expect(report.subject).toBe('EXPERIMENT');
    expect(report.running).toBe(false);
    const [section] = report.sections;
    expect(section).toMatchObject({ key: 'experiment', status: 'SUCCEEDED', running: false });
    expect(section!.setup).toEqual({ data: 'sin(5x)/(5x) on [-1, 1], 64 points (grid)', optimizer: 'Adam (lr 0.01)', batchSize: '16', epochs: '2', seeds: 2, runs: 2, scale: 'quick' });
    // 1→8 (relu)→1: Linear 16, ReLU, Linear 9. Outputs 8 + 8 + 1 = 17 floats; ×2 for gradients.
    const [model] = section!.models;
    expect(model!.rows).toEqual([
      { layer: 'Linear-1', outputShape: [-1, 8], params: 16 },
      { layer: 'ReLU-2', outputShape: [-1, 8], params: 0 },
      { layer: 'Linear-3', outputShape: [-1, 1], params: 9 },
    ]);
    expect(model!.totalParams).toBe(25);
    expect(model!.forwardBackwardSizeMb).toBe((2 * 17 * 4) / 1024 ** 2);
    expect(model!.text).toContain('Forward/backward pass size (MB): 0.00\n');
    expect(section!.figures.map((f) => [f.figureId, f.kind])).toEqual([
      ['loss', 'METRIC_LINES'],
      ['final-loss', 'LINES'],
    ]);
  });

  it('stores a section’s note and renders it without script injection', async () => {
    const markdown = 'Deep **wins** here.\n\n<script>alert(1)</script>\n\n<img src="x.png" onerror="alert(2)">\n\n[click](javascript:alert(3)) and [docs](https://example.org/hw1)';
    const set = await server.run<{ setReportNote: { markdown: string; html: string } }>(
      `mutation($r: ID!, $k: String!, $m: String!) { setReportNote(reportId: $r, sectionKey: $k, markdown: $m) { markdown html } }`,
      { r: experimentId, k: 'experiment', m: markdown },
    );
    expect(set.errors).toBeUndefined();
    const html = set.data!.setReportNote.html;
    expect(html).toContain('<strong>wins</strong>');
    expect(html).toContain('href="https://example.org/hw1"');
    expect(html).not.toMatch(/<script|alert\(1\)|onerror|javascript:/i);

    const { data } = await server.run<ReportResult>(REPORT, { id: experimentId });
    expect(data?.report?.sections[0]?.note).toBe(markdown);
    expect(data?.report?.sections[0]?.noteHtml).toBe(html);
  });

  it('refuses a note for a section the report does not have, listing the keys it has', async () => {
    const { errors } = await server.run(`mutation($r: ID!) { setReportNote(reportId: $r, sectionKey: "hw1-9", markdown: "x") { markdown } }`, { r: experimentId });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['sectionKey'], allowed: ['experiment'] });
  });

  it('refuses to set a note with a read token', async () => {
    const { errors } = await server.run(`mutation($r: ID!) { setReportNote(reportId: $r, sectionKey: "experiment", markdown: "x") { markdown } }`, { r: experimentId }, { required: true, scope: 'read', tokenId: 't' });
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
