import type { ReactNode } from 'react';

export interface ChartTooltipProps {
  /** Pointer position relative to the chart's container, in px. */
  left: number;
  top: number;
  /** Width of the container: the tooltip flips to the left of the pointer near the right edge. */
  containerWidth: number;
  children: ReactNode;
}

/** The hover box of every chart: one look, never running off the right edge. */
export function ChartTooltip({ left, top, containerWidth, children }: ChartTooltipProps) {
  const flip = left > containerWidth * 0.6;
  return (
    <div
      className="chart-tooltip"
      role="tooltip"
      // Read out when the keyboard moves the cursor (the charts' ← →), as LineChart's is.
      aria-live="polite"
      style={{
        position: 'absolute',
        top: top + 12,
        left: flip ? undefined : left + 14,
        right: flip ? containerWidth - left + 14 : undefined,
        pointerEvents: 'none',
      }}
    >
      {children}
    </div>
  );
}
