/**
 * Which packed input texels a fragment of the packed grouped-conv shader reads along the width.
 *
 * A packed tfjs texture holds 2×2 blocks of its two innermost dimensions; for NHWC that is two columns × two
 * channels, starting at an even column. A fragment computes output columns ox and ox+1 (ox even), so with
 * stride s the input column of output column ox+j and filter tap kx is ox·s + (j·s − pad + kx), and ox·s is
 * even: every column a fragment needs lies in a texel whose start is ox·s plus a fixed even offset.
 */
export interface ColumnPlan {
  /** even column offsets from ox·stride of the texels to fetch, ascending */
  texelOffsets: number[];
  /** taps[j][kx]: the texel (index into texelOffsets) and its half (high: the second column) */
  taps: { texel: number; high: boolean }[][];
}

export function columnPlan(kw: number, stride: number, pad: number): ColumnPlan {
  const offsetOf = (j: number, kx: number) => j * stride - pad + kx;
  const evenFloor = (v: number) => 2 * Math.floor(v / 2);
  const offsets = new Set<number>();
  for (let j = 0; j < 2; j++) for (let kx = 0; kx < kw; kx++) offsets.add(evenFloor(offsetOf(j, kx)));
  const texelOffsets = [...offsets].sort((a, b) => a - b);
  const taps = [0, 1].map((j) =>
    Array.from({ length: kw }, (_, kx) => {
      const off = offsetOf(j, kx);
      const start = evenFloor(off);
      return { texel: texelOffsets.indexOf(start), high: off !== start };
    }),
  );
  return { texelOffsets, taps };
}
