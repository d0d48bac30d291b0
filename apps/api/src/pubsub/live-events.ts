/**
 * The streams behind `runEvents` and `experimentEvents`. A subscriber learns two things it could
 * not learn from the bare topics: an id that names nothing is an error (NOT_FOUND) rather than a
 * stream that never says anything, and the stream completes after the event that ends its run or
 * experiment (at once when that already happened), so `for await` loops and graphql-ws clients
 * end instead of waiting forever.
 */
import { NotFoundError } from '../errors.js';
import { isTerminalRunStatus, type ExperimentStatus } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { SaddlePubSub } from './pubsub.js';
import { getRunAnalysis, isEndedRunAnalysis } from '../store/run-analyses.js';
import { Topic, type ExperimentEventPayload, type RunAnalysisEventPayload, type RunEventPayload } from './topics.js';

const TERMINAL_EXPERIMENT_STATUSES: readonly ExperimentStatus[] = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

export function isTerminalExperimentStatus(status: ExperimentStatus): boolean {
  return TERMINAL_EXPERIMENT_STATUSES.includes(status);
}

export class LiveEventService {
  constructor(private readonly deps: { store: Store; pubsub: SaddlePubSub }) {}

  /** Events of one run until its terminal STATUS event. Rejects with NOT_FOUND for an unknown id. */
  async runEvents(runId: string): Promise<AsyncIterable<RunEventPayload>> {
    const { store, pubsub } = this.deps;
    if (!(await store.getRun(runId))) throw new NotFoundError('Run', runId);
    return untilEnd(
      pubsub.subscribe(Topic.RunEvents, runId),
      (event) => event.type === 'STATUS' && event.status !== undefined && isTerminalRunStatus(event.status),
      async () => {
        const run = await store.getRun(runId);
        return !run || isTerminalRunStatus(run.status);
      },
    );
  }

  /** Status and progress of one run analysis until it ends (SUCCEEDED, FAILED, CANCELLED). Rejects with NOT_FOUND for an unknown id. */
  async runAnalysisEvents(analysisId: string): Promise<AsyncIterable<RunAnalysisEventPayload>> {
    const { store, pubsub } = this.deps;
    if (!(await getRunAnalysis(store, analysisId))) throw new NotFoundError('RunAnalysis', analysisId);
    return untilEnd(
      pubsub.subscribe(Topic.RunAnalysisEvents, analysisId),
      (event) => isEndedRunAnalysis(event.status),
      async () => {
        const analysis = await getRunAnalysis(store, analysisId);
        return !analysis || isEndedRunAnalysis(analysis.status);
      },
    );
  }

  /** Events of one experiment until its terminal STATUS event. Rejects with NOT_FOUND for an unknown id. */
  async experimentEvents(experimentId: string): Promise<AsyncIterable<ExperimentEventPayload>> {
    const { store, pubsub } = this.deps;
    if (!(await store.getExperiment(experimentId))) throw new NotFoundError('Experiment', experimentId);
    return untilEnd(
      pubsub.subscribe(Topic.ExperimentEvents, experimentId),
      (event) => event.type === 'STATUS' && event.status !== undefined && isTerminalExperimentStatus(event.status),
      async () => {
        const experiment = await store.getExperiment(experimentId);
        return !experiment || isTerminalExperimentStatus(experiment.status);
      },
    );
  }
}

/**
 * Forwards `source` up to and including the first event `isEnd` accepts. The source is listening
 * before `endedAlready` reads the store, so an end that lands between the two is still seen: either
 * the read sees it stored or the stream sees it published.
 */
async function* untilEnd<T>(source: AsyncIterable<T>, isEnd: (event: T) => boolean, endedAlready: () => Promise<boolean>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  try {
    // The first next() starts the subscription (a Repeater runs its executor on the first pull).
    let pending = iterator.next();
    if (await endedAlready()) return;
    for (;;) {
      const result = await pending;
      if (result.done) return;
      yield result.value;
      if (isEnd(result.value)) return;
      pending = iterator.next();
    }
  } finally {
    await iterator.return?.();
  }
}
