import type { InceptionBoxData, InceptionFigureData } from './inceptionData';

/** How the app words the figure (in the reader's language); numbers arrive raw and are formatted here. */
export interface InceptionLabels {
  input(spatial: number, channels: number): string;
  conv(k: number, out: number): string;
  pool(k: number): string;
  concat(channels: number): string;
  /** the multiply-adds of one layer, under its name */
  boxMacs(macs: number): string;
  total(params: number, macs: number): string;
}

export interface InceptionFigureText {
  input: string;
  /** per branch, per layer: [name, cost] (cost '' for a pool) */
  boxes: [string, string][][];
  concat: string;
  total: string;
}

const boxText = (b: InceptionBoxData, l: InceptionLabels): [string, string] =>
  b.kind === 'conv' ? [l.conv(b.k, b.outChannels), l.boxMacs(b.macs)] : [l.pool(b.k), ''];

/** Every string the figure shows, so what is drawn can be checked without a DOM. */
export function inceptionFigureText(data: InceptionFigureData, labels: InceptionLabels): InceptionFigureText {
  return {
    input: labels.input(data.spatial, data.inChannels),
    boxes: data.branches.map((br) => br.boxes.map((b) => boxText(b, labels))),
    concat: labels.concat(data.outChannels),
    total: labels.total(data.params, data.macs),
  };
}
