/**
 * One palette for every chart, so a run keeps its colour from the experiment page to the compare view.
 * Okabe–Ito-inspired, tuned for white backgrounds and distinguishable under the common colour-vision deficiencies.
 */
export const SERIES_COLORS = [
  '#2563eb', // blue
  '#e8590c', // orange
  '#0f9d58', // green
  '#c2255c', // magenta
  '#7048e8', // violet
  '#0b7285', // teal
  '#b08900', // ochre
  '#495057', // slate
  '#d6336c', // pink
  '#5c940d', // olive
] as const;

/** The colour of the `index`-th series (cycles). */
export function seriesColor(index: number): string {
  const n = SERIES_COLORS.length;
  return SERIES_COLORS[((index % n) + n) % n] ?? '#2563eb';
}

/** A stable colour for a key (run id, group name): the same key always gets the same colour. */
export function colorForKey(key: string): string {
  let hash = 2166136261;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return seriesColor(Math.abs(hash));
}

/** Stops of a perceptually uniform sequential map (viridis), for heatmaps and epoch colouring. */
export const VIRIDIS = ['#440154', '#482878', '#3e4989', '#31688e', '#26828e', '#1f9e89', '#35b779', '#6ece58', '#b5de2b', '#fde725'] as const;

/** Colour of t ∈ [0, 1] on viridis (linear between stops; clamped). */
export function viridis(t: number): string {
  const clamped = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const position = clamped * (VIRIDIS.length - 1);
  const lower = Math.floor(position);
  const upper = Math.min(VIRIDIS.length - 1, lower + 1);
  const from = hexToRgb(VIRIDIS[lower] ?? VIRIDIS[0]);
  const to = hexToRgb(VIRIDIS[upper] ?? VIRIDIS[0]);
  const f = position - lower;
  const mix = (a: number, b: number) => Math.round(a + (b - a) * f);
  return `rgb(${mix(from[0], to[0])}, ${mix(from[1], to[1])}, ${mix(from[2], to[2])})`;
}

function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** Text and grid colours shared by axes of every chart. */
export const CHART_THEME = {
  axis: '#495057',
  grid: '#e9ecef',
  label: '#343a40',
  font: 'var(--font-sans, Inter, "Liberation Sans", system-ui, sans-serif)',
  fontSize: 11,
} as const;
