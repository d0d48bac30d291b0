import type { MetricDatum } from './metrics';

/** A non-finite value as the API spells it in `columns` (and logMetrics takes it). */
export type NonFiniteSpelling = 'NaN' | 'Infinity' | '-Infinity';

/** `MetricSeries.columns` / `MetricPage.columns` as the API documents them: equal-length arrays in step order. */
export interface MetricColumns {
  steps: number[];
  values: (number | NonFiniteSpelling)[];
  wallTimes: number[];
  epochs: (number | null)[];
}

function numbers(value: unknown, name: string, nullable: boolean, length?: number): void {
  if (!Array.isArray(value)) throw new Error(`metric columns: ${name} is not a list`);
  if (length !== undefined && value.length !== length) throw new Error(`metric columns: ${name} has ${value.length} entries, steps has ${length}`);
  for (const v of value) {
    if (typeof v === 'number' || (nullable && v === null)) continue;
    if (name === 'values' && (v === 'NaN' || v === 'Infinity' || v === '-Infinity')) continue;
    throw new Error(`metric columns: ${name} holds ${JSON.stringify(v)}`);
  }
}

/** Checks the shape of a `columns` answer (a JSON object to TypeScript), naming what is wrong. */
export function readColumns(columns: Record<string, unknown>): MetricColumns {
  const { steps, values, wallTimes, epochs } = columns;
  numbers(steps, 'steps', false);
  const length = (steps as unknown[]).length;
  numbers(values, 'values', false, length);
  numbers(wallTimes, 'wallTimes', false, length);
  numbers(epochs, 'epochs', true, length);
  return columns as unknown as MetricColumns;
}

/** Columns as the dashboard's points; a non-finite value becomes null, which charts draw as a gap. */
export function columnsToPoints(columns: Record<string, unknown>): MetricDatum[] {
  const { steps, values, wallTimes, epochs } = readColumns(columns);
  const points: MetricDatum[] = new Array(steps.length);
  for (let i = 0; i < steps.length; i++) {
    const value = values[i];
    points[i] = { step: steps[i] as number, value: typeof value === 'number' ? value : null, wallTime: wallTimes[i] as number, epoch: epochs[i] ?? null };
  }
  return points;
}
