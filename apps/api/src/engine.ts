/**
 * The API's one doorway to the engine's runtime functions. Everything else imports engine
 * *types* directly but calls the engine through here, so the contract the API relies on is
 * visible in one place.
 */

export {
  validateRunSpec,
  SpecError,
  presets,
  getPreset,
  zoo,
  zooSummaries,
  buildModel,
  inputShapeOf,
  train,
  trainEnsemble,
  ensembleGroups,
  initBackend,
  encodeCheckpoint,
  decodeCheckpoint,
  SCALES,
  isPresetId,
  knobDefault,
  findingsOf,
  seriesReadBy,
  REFERENCE_MACHINE,
  REFERENCE_TIMES,
} from '@saddle/engine';
export type {
  BackendInfo,
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
  TrainCheckpoint,
  TrainEvent,
} from '@saddle/engine';
