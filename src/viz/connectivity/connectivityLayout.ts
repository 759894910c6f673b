/**
 * Where the connectivity figure draws a block's three convolutions as weight matrices (rows: output channels,
 * columns: input channels). The first 1×1 is C row blocks of d×in stacked into one (C·d)×in matrix; the 3×3 is a
 * (C·d)×(C·d) matrix of 3×3 kernels with C blocks of d×d on its diagonal and zeros elsewhere; the last 1×1 is C
 * column blocks of out×d side by side, one out×(C·d) matrix. The 3×3 sits right of the first 1×1 (they share
 * their rows) and above the last 1×1 (they share their columns), so block i lines up with row block i and column
 * block i. Blocks, never single cells, are drawn: at C·d = 1024 a cell is a fraction of a unit. Pure, so it can be
 * tested without a DOM.
 */

export interface ConnectivityInput {
  inChannels: number;
  outChannels: number;
  cardinality: number;
  d: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One block of a matrix: group `index`'s rows × cols of weights, each cell holding `cellWeights`. */
export interface MatrixBlock extends Rect {
  key: string;
  index: number;
  rows: number;
  cols: number;
  weights: number;
}

export interface MatrixLayout {
  /** the whole matrix: rows × cols cells */
  frame: Rect;
  rows: number;
  cols: number;
  /** weights per cell: 9 for a 3×3 kernel, 1 for a 1×1 */
  cellWeights: number;
  blocks: MatrixBlock[];
  /** the weights the blocks hold, summed from their shapes */
  weights: number;
}

export interface ConnectivityLayout {
  width: number;
  height: number;
  cardinality: number;
  /** C·d */
  width3x3: number;
  first: MatrixLayout;
  grouped: MatrixLayout;
  last: MatrixLayout;
  /** the weights of a dense 3×3 over all C·d channels: what the empty cells would hold */
  denseWeights: number;
  /** where the matrices' labels stand */
  labels: {
    first: { x: number; y: number };
    grouped: { x: number; y: number };
    last: { x: number; y: number };
  };
}

/** Drawing units of the figure. */
export const CONN = {
  /** the 3×3 matrix's side at C·d ≥ REF_CHANNELS; smaller widths are drawn in proportion, down to MIN_SIDE */
  maxSide: 200,
  refChannels: 128,
  minSide: 48,
  /** the long side of the 1×1 matrices (in or out channels), fixed: their length is written beside them */
  long: 120,
  gap: 14,
  left: 16,
  top: 44,
  right: 16,
  bottom: 8,
  lineH: 16,
} as const;

/** Side of the (C·d)×(C·d) matrix: in proportion to C·d up to the reference width, then fixed. */
export function matrixSide(channels: number): number {
  return Math.max(CONN.minSide, Math.min(CONN.maxSide, (channels * CONN.maxSide) / CONN.refChannels));
}

function block(index: number, rect: Rect, rows: number, cols: number, cellWeights: number): MatrixBlock {
  return { key: String(index), index, ...rect, rows, cols, weights: rows * cols * cellWeights };
}

function matrix(
  frame: Rect,
  rows: number,
  cols: number,
  cellWeights: number,
  blocks: MatrixBlock[],
): MatrixLayout {
  return { frame, rows, cols, cellWeights, blocks, weights: blocks.reduce((s, b) => s + b.weights, 0) };
}

export function connectivityLayout(input: ConnectivityInput): ConnectivityLayout {
  const c = Math.max(1, Math.floor(input.cardinality));
  const d = Math.max(1, Math.floor(input.d));
  const width = c * d;
  const side = matrixSide(width);
  const step = side / c;
  const x1 = CONN.left;
  const x3 = x1 + CONN.long + CONN.gap;
  const y0 = CONN.top;
  const yLast = y0 + side + CONN.gap;
  const range = Array.from({ length: c }, (_, i) => i);

  const first = matrix(
    { x: x1, y: y0, w: CONN.long, h: side },
    width,
    input.inChannels,
    1,
    range.map((i) => block(i, { x: x1, y: y0 + i * step, w: CONN.long, h: step }, d, input.inChannels, 1)),
  );
  const grouped = matrix(
    { x: x3, y: y0, w: side, h: side },
    width,
    width,
    9,
    range.map((i) => block(i, { x: x3 + i * step, y: y0 + i * step, w: step, h: step }, d, d, 9)),
  );
  const last = matrix(
    { x: x3, y: yLast, w: side, h: CONN.long },
    input.outChannels,
    width,
    1,
    range.map((i) =>
      block(i, { x: x3 + i * step, y: yLast, w: step, h: CONN.long }, input.outChannels, d, 1),
    ),
  );
  return {
    width: x3 + CONN.maxSide + CONN.right,
    height: y0 + CONN.maxSide + CONN.gap + CONN.long + CONN.bottom,
    cardinality: c,
    width3x3: width,
    first,
    grouped,
    last,
    denseWeights: 9 * width * width,
    labels: {
      first: { x: x1, y: 14 },
      grouped: { x: x3, y: 14 },
      last: { x: x1 + CONN.long, y: yLast + 10 },
    },
  };
}

const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';
const subscript = (n: number) =>
  String(n)
    .split('')
    .map((ch) => SUBSCRIPT[Number(ch)])
    .join('');

/** The last 1×1's column blocks as the paper would write them: [W₁ | … | W₃₂]. */
export const columnBlocks = (c: number): string =>
  c === 1 ? '[W₁]' : c === 2 ? '[W₁ | W₂]' : `[W₁ | … | W${subscript(c)}]`;
