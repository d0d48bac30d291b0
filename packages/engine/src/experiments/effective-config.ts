/**
 * A launched run's config: what it actually trains with. Its resolved spec flattened to dotted
 * paths (`optimizer.lr`, `batchSize`, `model.name`, `data.kind`, …, the one `flattenConfig`),
 * after the preset's or sweep's own labels (`model: 'mlp-deep'`, `target`, swept values), so
 * every run of every experiment can be filtered and compared by the same paths, and a label that
 * is also a spec path can never disagree with the spec.
 */
import { flattenConfig } from '../config/flatten.js';
import type { RunSpec } from '../config.js';
import type { PresetRun } from './types.js';

export function effectiveConfig(labels: PresetRun['config'], spec: RunSpec): PresetRun['config'] {
  const config: PresetRun['config'] = { ...labels };
  for (const [path, value] of Object.entries(flattenConfig(spec as unknown as Record<string, unknown>))) {
    // Empty lists and objects carry nothing to filter by; a resolved spec holds none today.
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') config[path] = value;
  }
  return config;
}
