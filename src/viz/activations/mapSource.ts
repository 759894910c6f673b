/**
 * Where the values of a stack of 2-D maps lie in a flat array: value (map j, row y, column x) is at
 * offset + j·cStride + y·yStride + x·xStride. One tensor download serves every view of it.
 */
export interface MapSource {
  data: ArrayLike<number>;
  /** number of maps */
  channels: number;
  height: number;
  width: number;
  offset: number;
  cStride: number;
  yStride: number;
  xStride: number;
}

/** Maps `first` … `first + count − 1` of one NHWC image [H, W, C] (channel fastest). */
export function nhwcSource(
  data: ArrayLike<number>,
  height: number,
  width: number,
  channels: number,
  first = 0,
  count = channels - first,
): MapSource {
  if (first < 0 || count < 1 || first + count > channels) {
    throw new Error(`channels ${first}…${first + count - 1} are outside 0…${channels - 1}`);
  }
  if (data.length < height * width * channels) throw new Error('map data is shorter than its shape');
  return {
    data,
    channels: count,
    height,
    width,
    offset: first,
    cStride: 1,
    yStride: width * channels,
    xStride: channels,
  };
}

/** Maps stored one after another, [C, H, W]. */
export function chwSource(
  data: ArrayLike<number>,
  channels: number,
  height: number,
  width: number,
): MapSource {
  if (data.length < height * width * channels) throw new Error('map data is shorter than its shape');
  return { data, channels, height, width, offset: 0, cStride: height * width, yStride: width, xStride: 1 };
}

export function valueAt(s: MapSource, channel: number, y: number, x: number): number {
  return s.data[s.offset + channel * s.cStride + y * s.yStride + x * s.xStride];
}
