/**
 * Colour maps for activation maps, as 256-entry RGB lookup tables: diverging blue–white–red for signed values
 * (before a ReLU), sequential for non-negative ones (after a ReLU).
 */

export type ColorScaleKind = 'diverging' | 'sequential';

type Rgb = readonly [number, number, number];

/** ColorBrewer RdBu, reversed so negative is blue: blue … white … red. */
const DIVERGING: readonly Rgb[] = [
  [5, 48, 97],
  [33, 102, 172],
  [67, 147, 195],
  [146, 197, 222],
  [209, 229, 240],
  [247, 247, 247],
  [253, 219, 199],
  [244, 165, 130],
  [214, 96, 77],
  [178, 24, 43],
  [103, 0, 31],
];

/** Viridis, sampled: dark purple (0) to yellow (max); readable on light and dark pages alike. */
const SEQUENTIAL: readonly Rgb[] = [
  [68, 1, 84],
  [72, 40, 120],
  [62, 74, 137],
  [49, 104, 142],
  [38, 130, 142],
  [31, 158, 137],
  [53, 183, 121],
  [109, 205, 89],
  [180, 222, 44],
  [253, 231, 37],
];

export const COLOR_STOPS: Readonly<Record<ColorScaleKind, readonly Rgb[]>> = {
  diverging: DIVERGING,
  sequential: SEQUENTIAL,
};

export const LUT_SIZE = 256;

function buildLut(stops: readonly Rgb[]): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(LUT_SIZE * 3);
  for (let i = 0; i < LUT_SIZE; i++) {
    const pos = (i / (LUT_SIZE - 1)) * (stops.length - 1);
    const k = Math.min(stops.length - 2, Math.floor(pos));
    const f = pos - k;
    for (let c = 0; c < 3; c++)
      lut[3 * i + c] = Math.round(stops[k][c] + (stops[k + 1][c] - stops[k][c]) * f);
  }
  return lut;
}

const luts: Partial<Record<ColorScaleKind, Uint8ClampedArray>> = {};

/** The lookup table of a colour map: entry i (RGB at 3i) is the colour of position i / 255 along it. */
export function colorLut(kind: ColorScaleKind): Uint8ClampedArray {
  return (luts[kind] ??= buildLut(COLOR_STOPS[kind]));
}

/**
 * Position (0…255) in the table for value v shown on [lo, hi]: diverging maps [−m, m] with 0 in the middle,
 * sequential maps [0, hi]. Values outside are clamped; NaN and an empty range land on the neutral entry.
 */
export function lutIndex(kind: ColorScaleKind, v: number, hi: number): number {
  const last = LUT_SIZE - 1;
  if (!(hi > 0) || Number.isNaN(v)) return kind === 'diverging' ? Math.round(last / 2) : 0;
  const t = kind === 'diverging' ? (v / hi + 1) / 2 : v / hi;
  return Math.round(Math.min(1, Math.max(0, t)) * last);
}

/** CSS colour of a table entry, for legends. */
export function lutCss(kind: ColorScaleKind, index: number): string {
  const lut = colorLut(kind);
  const i = Math.min(LUT_SIZE - 1, Math.max(0, Math.round(index)));
  return `rgb(${lut[3 * i]}, ${lut[3 * i + 1]}, ${lut[3 * i + 2]})`;
}
