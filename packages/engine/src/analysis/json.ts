/**
 * Typed arrays → plain number arrays for results that are stored as JSON. −0 becomes 0: JSON
 * writes both as 0, and a result should read back equal to what was returned.
 */
export function plainNumbers(values: ArrayLike<number>): number[] {
  return Array.from(values, (value) => value + 0);
}
