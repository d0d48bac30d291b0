/**
 * The light `@saddle/engine/run-groups` entry: how a page of figures tells runs apart, shared by
 * the dashboard (PageColors, apps/web) and the server-side renderer behind the report and
 * `saddle figure` (apps/api/src/cli/figure-render.ts), so both follow one rule:
 *
 * - one colour per group (the model, or a run key's family) across a page or report section, the
 *   seeds of a group sharing it; one colour per run when every run is a seed of one group;
 * - a line style per value of what varies within a group (a facet: fit-function's `target`),
 *   explained in the legend, never averaged across.
 *
 * Pure functions over `{ key, group, config }`; no TensorFlow.js.
 */

type Config = Record<string, unknown>;
type Scalar = string | number | boolean;

/** What the grouping reads of a run: its key within the experiment, its group and its effective config. */
export interface GroupedRun {
  key: string;
  group: string;
  config?: unknown;
}

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
export function facetKeys(runs: readonly { group: string; config?: unknown }[]): string[] {
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
export function runStyles(runs: readonly GroupedRun[]): Map<string, string> {
  const facets = facetKeys(runs);
  const styles = new Map<string, string>();
  if (facets.length === 0) return styles;
  for (const run of runs) styles.set(run.key, facets.map((k) => `${k}=${String(configValue(run.config, k) ?? '—')}`).join(', '));
  return styles;
}

/** SVG dashes of the 1st, 2nd, … line style (`runStyles`' values, in order of appearance); the first is solid. */
export const STYLE_DASHES = [undefined, '6 3', '2 3', '9 3 2 3', '12 4'] as const;

/** Colours of a page's runs: a colour per group, or per run when the runs are seeds of one group. */
export interface RunColours {
  /** The colour of a run, by its key within the experiment. */
  run(key: string): string | undefined;
  /** The colour of a group (curve family), when the page colours by group. */
  group(name: string): string | undefined;
  /** True when runs of one group share its colour; false when each run has its own (one group: seeds). */
  byGroup: boolean;
  /** Every colour the assignment hands out (a series of no run, e.g. ground truth, takes another). */
  used: ReadonlySet<string>;
}

/**
 * Colours in run order from `palette` (cycled): one per group when the runs form two or more
 * groups (a sweep over models), else one per run (seeds of one model each get their own colour
 * and legend entry).
 */
export function runColours(runs: readonly GroupedRun[], palette: readonly string[]): RunColours {
  if (palette.length === 0) throw new Error('runColours: the palette has no colours');
  const pick = (i: number) => palette[i % palette.length] as string;
  const groups = [...new Set(runs.map((r) => r.group))];
  const byGroup = groups.length > 1;
  const groupColour = new Map(groups.map((g, i) => [g, pick(i)] as const));
  const runColour = new Map(runs.map((r, i) => [r.key, byGroup ? (groupColour.get(r.group) ?? pick(0)) : pick(i)] as const));
  return {
    run: (key) => runColour.get(key),
    group: (name) => (byGroup ? groupColour.get(name) : undefined),
    byGroup,
    used: new Set(runColour.values()),
  };
}
