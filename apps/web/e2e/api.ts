import { baseURL } from './playwright.config';

/** A GraphQL call to the stack under test (POST: Apollo's CSRF prevention rejects GET). */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${baseURL}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(`gql: ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}

export interface PresetInfo {
  id: string;
  title: string;
  figures: { id: string; title: string; kind: string }[];
}

export async function presets(): Promise<PresetInfo[]> {
  return (await gql<{ presets: PresetInfo[] }>('{ presets { id title figures { id title kind } } }')).presets;
}

export async function launch(preset: string): Promise<string> {
  const data = await gql<{ launchExperiment: { id: string } }>('mutation($input: LaunchExperimentInput!) { launchExperiment(input: $input) { id } }', {
    input: { preset, scale: 'QUICK', tags: ['e2e'] },
  });
  return data.launchExperiment.id;
}

const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

/** Waits until every experiment has ended (analyses included); returns their final states. */
export async function waitForExperiments(ids: string[], timeoutMs: number): Promise<Record<string, string>> {
  const deadline = Date.now() + timeoutMs;
  let states: Record<string, string> = {};
  while (Date.now() < deadline) {
    states = {};
    for (const id of ids) {
      const data = await gql<{ experiment: { status: string } | null }>('query($id: ID!) { experiment(id: $id) { status } }', { id });
      states[id] = data.experiment?.status ?? 'MISSING';
    }
    if (Object.values(states).every((s) => TERMINAL.has(s))) return states;
    await new Promise((r) => setTimeout(r, 3000));
  }
  throw new Error(`waitForExperiments: not done after ${timeoutMs / 1000} s: ${JSON.stringify(states)}`);
}

/**
 * Logs a run the way a training script does (createRun, logMetrics batches, finishRun), so the
 * dashboard's live path can be tested without waiting for the engine.
 */
export async function createScriptRun(name: string, group: string, experimentId?: string): Promise<{ runId: string; experimentId: string }> {
  const data = await gql<{ createRun: { id: string; experimentId: string } }>('mutation($input: CreateRunInput!) { createRun(input: $input) { id experimentId } }', {
    input: { name, group, config: { group }, ...(experimentId ? { experimentId } : { experimentName: 'e2e: script-logged runs', tags: ['e2e'] }) },
  });
  return { runId: data.createRun.id, experimentId: data.createRun.experimentId };
}

export async function logLoss(runId: string, fromStep: number, count: number): Promise<void> {
  const points = Array.from({ length: count }, (_, i) => {
    const step = fromStep + i;
    return { key: 'train/loss', step, value: 2 * Math.exp(-step / 40) + 0.05, epoch: step / 20 };
  });
  await gql('mutation($runId: ID!, $points: [MetricPointInput!]!) { logMetrics(runId: $runId, points: $points) { accepted } }', { runId, points });
}

export async function finishRun(runId: string): Promise<void> {
  await gql('mutation($runId: ID!) { finishRun(runId: $runId, status: SUCCEEDED) { id } }', { runId });
}
