// node --test bench/ — the table renderer and the timing helpers (no engine, no PyTorch needed).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { median, relativeDifference, summarize } from './lib/harness.mjs';
import { formatMs, formatRatio, renderResults } from './render.mjs';

test('median of odd and even counts, unsorted input', () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
});

test('summarize keeps every sample and the CPU median', () => {
  const s = summarize([3, 1, 2], [1, 1, 4]);
  assert.deepEqual([s.medianMs, s.minMs, s.maxMs, s.reps, s.cpuMedianMs], [2, 1, 3, 3, 1]);
});

test('relativeDifference is symmetric and 0 for equal zeros', () => {
  assert.equal(relativeDifference(0, 0), 0);
  assert.equal(relativeDifference(1, 0.5), 0.5);
  assert.equal(relativeDifference(0.5, 1), 0.5);
});

test('formatMs picks the unit by size, three significant figures', () => {
  assert.equal(formatMs(1.234), '1.23 ms');
  assert.equal(formatMs(31.64), '31.6 ms');
  assert.equal(formatMs(2310), '2.31 s');
  assert.equal(formatMs(744_000), '12.4 min');
  assert.equal(formatMs(47_096_000), '13.1 h');
  assert.equal(formatMs(undefined), '—');
  assert.equal(formatRatio(2.345), '2.35×');
  assert.equal(formatRatio(23.4), '23×');
});

test('renderResults: ok, missing and disagreeing rows, pipes escaped, noisy-run warning', () => {
  const results = {
    date: '2026-11-29T10:00:00.000Z',
    scale: 'full',
    command: 'node bench/run.mjs',
    machine: { cpus: 2, model: 'AMD EPYC', memoryGiB: 23.4 },
    node: 'v20.20.2',
    tfjs: '4.22.0',
    backend: 'wasm',
    backendNote: 'engine initBackend(), SIMD on',
    engineThreads: 1,
    torch: '1.13.0',
    torchThreads: 2,
    workloads: [
      {
        id: 'a', title: 'row a', limits: 'x | y', status: 'ok', loadAverageBefore: 5,
        pytorch: { status: 'ok', timing: { medianMs: 2 }, check: { loss0: 1 } },
        saddle: { status: 'ok', timing: { medianMs: 5, cpuMedianMs: 4 }, check: { loss0: 1 } },
        ratio: 2.5, agreement: { loss0: 0 },
      },
      { id: 'b', title: 'row b', limits: 'z', status: 'missing', reason: 'no f', saddle: { status: 'missing', reason: 'no f' } },
      {
        id: 'c', title: 'row c', limits: 'w', status: 'ok',
        pytorch: { status: 'ok', timing: { medianMs: 1000 } }, saddle: { status: 'ok', timing: { medianMs: 1000 } },
        ratio: 1, agreement: { loss0: 0.01 },
      },
    ],
  };
  const text = renderResults(results);
  assert.match(text, /\| row a \| 2\.00 ms \| 5\.00 ms \(CPU 4\.00 ms\) \| 2\.50× \| x \\\| y \|/);
  assert.match(text, /\| row b \| — \| not yet \| — \| Not measured yet: no f\. z \|/);
  assert.match(text, /\| row c \| 1\.00 s \| 1\.00 s \| 1\.00× \(results differ by 1\.0e-2\) \| w \|/);
  assert.match(text, /Noisy run:.*5\.0 on 2 cores/);
  assert.match(text, /PyTorch 1\.13\.0 \(2 threads\)/);
});
