/**
 * Names the weights of one bottleneck layer, optionally of one path, the same way in all three forms:
 * `conv1`, `conv2`, `conv3` (the whole layer) or `conv3.5` (path 5, counted from 1).
 * Path i's last 1×1 in form (a) is the i-th column block of the single 1×1 in forms (b) and (c);
 * path i's first 1×1 and 3×3 are output block i of form (c)'s first 1×1 and group i of its grouped 3×3.
 */

export type ConvIndex = 1 | 2 | 3;

export interface LayerRef {
  conv: ConvIndex;
  /** 0-based path, or null for the whole layer (all paths) */
  branch: number | null;
}

const ID = /^conv([123])(?:\.(\d{1,3}))?$/;

/** Parses a layer id; returns null when it is malformed or names a path the block does not have. */
export function parseLayerId(id: string, cardinality: number): LayerRef | null {
  const m = ID.exec(id);
  if (!m) return null;
  const conv = Number(m[1]) as ConvIndex;
  if (m[2] === undefined) return { conv, branch: null };
  const path = Number(m[2]);
  if (path < 1 || path > cardinality) return null;
  return { conv, branch: path - 1 };
}

export function layerId(ref: LayerRef): string {
  return ref.branch === null ? `conv${ref.conv}` : `conv${ref.conv}.${ref.branch + 1}`;
}

/**
 * Whether a drawn element standing for `element` (paths `from`…`to - 1` of layer `conv`, or the whole
 * layer) holds any of the selected weights.
 */
export function holdsSelection(
  selection: LayerRef | null,
  element: { conv: ConvIndex; from: number; to: number } | { conv: ConvIndex; whole: true },
): boolean {
  if (!selection || selection.conv !== element.conv) return false;
  if ('whole' in element || selection.branch === null) return true;
  return selection.branch >= element.from && selection.branch < element.to;
}
