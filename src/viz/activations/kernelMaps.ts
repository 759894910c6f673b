import type { MapSource } from './mapSource';

/**
 * The kernel of one group of a grouped 3×3 conv as maps to draw: from the conv's HWIO weights
 * [kh, kw, d, C·d], group g's d×d kernels of kh×kw, one map per (output o, input i) at index o·d + i, so a grid
 * of d columns shows one row per output channel.
 */
export function groupKernelMaps(
  weights: ArrayLike<number>,
  shape: readonly [number, number, number, number],
  groups: number,
  group: number,
): MapSource {
  const [kh, kw, d, width] = shape;
  if (width !== d * groups) throw new Error(`weights [${shape.join(',')}] are not ${groups} groups of ${d}`);
  if (!Number.isInteger(group) || group < 0 || group >= groups)
    throw new Error(`no group ${group} of ${groups}`);
  const data = new Float32Array(d * d * kh * kw);
  for (let o = 0; o < d; o++) {
    for (let i = 0; i < d; i++) {
      for (let y = 0; y < kh; y++) {
        for (let x = 0; x < kw; x++) {
          data[((o * d + i) * kh + y) * kw + x] = weights[((y * kw + x) * d + i) * width + group * d + o];
        }
      }
    }
  }
  return {
    data,
    channels: d * d,
    height: kh,
    width: kw,
    offset: 0,
    cStride: kh * kw,
    yStride: kw,
    xStride: 1,
  };
}
