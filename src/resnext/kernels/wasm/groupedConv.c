/*
 * Grouped 2-D convolution for the tfjs wasm backend, WebAssembly SIMD (128-bit).
 *
 * Layouts (all float32):
 *   x    NHWC input [n][h][w][cin], cin = groups·cinG;
 *   xg   the input split per group and zero-padded, [groups][n][hp][wp][cinG] (prepare_input builds it), so that
 *        one group's input is contiguous and every load of a tile sits at a fixed offset from one pointer;
 *   w    packed filter [groups][kh][kw][cinG][cp] with cp = coutG rounded up to 4, zero past coutG
 *        (pack_filter builds it from the HWIO filter [kh][kw][cinG][cout]);
 *   bias packed [groups][cp] (zeros when the op has none);
 *   out  NHWC output [n][ho][wo][cout], cout = groups·coutG.
 *
 * For fixed (ky, kx, i) the outputs of a group are contiguous in w, so a group's outputs for one pixel live in
 * cp/4 vector accumulators, each updated by splat(xg[g, ..., i]) · w[g, ky, kx, i, 4v..4v+3]. A tile computes P
 * output pixels of a row at once so that each weight vector, once loaded, serves P pixels. Groups wider than 16
 * outputs are processed in chunks of up to 4 vectors.
 */
#include <wasm_simd128.h>

#define INLINE static inline __attribute__((always_inline))
#define NOINLINE static __attribute__((noinline))

/* Most pixels per tile (tile sizes per accumulator count are set where the variants are instantiated). */
#define PMAX 6

typedef struct {
  const float *xg;
  const float *w;
  const float *bias;
  float *out;
  int n, hp, wp, groups, cinG, cp, coutG, cout, kh, kw, stride, ho, wo, relu;
} Conv;

/*
 * One tile: P output pixels (ox0.. of one output row), one group, NV accumulator vectors starting at vector v0
 * of the group. CING, STRIDE and CP > 0 fix those at compile time; 0 reads them from c. `lanes` is how many of
 * the last vector's lanes are real outputs (4 unless coutG is not a multiple of 4).
 */
INLINE void tile(const Conv *c, const float *xrow, const float *wg, const float *bg, float *orow, int ox0,
                 int lanes, const int P, const int NV, const int CING, const int STRIDE, const int CP) {
  const int cinG = CING > 0 ? CING : c->cinG;
  const int stride = STRIDE > 0 ? STRIDE : c->stride;
  const int cp = CP > 0 ? CP : c->cp;
  const int xstep = stride * cinG;
  const int xrowStride = c->wp * cinG;
  v128_t acc[PMAX][4];
  for (int v = 0; v < NV; v++) {
    v128_t bv = wasm_v128_load(bg + 4 * v);
    for (int p = 0; p < P; p++) acc[p][v] = bv;
  }
  const float *wk = wg;
  const float *x0 = xrow + ox0 * xstep;
  for (int ky = 0; ky < c->kh; ky++) {
    const float *xk = x0 + ky * xrowStride;
    for (int kx = 0; kx < c->kw; kx++, xk += cinG) {
      for (int i = 0; i < cinG; i++) {
        v128_t wv[4];
        for (int v = 0; v < NV; v++) wv[v] = wasm_v128_load(wk + 4 * v);
        wk += cp;
        for (int p = 0; p < P; p++) {
          v128_t s = wasm_v128_load32_splat(xk + p * xstep + i);
          for (int v = 0; v < NV; v++) acc[p][v] = wasm_f32x4_add(acc[p][v], wasm_f32x4_mul(s, wv[v]));
        }
      }
    }
  }
  const v128_t zero = wasm_f32x4_splat(0.0f);
  for (int p = 0; p < P; p++) {
    float *o = orow + (ox0 + p) * c->cout;
    for (int v = 0; v < NV; v++) {
      v128_t a = c->relu ? wasm_f32x4_max(acc[p][v], zero) : acc[p][v];
      if (v < NV - 1 || lanes == 4) {
        wasm_v128_store(o + 4 * v, a);
      } else {
        wasm_v128_store32_lane(o + 4 * v, a, 0);
        if (lanes > 1) wasm_v128_store32_lane(o + 4 * v + 1, a, 1);
        if (lanes > 2) wasm_v128_store32_lane(o + 4 * v + 2, a, 2);
      }
    }
  }
}

/*
 * Every output pixel for vectors v0..v0+NV-1 of every group, a group at a time (its input plane and weights stay
 * in cache): tiles of P pixels along each row, then the rest in tiles of 4, 2 and 1.
 */
INLINE void run(const Conv *c, int v0, int lanes, const int P, const int NV, const int CING, const int STRIDE,
                const int CP) {
  const int cinG = CING > 0 ? CING : c->cinG;
  const int stride = STRIDE > 0 ? STRIDE : c->stride;
  const int cp = CP > 0 ? CP : c->cp;
  const int planeLen = c->hp * c->wp * cinG;
  for (int g = 0; g < c->groups; g++) {
    const float *wg = c->w + g * c->kh * c->kw * cinG * cp + 4 * v0;
    const float *bg = c->bias + g * cp + 4 * v0;
    for (int b = 0; b < c->n; b++) {
      const float *plane = c->xg + (g * c->n + b) * planeLen;
      for (int oy = 0; oy < c->ho; oy++) {
        const float *xrow = plane + oy * stride * c->wp * cinG;
        float *orow = c->out + (b * c->ho + oy) * c->wo * c->cout + g * c->coutG + 4 * v0;
        int ox = 0;
        for (; ox + P <= c->wo; ox += P) tile(c, xrow, wg, bg, orow, ox, lanes, P, NV, CING, STRIDE, CP);
        if (P > 4 && ox + 4 <= c->wo) {
          tile(c, xrow, wg, bg, orow, ox, lanes, 4, NV, CING, STRIDE, CP);
          ox += 4;
        }
        if (P > 2)
          for (; ox + 2 <= c->wo; ox += 2) tile(c, xrow, wg, bg, orow, ox, lanes, 2, NV, CING, STRIDE, CP);
        for (; ox < c->wo; ox++) tile(c, xrow, wg, bg, orow, ox, lanes, 1, NV, CING, STRIDE, CP);
      }
    }
  }
}

/*
 * One compiled variant per (accumulator vectors, cinG, stride) for the common group widths; CING = 0 is the
 * generic variant, which also serves groups wider than 16 outputs (cp larger than the vectors of one pass).
 */
#define VARIANT(NV, P, CING, STRIDE)                                               \
  NOINLINE void run_##NV##_##CING##_##STRIDE(const Conv *c, int v0, int lanes) {   \
    run(c, v0, lanes, P, NV, CING, STRIDE, CING > 0 ? 4 * NV : 0);                 \
  }

#define VARIANTS(NV, P)                                                            \
  VARIANT(NV, P, 4, 1)                                                             \
  VARIANT(NV, P, 4, 2)                                                             \
  VARIANT(NV, P, 8, 1)                                                             \
  VARIANT(NV, P, 8, 2)                                                             \
  VARIANT(NV, P, 16, 1)                                                            \
  VARIANT(NV, P, 16, 2)                                                            \
  VARIANT(NV, P, 0, 0)                                                             \
  NOINLINE void run_##NV(const Conv *c, int v0, int lanes) {                       \
    const int s = c->stride;                                                       \
    switch (c->cp == 4 * NV && (s == 1 || s == 2) ? c->cinG : 0) {                 \
      case 4: (s == 1 ? run_##NV##_4_1 : run_##NV##_4_2)(c, v0, lanes); break;     \
      case 8: (s == 1 ? run_##NV##_8_1 : run_##NV##_8_2)(c, v0, lanes); break;     \
      case 16: (s == 1 ? run_##NV##_16_1 : run_##NV##_16_2)(c, v0, lanes); break;  \
      default: run_##NV##_0_0(c, v0, lanes); break;                                \
    }                                                                              \
  }

/*
 * Pixels per tile, the fastest measured under V8 (x64) for the ResNeXt-29 shapes; more accumulators than these
 * spill registers, and sizes that leave many single-pixel tiles at the row end lose more than they gain.
 */
VARIANTS(1, 6)
VARIANTS(2, 4)
VARIANTS(3, 3)
VARIANTS(4, 2)

__attribute__((export_name("grouped_conv"))) void grouped_conv(const float *xg, const float *w, const float *bias,
                                                               float *out, int n, int hp, int wp, int groups,
                                                               int cinG, int coutG, int kh, int kw, int stride,
                                                               int ho, int wo, int relu) {
  Conv c = {xg, w, bias, out, n, hp, wp, groups, cinG, (coutG + 3) & ~3, coutG, groups * coutG,
            kh, kw, stride, ho, wo, relu};
  const int nvTotal = c.cp / 4;
  for (int v0 = 0; v0 < nvTotal; v0 += 4) {
    const int nv = nvTotal - v0 < 4 ? nvTotal - v0 : 4;
    const int lanes = v0 + nv == nvTotal ? coutG - 4 * (nvTotal - 1) : 4;
    switch (nv) {
      case 1: run_1(&c, v0, lanes); break;
      case 2: run_2(&c, v0, lanes); break;
      case 3: run_3(&c, v0, lanes); break;
      default: run_4(&c, v0, lanes); break;
    }
  }
}

INLINE void split_row(const float *x, float *xg, int w, int cin, int groups, int planeLen, const int CING) {
  for (int ix = 0; ix < w; ix++)
    for (int g = 0; g < groups; g++) {
      const float *s = x + ix * cin + g * CING;
      float *d = xg + g * planeLen + ix * CING;
      for (int i = 0; i < CING; i += 4) wasm_v128_store(d + i, wasm_v128_load(s + i));
    }
}

/* NHWC x [n][h][w][groups·cinG] → xg [groups][n][h + 2·pad][w + 2·pad][cinG], zero border. */
__attribute__((export_name("prepare_input"))) void prepare_input(const float *x, float *xg, int n, int h, int w,
                                                                 int groups, int cinG, int pad) {
  const int hp = h + 2 * pad, wp = w + 2 * pad, cin = groups * cinG;
  const int planeLen = n * hp * wp * cinG;
  for (int g = 0; g < groups; g++) {
    float *d = xg + g * planeLen;
    for (int b = 0; b < n; b++) {
      for (int y = 0; y < hp; y++) {
        float *row = d + (b * hp + y) * wp * cinG;
        const int full = y < pad || y >= pad + h;
        for (int j = 0; j < (full ? wp : pad) * cinG; j++) row[j] = 0.0f;
        if (!full)
          for (int j = (pad + w) * cinG; j < wp * cinG; j++) row[j] = 0.0f;
      }
    }
  }
  for (int b = 0; b < n; b++)
    for (int y = 0; y < h; y++) {
      const float *s = x + (b * h + y) * w * cin;
      float *d = xg + ((b * hp + y + pad) * wp + pad) * cinG;
      switch (cinG) {
        case 4: split_row(s, d, w, cin, groups, planeLen, 4); break;
        case 8: split_row(s, d, w, cin, groups, planeLen, 8); break;
        case 16: split_row(s, d, w, cin, groups, planeLen, 16); break;
        default:
          for (int ix = 0; ix < w; ix++)
            for (int c = 0; c < cin; c++) d[(c / cinG) * planeLen + ix * cinG + c % cinG] = s[ix * cin + c];
      }
    }
}

/* HWIO filter [kh·kw][cinG][groups·coutG] → [groups][kh·kw][cinG][cp], zero-filled lanes past coutG. */
__attribute__((export_name("pack_filter"))) void pack_filter(const float *src, float *dst, int khw, int cinG,
                                                             int groups, int coutG) {
  const int cp = (coutG + 3) & ~3;
  const int cout = groups * coutG;
  for (int g = 0; g < groups; g++)
    for (int k = 0; k < khw; k++)
      for (int i = 0; i < cinG; i++) {
        const float *s = src + (k * cinG + i) * cout + g * coutG;
        float *d = dst + ((g * khw + k) * cinG + i) * cp;
        for (int j = 0; j < cp; j++) d[j] = j < coutG ? s[j] : 0.0f;
      }
}

/* bias [groups·coutG] (or none when src is 0) → [groups][cp]. */
__attribute__((export_name("pack_bias"))) void pack_bias(const float *src, float *dst, int groups, int coutG) {
  const int cp = (coutG + 3) & ~3;
  for (int g = 0; g < groups; g++)
    for (int j = 0; j < cp; j++) dst[g * cp + j] = src && j < coutG ? src[g * coutG + j] : 0.0f;
}
