/*
 * Saddle's SIMD kernels for tfjs-wasm, compiled with clang's wasm32 target (build-kernels.mjs).
 *
 * The module IMPORTS tfjs-wasm's own linear memory, so every pointer below is a tensor's offset
 * in tfjs's heap: no copies in or out. It must therefore never touch memory of its own: no
 * static data, no stack (no arrays on the stack, no address-taken locals). Per-channel
 * accumulators live in a scratch buffer the caller allocates in the heap. The build checks the
 * compiled code for data segments and stack-pointer use and fails if it finds either.
 *
 * Layout: x is [M, C] row-major (NHWC flattened), normalised per channel c over the M rows.
 * Fast paths need C % 4 == 0 (whole f32x4 vectors per row); the JavaScript kernels handle the rest.
 */
#include <wasm_simd128.h>

#define EXPORT(name) __attribute__((export_name(#name)))

static inline v128_t promote_high(v128_t v) { return wasm_f64x2_promote_low_f32x4(wasm_i64x2_shuffle(v, v, 1, 0)); }

/*
 * Batch norm forward, training mode: per-channel mean and biased variance of x (accumulated in
 * float64), then y = x·scale + shift with scale = γ/√(σ² + ε), shift = β − μ·scale, then ReLU.
 * scratch: 4·C doubles (32·C bytes), 16-byte aligned: accumulators, then per-channel coefficients.
 */
EXPORT(bn_forward)
void bn_forward(const float *x, float *y, int M, int C, const float *gamma, const float *beta, float *mean, float *variance,
                float epsilon, int relu, double *scratch) {
  double *sum = scratch, *squares = scratch + C;
  for (int c = 0; c < 2 * C; c += 2) wasm_v128_store(scratch + c, wasm_f64x2_splat(0.0));
  for (int i = 0; i < M * C; i += C) {
    for (int c = 0; c < C; c += 4) {
      v128_t v = wasm_v128_load(x + i + c);
      v128_t lo = wasm_f64x2_promote_low_f32x4(v), hi = promote_high(v);
      wasm_v128_store(sum + c, wasm_f64x2_add(wasm_v128_load(sum + c), lo));
      wasm_v128_store(sum + c + 2, wasm_f64x2_add(wasm_v128_load(sum + c + 2), hi));
      wasm_v128_store(squares + c, wasm_f64x2_add(wasm_v128_load(squares + c), wasm_f64x2_mul(lo, lo)));
      wasm_v128_store(squares + c + 2, wasm_f64x2_add(wasm_v128_load(squares + c + 2), wasm_f64x2_mul(hi, hi)));
    }
  }
  float *scale = (float *)(scratch + 2 * C), *shift = scale + C;
  for (int c = 0; c < C; c++) {
    double mu = sum[c] / M;
    double var = squares[c] / M - mu * mu;
    if (var < 0) var = 0;
    mean[c] = (float)mu;
    variance[c] = (float)var;
    float s = gamma[c] / __builtin_sqrtf((float)var + epsilon);
    scale[c] = s;
    shift[c] = beta[c] - (float)mu * s;
  }
  v128_t zero = wasm_f32x4_splat(0.0f);
  for (int i = 0; i < M * C; i += C) {
    for (int c = 0; c < C; c += 4) {
      v128_t v = wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(x + i + c), wasm_v128_load(scale + c)), wasm_v128_load(shift + c));
      wasm_v128_store(y + i + c, relu ? wasm_f32x4_pmax(zero, v) : v);
    }
  }
}

/*
 * Batch norm backward: g = dy (masked by y > 0 with ReLU); dβ = Σg, dγ = Σg·x̂ = invStd·(Σg·x − μ·Σg),
 * dx = a·g + b·x + d with a = γ·invStd, b = −a·invStd·dγ/M, d = −a·(dβ − μ·invStd·dγ)/M.
 * scratch: 4·C doubles, as in bn_forward.
 */
EXPORT(bn_backward)
void bn_backward(const float *dy, const float *x, const float *y, float *dx, int M, int C, const float *mean, const float *variance,
                 const float *gamma, float *dgamma, float *dbeta, float epsilon, int relu, double *scratch) {
  double *sum_g = scratch, *sum_gx = scratch + C;
  for (int c = 0; c < 2 * C; c += 2) wasm_v128_store(scratch + c, wasm_f64x2_splat(0.0));
  v128_t zero = wasm_f32x4_splat(0.0f);
  v128_t all = wasm_i32x4_splat(-1);
  for (int i = 0; i < M * C; i += C) {
    for (int c = 0; c < C; c += 4) {
      v128_t mask = relu ? wasm_f32x4_gt(wasm_v128_load(y + i + c), zero) : all;
      v128_t g = wasm_v128_and(wasm_v128_load(dy + i + c), mask);
      v128_t gx = wasm_f32x4_mul(g, wasm_v128_load(x + i + c));
      wasm_v128_store(sum_g + c, wasm_f64x2_add(wasm_v128_load(sum_g + c), wasm_f64x2_promote_low_f32x4(g)));
      wasm_v128_store(sum_g + c + 2, wasm_f64x2_add(wasm_v128_load(sum_g + c + 2), promote_high(g)));
      wasm_v128_store(sum_gx + c, wasm_f64x2_add(wasm_v128_load(sum_gx + c), wasm_f64x2_promote_low_f32x4(gx)));
      wasm_v128_store(sum_gx + c + 2, wasm_f64x2_add(wasm_v128_load(sum_gx + c + 2), promote_high(gx)));
    }
  }
  float *a = (float *)(scratch + 2 * C), *b = a + C, *d = b + C;
  for (int c = 0; c < C; c++) {
    double inv_std = 1.0 / __builtin_sqrt((double)variance[c] + epsilon);
    double d_beta = sum_g[c];
    double d_gamma = inv_std * (sum_gx[c] - mean[c] * d_beta);
    dgamma[c] = (float)d_gamma;
    dbeta[c] = (float)d_beta;
    double ac = gamma[c] * inv_std;
    a[c] = (float)ac;
    b[c] = (float)(-ac * inv_std * d_gamma / M);
    d[c] = (float)(-ac * (d_beta - mean[c] * inv_std * d_gamma) / M);
  }
  for (int i = 0; i < M * C; i += C) {
    for (int c = 0; c < C; c += 4) {
      v128_t mask = relu ? wasm_f32x4_gt(wasm_v128_load(y + i + c), zero) : all;
      v128_t g = wasm_v128_and(wasm_v128_load(dy + i + c), mask);
      v128_t v = wasm_f32x4_add(wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(a + c), g), wasm_f32x4_mul(wasm_v128_load(b + c), wasm_v128_load(x + i + c))),
                                wasm_v128_load(d + c));
      wasm_v128_store(dx + i + c, v);
    }
  }
}

/*
 * Max-pool gradient for 2×2 windows with stride 2 that tile the input exactly (H = 2·outH,
 * W = 2·outW): each output's dy goes to the first position, in row-major window order, holding
 * the strict maximum (NaN never wins) — the cpu kernel's rule. Writes every dx element.
 */
EXPORT(max_pool_2x2_grad)
void max_pool_2x2_grad(const float *x, const float *dy, float *dx, int batch, int out_h, int out_w, int C) {
  int in_w = 2 * out_w;
  int row = in_w * C;
  v128_t minus_inf = wasm_f32x4_splat(-__builtin_inff());
  for (int b = 0; b < batch; b++) {
    for (int oh = 0; oh < out_h; oh++) {
      for (int ow = 0; ow < out_w; ow++) {
        int base = ((b * 2 * out_h + 2 * oh) * in_w + 2 * ow) * C;
        int out = ((b * out_h + oh) * out_w + ow) * C;
        for (int c = 0; c < C; c += 4) {
          int p0 = base + c, p1 = p0 + C, p2 = p0 + row, p3 = p2 + C;
          v128_t v0 = wasm_v128_load(x + p0), v1 = wasm_v128_load(x + p1), v2 = wasm_v128_load(x + p2), v3 = wasm_v128_load(x + p3);
          v128_t best = minus_inf;
          v128_t w0 = wasm_f32x4_gt(v0, best);
          best = wasm_v128_bitselect(v0, best, w0);
          v128_t w1 = wasm_f32x4_gt(v1, best);
          best = wasm_v128_bitselect(v1, best, w1);
          v128_t w2 = wasm_f32x4_gt(v2, best);
          best = wasm_v128_bitselect(v2, best, w2);
          v128_t w3 = wasm_f32x4_gt(v3, best);
          /* The winner is the last position whose test passed. */
          v128_t s3 = w3;
          v128_t s2 = wasm_v128_andnot(w2, s3);
          v128_t s1 = wasm_v128_andnot(wasm_v128_andnot(w1, s3), w2);
          v128_t s0 = wasm_v128_andnot(wasm_v128_andnot(wasm_v128_andnot(w0, s3), w2), w1);
          v128_t g = wasm_v128_load(dy + out + c);
          wasm_v128_store(dx + p0, wasm_v128_and(g, s0));
          wasm_v128_store(dx + p1, wasm_v128_and(g, s1));
          wasm_v128_store(dx + p2, wasm_v128_and(g, s2));
          wasm_v128_store(dx + p3, wasm_v128_and(g, s3));
        }
      }
    }
  }
}

/*
 * Sums over a run of axes that leaves the last one: x [outer, M, C] → out [outer, C] (with
 * outer = 1: a Sum over every axis but the last, e.g. a conv bias's gradient), accumulated in
 * float64. scratch: C doubles (C rounded up to even).
 */
EXPORT(sum_middle_axes)
void sum_middle_axes(const float *x, float *out, int outer, int M, int C, double *scratch) {
  int C4 = C & ~3;
  for (int o = 0; o < outer; o++) {
    const float *xo = x + o * M * C;
    for (int c = 0; c < C; c++) scratch[c] = 0.0;
    for (int i = 0; i < M * C; i += C) {
      for (int c = 0; c < C4; c += 4) {
        v128_t v = wasm_v128_load(xo + i + c);
        wasm_v128_store(scratch + c, wasm_f64x2_add(wasm_v128_load(scratch + c), wasm_f64x2_promote_low_f32x4(v)));
        wasm_v128_store(scratch + c + 2, wasm_f64x2_add(wasm_v128_load(scratch + c + 2), promote_high(v)));
      }
      for (int c = C4; c < C; c++) scratch[c] += xo[i + c];
    }
    for (int c = 0; c < C; c++) out[o * C + c] = (float)scratch[c];
  }
}

/*
 * Swaps the first two of three axes: src [A, B, C] → dst [B, A, C], whole rows of C floats at a
 * time (the transposes of the convolution gradients keep the channel axis last).
 */
EXPORT(swap_leading_axes)
void swap_leading_axes(const float *src, float *dst, int A, int B, int C) {
  for (int a = 0; a < A; a++) {
    for (int b = 0; b < B; b++) {
      const float *from = src + (a * B + b) * C;
      float *to = dst + (b * A + a) * C;
      for (int c = 0; c < C; c += 4) wasm_v128_store(to + c, wasm_v128_load(from + c));
    }
  }
}

/*
 * C[i, :] = Σ_p A(i, p)·B[p, :] for rows i0 ≤ i < i0 + rows (rows = 1 or 2), where A(i, p) =
 * A[i·rs + p·cs] (rs, cs: strides; transposed A just swaps them). Register-blocked: 16 columns
 * (4 vectors) of up to 2 rows stay in registers across the whole p loop, so each B vector loaded
 * serves both rows and C is written once.
 */
static void gemm_rows(const float *A, int rs, int cs, const float *B, float *C, int i0, int rows, int K, int N) {
  const float *a0 = A + i0 * rs, *a1 = A + (i0 + rows - 1) * rs;
  float *c0 = C + i0 * N, *c1 = C + (i0 + rows - 1) * N;
  int j = 0;
  for (; j + 16 <= N; j += 16) {
    v128_t x0 = wasm_f32x4_splat(0.0f), x1 = x0, x2 = x0, x3 = x0, y0 = x0, y1 = x0, y2 = x0, y3 = x0;
    for (int p = 0; p < K; p++) {
      const float *bp = B + p * N + j;
      v128_t b0 = wasm_v128_load(bp), b1 = wasm_v128_load(bp + 4), b2 = wasm_v128_load(bp + 8), b3 = wasm_v128_load(bp + 12);
      v128_t s0 = wasm_f32x4_splat(a0[p * cs]), s1 = wasm_f32x4_splat(a1[p * cs]);
      x0 = wasm_f32x4_add(x0, wasm_f32x4_mul(s0, b0));
      x1 = wasm_f32x4_add(x1, wasm_f32x4_mul(s0, b1));
      x2 = wasm_f32x4_add(x2, wasm_f32x4_mul(s0, b2));
      x3 = wasm_f32x4_add(x3, wasm_f32x4_mul(s0, b3));
      y0 = wasm_f32x4_add(y0, wasm_f32x4_mul(s1, b0));
      y1 = wasm_f32x4_add(y1, wasm_f32x4_mul(s1, b1));
      y2 = wasm_f32x4_add(y2, wasm_f32x4_mul(s1, b2));
      y3 = wasm_f32x4_add(y3, wasm_f32x4_mul(s1, b3));
    }
    /* Row 1 first: with one row c1 = c0 and row 0's values must win. */
    wasm_v128_store(c1 + j, y0);
    wasm_v128_store(c1 + j + 4, y1);
    wasm_v128_store(c1 + j + 8, y2);
    wasm_v128_store(c1 + j + 12, y3);
    wasm_v128_store(c0 + j, x0);
    wasm_v128_store(c0 + j + 4, x1);
    wasm_v128_store(c0 + j + 8, x2);
    wasm_v128_store(c0 + j + 12, x3);
  }
  for (; j + 4 <= N; j += 4) {
    v128_t x0 = wasm_f32x4_splat(0.0f), y0 = x0;
    for (int p = 0; p < K; p++) {
      v128_t b0 = wasm_v128_load(B + p * N + j);
      x0 = wasm_f32x4_add(x0, wasm_f32x4_mul(wasm_f32x4_splat(a0[p * cs]), b0));
      y0 = wasm_f32x4_add(y0, wasm_f32x4_mul(wasm_f32x4_splat(a1[p * cs]), b0));
    }
    wasm_v128_store(c1 + j, y0);
    wasm_v128_store(c0 + j, x0);
  }
  for (; j < N; j++) {
    float x0 = 0.0f, y0 = 0.0f;
    for (int p = 0; p < K; p++) {
      float b = B[p * N + j];
      x0 += a0[p * cs] * b;
      y0 += a1[p * cs] * b;
    }
    c1[j] = y0;
    c0[j] = x0;
  }
}

/*
 * Batched matrix product out[k] = op(a[k]) · op(b[k]) for k < batch, op = transpose or not,
 * out [batch, M, N]; a is [batchA, M, K] (or [batchA, K, M] transposed), b [batchB, K, N] (or
 * [batchB, N, K]); a batch of 1 broadcasts. tfjs-wasm runs a batch > 1, and any transposed
 * product, as a scalar loop. A transposed b is first copied untransposed into scratch (K·N
 * floats: small next to the product), so every case runs gemm_rows.
 */
EXPORT(batch_matmul)
void batch_matmul(const float *a, const float *b, float *out, int batch, int batch_a, int batch_b, int M, int K, int N, int transpose_a,
                  int transpose_b, float *scratch) {
  int rs = transpose_a ? 1 : K, cs = transpose_a ? M : 1;
  const float *untransposed = 0;
  for (int k = 0; k < batch; k++) {
    const float *A = a + (batch_a == 1 ? 0 : k) * M * K;
    const float *B = b + (batch_b == 1 ? 0 : k) * K * N;
    if (transpose_b) {
      /* b[k] is [N, K]: scratch becomes its [K, N] (once, when b is broadcast). */
      if (batch_b != 1 || untransposed == 0) {
        for (int j = 0; j < N; j++)
          for (int p = 0; p < K; p++) scratch[p * N + j] = B[j * K + p];
        untransposed = scratch;
      }
      B = untransposed;
    }
    float *C = out + k * M * N;
    for (int i = 0; i < M; i += 2) gemm_rows(A, rs, cs, B, C, i, M - i >= 2 ? 2 : 1, K, N);
  }
}

/*
 * One Adam step over n parameters, as the composed tfjs ops compute it in float32 and in the
 * same order: m' = m·β₁ + g·(1−β₁); v' = v·β₂ + g²·(1−β₂); θ' = θ − (m'/c₁·lr) / (√(v'/c₂) + ε),
 * with c₁ = 1 − β₁ᵗ, c₂ = 1 − β₂ᵗ. One pass instead of thirteen kernels.
 */
EXPORT(adam_step)
void adam_step(const float *theta, const float *grad, const float *m, const float *v, float *theta_out, float *m_out, float *v_out, int n, float lr,
               float beta1, float one_minus_beta1, float beta2, float one_minus_beta2, float correction1, float correction2, float epsilon) {
  int n4 = n & ~3;
  v128_t b1 = wasm_f32x4_splat(beta1), ob1 = wasm_f32x4_splat(one_minus_beta1), b2 = wasm_f32x4_splat(beta2), ob2 = wasm_f32x4_splat(one_minus_beta2);
  v128_t c1 = wasm_f32x4_splat(correction1), c2 = wasm_f32x4_splat(correction2), rate = wasm_f32x4_splat(lr), eps = wasm_f32x4_splat(epsilon);
  for (int i = 0; i < n4; i += 4) {
    v128_t g = wasm_v128_load(grad + i);
    v128_t m1 = wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(m + i), b1), wasm_f32x4_mul(g, ob1));
    v128_t v1 = wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(v + i), b2), wasm_f32x4_mul(wasm_f32x4_mul(g, g), ob2));
    v128_t step = wasm_f32x4_div(wasm_f32x4_mul(wasm_f32x4_div(m1, c1), rate), wasm_f32x4_add(wasm_f32x4_sqrt(wasm_f32x4_div(v1, c2)), eps));
    wasm_v128_store(m_out + i, m1);
    wasm_v128_store(v_out + i, v1);
    wasm_v128_store(theta_out + i, wasm_f32x4_sub(wasm_v128_load(theta + i), step));
  }
  for (int i = n4; i < n; i++) {
    float g = grad[i];
    float m1 = m[i] * beta1 + g * one_minus_beta1;
    float v1 = v[i] * beta2 + (g * g) * one_minus_beta2;
    m_out[i] = m1;
    v_out[i] = v1;
    theta_out[i] = theta[i] - ((m1 / correction1) * lr) / (__builtin_sqrtf(v1 / correction2) + epsilon);
  }
}
