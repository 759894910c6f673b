/** Name of the stem's thumbnail; blocks use their own names (`layer1.0`, …). */
export const STEM_THUMBNAIL = 'stem';

/** One activation [1, H, W, C] as an H×W map: the mean over its C channels at each position. */
export interface Thumbnail {
  /** `stem` or a block name */
  name: string;
  height: number;
  width: number;
  /** the channels the mean was taken over */
  channels: number;
  /** row-major, height × width */
  values: Float32Array;
  /** the largest value of the map (0 when it is all zero) */
  max: number;
}
