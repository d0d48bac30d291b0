/**
 * Reading runs by their effective config (a run's config holds the preset's labels, e.g. `model`
 * and `target`, and every path of its resolved spec, e.g. `model.name`, `data.fn`). The rules live
 * in the engine's light `run-groups` entry, shared with the report's renderer (the report and
 * `saddle figure` draw the same colours and line styles as the dashboard); tests beside them there.
 */
export { configValue, facetKeys, runStyles } from '@saddle/engine/run-groups';
