import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { symmetricEigenvalues, tridiagonalEigenvalues, tridiagonalize } from './eigen.js';
import { Rng } from '../util/rng.js';

/** A random orthogonal matrix: Gram–Schmidt on a Gaussian matrix (row-major n × n). */
function randomOrthogonal(n: number, seed: number): Float64Array {
  const random = new Rng(seed);
  const q = Float64Array.from({ length: n * n }, () => random.normal());
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      let dot = 0;
      for (let k = 0; k < n; k++) dot += q[i * n + k]! * q[j * n + k]!;
      for (let k = 0; k < n; k++) q[i * n + k]! -= dot * q[j * n + k]!;
    }
    let norm = 0;
    for (let k = 0; k < n; k++) norm += q[i * n + k]! ** 2;
    norm = Math.sqrt(norm);
    for (let k = 0; k < n; k++) q[i * n + k]! /= norm;
  }
  return q;
}

/** Q Λ Qᵀ with the rows of q as eigenvectors. */
function withSpectrum(q: Float64Array, spectrum: number[]): Float64Array {
  const n = spectrum.length;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += q[k * n + i]! * spectrum[k]! * q[k * n + j]!;
      a[i * n + j] = sum;
    }
  }
  return a;
}

describe('symmetricEigenvalues', () => {
  it('returns the sorted diagonal of a diagonal matrix', () => {
    const values = [3, -1, 0, 7.5, 2, 2];
    const n = values.length;
    const data = new Float64Array(n * n);
    values.forEach((v, i) => (data[i * n + i] = v));
    expect(Array.from(symmetricEigenvalues({ size: n, data }))).toEqual([...values].sort((a, b) => a - b));
  });

  it('recovers a known spectrum of Q Λ Qᵀ for a random orthogonal Q (to 1e-10 of the largest)', () => {
    const n = 60;
    const random = new Rng(7);
    // Repeated and near-zero eigenvalues included: they are what Hessians look like.
    const spectrum = Array.from({ length: n }, (_, i) => (i < 20 ? 0 : i < 25 ? 1e-7 : random.normal() * 10));
    const data = withSpectrum(randomOrthogonal(n, 3), spectrum);
    const got = symmetricEigenvalues({ size: n, data });
    const expected = [...spectrum].sort((a, b) => a - b);
    const scale = Math.max(...spectrum.map(Math.abs));
    for (let i = 0; i < n; i++) expect(Math.abs(got[i]! - expected[i]!)).toBeLessThan(1e-10 * scale);
  });

  it('agrees with ml-matrix EigenvalueDecomposition on a random symmetric matrix', () => {
    const n = 80;
    const random = new Rng(11);
    const data = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        const v = random.normal();
        data[i * n + j] = v;
        data[j * n + i] = v;
      }
    }
    const rows = Array.from({ length: n }, (_, i) => Array.from(data.subarray(i * n, (i + 1) * n)));
    const reference = new EigenvalueDecomposition(new Matrix(rows), { assumeSymmetric: true }).realEigenvalues.sort(
      (a, b) => a - b,
    );
    const got = symmetricEigenvalues({ size: n, data });
    for (let i = 0; i < n; i++) expect(got[i]).toBeCloseTo(reference[i]!, 10);
  });

  it('handles sizes 0 and 1', () => {
    expect(symmetricEigenvalues({ size: 0, data: new Float64Array(0) }).length).toBe(0);
    expect(Array.from(symmetricEigenvalues({ size: 1, data: Float64Array.of(-4) }))).toEqual([-4]);
  });

  it('rejects a data array of the wrong length and non-finite entries', () => {
    expect(() => symmetricEigenvalues({ size: 3, data: new Float64Array(8) })).toThrow(/symmetricEigenvalues: matrix.data/);
    expect(() => symmetricEigenvalues({ size: 1, data: Float64Array.of(NaN) })).toThrow(/expected finite/);
  });
});

describe('tridiagonalEigenvalues', () => {
  it('gives 2 − 2cos(kπ/(n+1)) for the 1-D Laplacian tridiag(−1, 2, −1)', () => {
    const n = 50;
    const got = tridiagonalEigenvalues(new Array(n).fill(2), new Array(n - 1).fill(-1));
    const expected = Array.from({ length: n }, (_, k) => 2 - 2 * Math.cos(((k + 1) * Math.PI) / (n + 1))).sort((a, b) => a - b);
    for (let i = 0; i < n; i++) expect(got[i]).toBeCloseTo(expected[i]!, 12);
  });

  it('tridiagonalize keeps the trace and the Frobenius norm, and its memory grows and is reused across sizes', () => {
    for (const n of [7, 300, 3, 64]) {
      const rng = new Rng(n);
      const data = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) data[i * n + j] = data[j * n + i] = rng.normal();
      const before = Float64Array.from(data);
      const { diagonal, offDiagonal } = tridiagonalize({ size: n, data });
      expect(data).toEqual(before); // the input is untouched
      const trace = before.reduce((sum, _, k) => (k % (n + 1) === 0 ? sum + before[k]! : sum), 0);
      const frobenius2 = before.reduce((sum, v) => sum + v * v, 0);
      expect(diagonal.reduce((a, b) => a + b, 0)).toBeCloseTo(trace, 9);
      const tridiagonal2 = diagonal.reduce((a, b) => a + b * b, 0) + 2 * offDiagonal.reduce((a, b) => a + b * b, 0);
      expect(Math.abs(tridiagonal2 - frobenius2) / frobenius2).toBeLessThan(1e-12);
    }
  });
});
