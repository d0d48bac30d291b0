/**
 * Eigenvalues (no vectors) of real symmetric matrices, in float64: Householder reduction to
 * tridiagonal form, then the implicit QL algorithm with Wilkinson-style shifts (EISPACK's
 * tred1 + tql1; Numerical Recipes' tred2/tqli without the vector updates). Skipping the
 * eigenvectors is what makes this several times faster than ml-matrix's
 * EigenvalueDecomposition, which always accumulates them (see README "Analyses" for timings).
 */
import { tridiagonalizeCompiled } from './kernels/tridiagonalize.js';

/** A dense symmetric matrix as row-major float64 values, n × n. */
export interface SymmetricMatrix {
  size: number;
  data: Float64Array;
}

/**
 * Eigenvalues of the symmetric matrix in ascending order. Only the lower triangle is read.
 * The input is not modified.
 */
export function symmetricEigenvalues(matrix: SymmetricMatrix): Float64Array {
  const n = matrix.size;
  if (!Number.isInteger(n) || n < 0 || matrix.data.length !== n * n) {
    throw new Error(
      `Error in symmetricEigenvalues: matrix.data must hold size² = ${n * n} values, but has ${matrix.data.length}.`,
    );
  }
  for (let i = 0; i < matrix.data.length; i++) {
    if (!Number.isFinite(matrix.data[i])) {
      throw new Error(`Error in symmetricEigenvalues: matrix.data[${i}] is ${matrix.data[i]}; expected finite values.`);
    }
  }
  if (n === 0) return new Float64Array(0);
  const { diagonal, offDiagonal } = tridiagonalize(matrix);
  return tridiagonalEigenvalues(diagonal, offDiagonal);
}

/**
 * Householder reduction Qᵀ A Q = T. Returns T's diagonal (n) and sub-diagonal (n − 1).
 * Only the lower triangle is read; the input is not modified. Compiled C with wasm SIMD
 * (kernels/tridiagonalize.c: EISPACK's tred1 with every inner loop along a stored row); the
 * scalar JavaScript it replaced took 3–4× as long for n = 573.
 */
export function tridiagonalize(matrix: SymmetricMatrix): { diagonal: Float64Array; offDiagonal: Float64Array } {
  return tridiagonalizeCompiled(matrix.data, matrix.size);
}

function hypot(a: number, b: number): number {
  const absA = Math.abs(a);
  const absB = Math.abs(b);
  if (absA > absB) return absA * Math.sqrt(1 + (absB / absA) ** 2);
  return absB === 0 ? 0 : absB * Math.sqrt(1 + (absA / absB) ** 2);
}

/** Most QL sweeps one eigenvalue may take; 30 is EISPACK's bound and is never reached in practice. */
const MAX_QL_ITERATIONS = 60;

/**
 * Eigenvalues, ascending, of the symmetric tridiagonal matrix with the given diagonal (n) and
 * sub-diagonal (n − 1) by the implicit QL algorithm. Inputs are not modified.
 */
export function tridiagonalEigenvalues(diagonal: ArrayLike<number>, offDiagonal: ArrayLike<number>): Float64Array {
  const n = diagonal.length;
  if (n > 0 && offDiagonal.length !== n - 1) {
    throw new Error(
      `Error in tridiagonalEigenvalues: offDiagonal must have diagonal.length − 1 = ${n - 1} entries, but has ${offDiagonal.length}.`,
    );
  }
  const d = Float64Array.from(diagonal);
  const e = new Float64Array(n);
  for (let i = 0; i < n - 1; i++) e[i] = offDiagonal[i]!;
  for (let l = 0; l < n; l++) {
    let iterations = 0;
    let m: number;
    do {
      for (m = l; m < n - 1; m++) {
        const dd = Math.abs(d[m]!) + Math.abs(d[m + 1]!);
        if (Math.abs(e[m]!) <= Number.EPSILON * dd) break;
      }
      if (m !== l) {
        if (iterations++ === MAX_QL_ITERATIONS) {
          throw new Error(`Error in tridiagonalEigenvalues: QL did not converge for eigenvalue ${l} in ${MAX_QL_ITERATIONS} sweeps.`);
        }
        let g = (d[l + 1]! - d[l]!) / (2 * e[l]!);
        let r = hypot(g, 1);
        g = d[m]! - d[l]! + e[l]! / (g + (g >= 0 ? Math.abs(r) : -Math.abs(r)));
        let s = 1;
        let c = 1;
        let p = 0;
        let i: number;
        let underflow = false;
        for (i = m - 1; i >= l; i--) {
          const f = s * e[i]!;
          const b = c * e[i]!;
          r = hypot(f, g);
          e[i + 1] = r;
          if (r === 0) {
            d[i + 1]! -= p;
            e[m] = 0;
            underflow = true;
            break;
          }
          s = f / r;
          c = g / r;
          g = d[i + 1]! - p;
          r = (d[i]! - g) * s + 2 * c * b;
          p = s * r;
          d[i + 1] = g + p;
          g = c * r - b;
        }
        if (underflow) continue;
        d[l]! -= p;
        e[l] = g;
        e[m] = 0;
      }
    } while (m !== l);
  }
  return d.sort();
}
