import type { ColorScaleKind } from './colorScale';
import { gridLayout, type GridLayout, type GridOptions } from './gridLayout';
import type { MapSource } from './mapSource';
import { channelScales, type Normalisation } from './normalise';
import { paintMaps, type Rgba } from './paintMaps';

export interface MapGridOptions {
  kind: ColorScaleKind;
  normalisation: Normalisation;
  /** how the maps are laid out; see gridLayoutFor */
  layout: GridLayout;
  groupFills?: readonly [Rgba, Rgba];
  highlight?: { group: number; color: Rgba };
  /** colour-scale ends per map; measured from the maps when absent */
  scales?: ArrayLike<number>;
}

/** The layout of a source's maps: channels and map size from the source, the rest from the options. */
export function gridLayoutFor(
  src: MapSource,
  o: Omit<GridOptions, 'channels' | 'height' | 'width'>,
): GridLayout {
  return gridLayout({ ...o, channels: src.channels, height: src.height, width: src.width });
}

/** Draws a grid of activation maps on a canvas with a single putImageData. */
export function renderMapGrid(canvas: HTMLCanvasElement, src: MapSource, o: MapGridOptions): void {
  const { layout } = o;
  const scales = o.scales ?? channelScales(src, o.kind, o.normalisation);
  canvas.width = layout.width;
  canvas.height = layout.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const image = ctx.createImageData(layout.width, layout.height);
  paintMaps(image.data, layout, src, {
    kind: o.kind,
    scales,
    groupFills: o.groupFills,
    highlight: o.highlight,
  });
  ctx.putImageData(image, 0, 0);
}
