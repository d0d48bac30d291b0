/**
 * Shared by the presets' end-to-end tests (not exported from the package): the engine's backend,
 * a quick-scale local run that checks for leaked tensors and failed runs, and typed figure access.
 */
import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import { initBackend } from '../backend/init-backend.js';
import { getPreset } from '../experiments/catalogue.js';
import { runPresetLocally, type LocalPresetResult } from '../experiments/run-local.js';
import type { Figure, FigureData } from '../experiments/types.js';

/** The engine's backend (wasm with Saddle's kernels and second-order gradients here). */
export async function useEngineBackend(): Promise<void> {
  await initBackend();
  await tf.ready();
}

/** Run a preset at quick scale with extra overrides; every run must succeed and nothing may leak. */
export async function runQuick(id: string, overrides: Record<string, unknown> = {}): Promise<LocalPresetResult> {
  const before = tf.memory().numTensors;
  const started = performance.now();
  const result = await runPresetLocally(getPreset(id), { scale: 'quick', overrides });
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  console.log(
    `${id} (${tf.getBackend()}): ${seconds(performance.now() - started)} s — train ${seconds(result.timings.trainMs)} s, analyze ${seconds(result.timings.analyzeMs)} s`,
  );
  for (const run of result.runs) expect(run.end.status, `${id}/${run.key}: ${run.end.error ?? ''}`).toBe('SUCCEEDED');
  // Every figure is one the preset declared: an analysis figure by id and kind, or a panel of a metric figure.
  const declared = getPreset(id).figures;
  for (const figure of result.figures) {
    const match = declared.find((spec) =>
      spec.kind === 'metric-lines' ? figure.id === spec.id || figure.id.startsWith(`${spec.id}/`) : spec.id === figure.id && spec.kind === figure.data.kind,
    );
    expect(match, `figure '${figure.id}' (${figure.data.kind}) is declared by ${id}`).toBeDefined();
  }
  expect(tf.memory().numTensors).toBe(before);
  return result;
}

/** The figure with this id, checked to be of this kind. */
export function figureData<K extends FigureData['kind']>(figures: Figure[], id: string, kind: K): Extract<FigureData, { kind: K }> {
  const found = figures.find((f) => f.id === id);
  expect(found, `figure '${id}' among ${figures.map((f) => f.id).join(', ')}`).toBeDefined();
  expect(found!.data.kind).toBe(kind);
  return found!.data as Extract<FigureData, { kind: K }>;
}
