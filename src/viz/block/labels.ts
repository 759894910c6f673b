/** Label text for block diagrams that reads the same in every language. */

/** The paper's "in-channels, filter size, out-channels", e.g. `256, 1×1, 4`. */
export function paperLabel(inChannels: number, kernel: number, outChannels: number): string {
  return `${inChannels}, ${kernel}×${kernel}, ${outChannels}`;
}
