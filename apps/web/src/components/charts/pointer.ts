import type { MouseEvent } from 'react';

/**
 * Pointer position relative to the element that received the event (the chart's hit rectangle).
 * Uses client rects rather than SVG matrices, which also works in DOMs without SVG geometry (tests).
 */
export function pointerIn(event: MouseEvent<Element>): { x: number; y: number } {
  const rect = event.currentTarget.getBoundingClientRect();
  return { x: event.clientX - rect.left, y: event.clientY - rect.top };
}
