/**
 * The API's one doorway to the engine's runtime functions. Everything else imports engine
 * *types* directly but calls the engine through here, so the contract the API relies on is
 * visible in one place.
 */
import * as engine from '@saddle/engine';
import type { RunEnd, RunSpec, TrainSink } from '@saddle/engine';

export { validateRunSpec, SpecError, presets, getPreset, zoo, zooSummaries, buildModel } from '@saddle/engine';
export type {
  Figure,
  FigureData,
  FigureSpec,
  MetricPoint,
  ModelSummary,
  Preset,
  PresetOptions,
  PresetRun,
  RunArtifacts,
  RunEnd,
  RunSpec,
  RunStatus,
  Scale,
  TrainEvent,
} from '@saddle/engine';

// TEMPORARY (while packages/engine's train/ and backend/ land in parallel): reached through the
// namespace so the API loads and its non-training parts work before they exist.
interface TrainingSurface {
  train?: (spec: RunSpec, sink: TrainSink, options?: { signal?: AbortSignal }) => Promise<RunEnd>;
  initBackend?: () => Promise<unknown>;
}
const surface = engine as unknown as TrainingSurface;

export function train(spec: RunSpec, sink: TrainSink, options: { signal?: AbortSignal } = {}): Promise<RunEnd> {
  if (!surface.train) throw new Error('this build of @saddle/engine has no train()');
  return surface.train(spec, sink, options);
}

export async function initBackend(): Promise<unknown> {
  if (!surface.initBackend) return { backend: 'unknown', note: 'this build of @saddle/engine has no initBackend()' };
  return surface.initBackend();
}
