/**
 * Reading runs by their effective config (a run's config holds the preset's labels, e.g. `model`
 * and `target`, and every path of its resolved spec, e.g. `model.name`, `data.fn`).
 */

type Config = Record<string, unknown>;
type Scalar = string | number | boolean;

/** The spec paths a preset label stands for, in the order to try: a run without the label still has them. */
const LABEL_PATHS: Readonly<Record<string, readonly string[]>> = {
  model: ['model.name'],
  target: ['data.expression', 'data.fn'],
  data: ['data.fn', 'data.kind'],
};

const isScalar = (v: unknown): v is Scalar => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/**
 * The value of `key` in a run's effective config: the key itself, else the spec path its label
 * stands for (grouping by `model` puts a run that carries only `model.name` with its model, not
 * under "model=—").
 */
export function configValue(config: unknown, key: string): Scalar | undefined {
  const c = (config ?? {}) as Config;
  const own = c[key];
  if (isScalar(own)) return own;
  for (const path of LABEL_PATHS[key] ?? []) {
    const value = c[path];
    if (isScalar(value)) return value;
  }
  return undefined;
}

const isSeed = (key: string) => key === 'seed' || key.endsWith('.seed');

/**
 * The config keys that vary within a group: runs of one group that differ in them are not
 * replicas (fit-function's group is the model, and each model is fitted to two targets), so a
 * chart draws them in different line styles and never averages across them. Seeds are what
 * replicas differ in, so they never count. Preset labels (keys without a dot) are preferred; the
 * spec's paths only when no label varies (runs without labels).
 */
export function facetKeys(runs: readonly { group: string; config: unknown }[]): string[] {
  const keys = [...new Set(runs.flatMap((r) => Object.keys((r.config ?? {}) as Config)))].filter((k) => !isSeed(k)).sort();
  const varying = keys.filter((key) => {
    const seen = new Map<string, string>();
    for (const run of runs) {
      const value = String(configValue(run.config, key) ?? '—');
      const before = seen.get(run.group);
      if (before === undefined) seen.set(run.group, value);
      else if (before !== value) return true;
    }
    return false;
  });
  const labels = varying.filter((k) => !k.includes('.'));
  return labels.length > 0 ? labels : varying;
}

/** The line style of each run (by key): its values of the facet keys, e.g. `target=sinc5`; none without facets. */
export function runStyles(runs: readonly { key: string; group: string; config: unknown }[]): Map<string, string> {
  const facets = facetKeys(runs);
  const styles = new Map<string, string>();
  if (facets.length === 0) return styles;
  for (const run of runs) styles.set(run.key, facets.map((k) => `${k}=${String(configValue(run.config, k) ?? '—')}`).join(', '));
  return styles;
}
