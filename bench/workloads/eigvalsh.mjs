/** All eigenvalues of a 573 × 573 symmetric matrix (float64, no vectors). */
import { need, timeMs } from '../lib/harness.mjs';
import { gaussian } from './shared.mjs';

const N = 573;

export default {
  id: 'eigvalsh',
  title: 'symmetric eigenvalues 573×573',
  // No model: one thread (the eigenvalues are float64 JavaScript, not tfjs).
  models: () => [],
  limits:
    "Householder tridiagonalisation compiled from C with f64x2 SIMD (one thread, every inner loop along a stored row), then implicit QL in JavaScript, against LAPACK's dsytrd/dsterf.",
  reference: 'eigvalsh.py',
  repetitions: { quick: { warmup: 1, reps: 3 }, full: { warmup: 2, reps: 10 } },
  prepare({ engine }) {
    // (G + Gᵀ)/2 of a seeded Gaussian G: a dense symmetric matrix with a semicircle spectrum.
    const g = gaussian(engine, N * N, 573);
    const matrix = new Float64Array(N * N);
    for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) matrix[i * N + j] = (g[i * N + j] + g[j * N + i]) / 2;
    return { meta: { size: N }, arrays: { matrix: { values: matrix, shape: [N, N] } } };
  },
  async engine({ engine }, prepared, repetitions) {
    const { symmetricEigenvalues } = need(engine, 'symmetricEigenvalues');
    const matrix = { size: N, data: prepared.arrays.matrix.values };
    let values;
    const timing = await timeMs(() => {
      values = symmetricEigenvalues(matrix);
    }, repetitions);
    return {
      timing,
      check: { min: values[0], max: values[N - 1], sum: values.reduce((a, b) => a + b, 0) },
      via: 'symmetricEigenvalues (Householder tridiagonalisation + implicit QL)',
    };
  },
};
