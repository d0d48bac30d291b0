/**
 * `count` evenly spaced values from low to high. Computed as low + (high − low)·i/(n − 1), so a
 * symmetric odd grid has exactly 0 at its centre and [−1, 2] with 31 points has exactly 0 and 1.
 */
export function evenlySpaced(low: number, high: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => (count === 1 ? low : low + ((high - low) * i) / (count - 1)));
}
