/*
 * Householder reduction of a dense symmetric matrix to tridiagonal form, in float64 with wasm
 * SIMD (compiled by scripts/build-kernels.mjs), for `symmetricEigenvalues`. EISPACK's tred1
 * (no vectors), reorganised so that every inner loop runs along a row of the stored lower
 * triangle: A·u is built as a dot product and a scatter per row, and the rank-2 update
 * A −= u·qᵀ + q·uᵀ runs row by row. This module owns its memory (the caller copies the matrix
 * in); nothing here is shared with tfjs.
 */
#include <wasm_simd128.h>

#define EXPORT(name) __attribute__((export_name(#name)))

static double dot(const double *restrict x, const double *restrict y, int n) {
  v128_t acc0 = wasm_f64x2_splat(0.0), acc1 = wasm_f64x2_splat(0.0);
  int k = 0;
  for (; k + 4 <= n; k += 4) {
    acc0 = wasm_f64x2_add(acc0, wasm_f64x2_mul(wasm_v128_load(x + k), wasm_v128_load(y + k)));
    acc1 = wasm_f64x2_add(acc1, wasm_f64x2_mul(wasm_v128_load(x + k + 2), wasm_v128_load(y + k + 2)));
  }
  v128_t acc = wasm_f64x2_add(acc0, acc1);
  double sum = wasm_f64x2_extract_lane(acc, 0) + wasm_f64x2_extract_lane(acc, 1);
  for (; k < n; k++) sum += x[k] * y[k];
  return sum;
}

/* y += alpha·x */
static void axpy(double *restrict y, double alpha, const double *restrict x, int n) {
  v128_t a = wasm_f64x2_splat(alpha);
  int k = 0;
  for (; k + 2 <= n; k += 2) wasm_v128_store(y + k, wasm_f64x2_add(wasm_v128_load(y + k), wasm_f64x2_mul(a, wasm_v128_load(x + k))));
  for (; k < n; k++) y[k] += alpha * x[k];
}

/*
 * a: n×n row-major, only the lower triangle read (and overwritten). Writes the diagonal d[n]
 * and the sub-diagonal e[1..n−1] (e[0] = 0). p: n doubles of scratch.
 */
EXPORT(tridiagonalize)
void tridiagonalize(double *a, int n, double *d, double *e, double *p) {
  for (int i = n - 1; i > 0; i--) {
    int l = i - 1;
    double *u = a + i * n; /* row i, entries 0..l: becomes the Householder vector */
    double h = 0.0;
    if (l > 0) {
      double scale = 0.0;
      for (int k = 0; k <= l; k++) scale += __builtin_fabs(u[k]);
      if (scale == 0.0) {
        e[i] = u[l];
      } else {
        /* Scaling by the row's 1-norm keeps the squares from under- or overflowing. */
        for (int k = 0; k <= l; k++) u[k] /= scale;
        h = dot(u, u, l + 1);
        double f = u[l];
        double g = f >= 0 ? -__builtin_sqrt(h) : __builtin_sqrt(h);
        e[i] = scale * g;
        h -= f * g;
        u[l] = f - g;
        /* p = A·u / h over the leading (l+1)×(l+1) block, one stored row at a time. */
        for (int k = 0; k <= l; k++) p[k] = 0.0;
        for (int j = 0; j <= l; j++) {
          const double *row = a + j * n;
          p[j] += dot(row, u, j) + row[j] * u[j];
          axpy(p, u[j], row, j); /* the row's entries are column j's above the diagonal */
        }
        f = 0.0;
        for (int j = 0; j <= l; j++) {
          p[j] /= h;
          f += p[j] * u[j];
        }
        double hh = f / (h + h);
        for (int j = 0; j <= l; j++) p[j] -= hh * u[j]; /* q */
        /* A −= u·qᵀ + q·uᵀ, lower triangle, row by row. */
        for (int j = 0; j <= l; j++) {
          double *row = a + j * n;
          axpy(row, -u[j], p, j + 1);
          axpy(row, -p[j], u, j + 1);
        }
      }
    } else {
      e[i] = u[l];
    }
  }
  e[0] = 0.0;
  for (int i = 0; i < n; i++) d[i] = a[i * n + i];
}
