import type { ColorScaleKind } from './colorScale';
import type { MapSource } from './mapSource';

/** Each map scaled by its own extreme, or all maps by the largest. */
export type Normalisation = 'channel' | 'shared';

/**
 * The value at the end of the colour scale for each map: max |v| for a diverging scale, max v for a sequential
 * one (0 when a map has nothing to show).
 */
export function channelScales(src: MapSource, kind: ColorScaleKind, mode: Normalisation): Float32Array {
  const scales = new Float32Array(src.channels);
  for (let c = 0; c < src.channels; c++) {
    let m = 0;
    for (let y = 0; y < src.height; y++) {
      let i = src.offset + c * src.cStride + y * src.yStride;
      for (let x = 0; x < src.width; x++, i += src.xStride) {
        const v = kind === 'diverging' ? Math.abs(src.data[i]) : src.data[i];
        if (v > m) m = v;
      }
    }
    scales[c] = m;
  }
  if (mode === 'shared') scales.fill(scales.reduce((a, b) => Math.max(a, b), 0));
  return scales;
}
