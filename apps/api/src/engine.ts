/**
 * The API's one doorway to the engine's runtime functions. Everything else imports engine
 * *types* directly but calls the engine through here, so the contract the API relies on is
 * visible in one place.
 */
import * as engine from '@saddle/engine';

export { validateRunSpec, SpecError, presets, getPreset, zoo, zooSummaries, buildModel, train } from '@saddle/engine';
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

// TEMPORARY (while packages/engine's backend/ lands in parallel): reached through the namespace
// so the API loads before `initBackend` exists; tfjs then runs on its default backend.
const surface = engine as unknown as { initBackend?: () => Promise<unknown> };

export async function initBackend(): Promise<unknown> {
  if (!surface.initBackend) return { backend: 'unknown', note: 'this build of @saddle/engine has no initBackend()' };
  return surface.initBackend();
}
