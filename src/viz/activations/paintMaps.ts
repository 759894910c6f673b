import { colorLut, lutIndex, type ColorScaleKind } from './colorScale';
import type { GridLayout } from './gridLayout';
import type { MapSource } from './mapSource';

export type Rgba = readonly [number, number, number, number];

export interface PaintOptions {
  kind: ColorScaleKind;
  /** end of the colour scale per map (see channelScales) */
  scales: ArrayLike<number>;
  /** alternating backgrounds of the groups; gaps stay transparent */
  groupFills?: readonly [Rgba, Rgba];
  /** outline one group in this colour */
  highlight?: { group: number; color: Rgba };
}

function fillRect(
  px: Uint8ClampedArray,
  stride: number,
  x0: number,
  y0: number,
  w: number,
  h: number,
  c: Rgba,
) {
  for (let y = y0; y < y0 + h; y++) {
    for (let x = x0; x < x0 + w; x++) px.set(c, 4 * (y * stride + x));
  }
}

/**
 * Paints a grid of maps into RGBA pixels of layout.width × layout.height (e.g. an ImageData's data), each tensor
 * pixel as a scale×scale square, ready for one putImageData.
 */
export function paintMaps(px: Uint8ClampedArray, layout: GridLayout, src: MapSource, o: PaintOptions): void {
  const W = layout.width;
  if (px.length !== 4 * W * layout.height) throw new Error('pixel buffer does not match the layout');
  if (layout.tiles.length !== src.channels)
    throw new Error(`layout of ${layout.tiles.length} maps for ${src.channels}`);
  px.fill(0);
  if (o.groupFills && layout.groupSize > 1) {
    for (const g of layout.groups) fillRect(px, W, g.x, g.y, g.width, g.height, o.groupFills[g.group % 2]);
  }
  if (o.highlight) {
    const g = layout.groups[o.highlight.group];
    if (g) {
      fillRect(px, W, g.x, g.y, g.width, g.height, o.highlight.color);
    }
  }
  const lut = colorLut(o.kind);
  const s = layout.scale;
  for (const tile of layout.tiles) {
    const c = tile.channel;
    const hi = o.scales[c];
    for (let y = 0; y < src.height; y++) {
      let i = src.offset + c * src.cStride + y * src.yStride;
      for (let x = 0; x < src.width; x++, i += src.xStride) {
        const k = 3 * lutIndex(o.kind, src.data[i], hi);
        const r = lut[k];
        const g = lut[k + 1];
        const b = lut[k + 2];
        for (let dy = 0; dy < s; dy++) {
          let p = 4 * ((tile.y + y * s + dy) * W + tile.x + x * s);
          for (let dx = 0; dx < s; dx++, p += 4) {
            px[p] = r;
            px[p + 1] = g;
            px[p + 2] = b;
            px[p + 3] = 255;
          }
        }
      }
    }
  }
}
