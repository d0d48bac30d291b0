/**
 * Exponential moving average as TensorBoard draws it: debiased, so the first points are not
 * pulled towards zero. `weight` ∈ [0, 1): 0 returns the input, 0.9 is heavy smoothing.
 * Non-finite values are passed through and do not poison the average (a diverged step stays visible).
 */
export function ema(values: readonly number[], weight: number): number[] {
  if (!(weight >= 0 && weight < 1)) {
    throw new Error(`ema: weight must be in [0, 1), got ${weight}`);
  }
  if (weight === 0) return values.slice();
  const out: number[] = [];
  let last = 0;
  let count = 0;
  for (const value of values) {
    if (!Number.isFinite(value)) {
      out.push(value);
      continue;
    }
    last = last * weight + (1 - weight) * value;
    count += 1;
    out.push(last / (1 - weight ** count));
  }
  return out;
}
