'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { runColours } from '@saddle/engine/run-groups';
import { SERIES_COLORS } from './palette';

/**
 * One colour per model (or per run) across a page: every chart on an experiment page asks this
 * assignment, so mlp-deep is the same colour in the loss curves, in each prediction figure and in
 * a scatter, whatever else a chart draws first.
 */
export interface PageColors {
  /** The colour of a run, by its key within the experiment. */
  run(key: string): string | undefined;
  /** The colour of a group (curve family), when the page colours by group. */
  group(name: string): string | undefined;
  /** True when runs of one group share its colour; false when each run has its own (one group: seeds). */
  byGroup: boolean;
}

/**
 * Colours in run order: one per group when the runs form two or more groups (a sweep over
 * models), else one per run (seeds of one model each get their own colour and legend entry). The
 * rule is the engine's `runColours`, which the report's renderer follows too.
 */
export function pageColors(runs: readonly { key: string; group: string }[]): PageColors {
  const { run, group, byGroup } = runColours(runs, SERIES_COLORS);
  return { run, group, byGroup };
}

const PageColorsContext = createContext<PageColors | null>(null);

/** Gives every chart under it the page's colour assignment. */
export function PageColorsScope({ colors, children }: { colors: PageColors; children: ReactNode }) {
  return <PageColorsContext.Provider value={colors}>{children}</PageColorsContext.Provider>;
}

/** The enclosing page's colours, or null outside a PageColorsScope (charts then use the palette in order). */
export function usePageColors(): PageColors | null {
  return useContext(PageColorsContext);
}
