/**
 * The weights of each form of the block as matrices, keyed so that the same blocks move between the forms:
 * in (a) every path has its own three small matrices (first 1×1, 3×3, last 1×1) in a column; in (b) the last
 * 1×1s are joined side by side into one [W₁ | … | W_C]; in (c) the first 1×1s are also stacked into one matrix and
 * the 3×3s sit on the diagonal of one block-diagonal matrix whose other cells are zeros. Pure, so it can be
 * tested without a DOM.
 */

export type MatrixForm = 'a' | 'b' | 'c';

export interface MBlock {
  /** `w1.i`, `w2.i` or `w3.i`: layer and path */
  key: string;
  conv: 1 | 2 | 3;
  index: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The outline of a joined matrix (form b: the last 1×1; form c: all three), with its empty cells hatched. */
export interface MFrame {
  key: 'frame.w1' | 'frame.w2' | 'frame.w3';
  x: number;
  y: number;
  w: number;
  h: number;
  /** whether cells outside the blocks are zeros (the block-diagonal 3×3) */
  sparse: boolean;
}

/** The layer's tag ("1×1", "3×3"), which moves with its matrix. */
export interface MTag {
  key: 'tag.w1' | 'tag.w2' | 'tag.w3';
  x: number;
  y: number;
  anchor: 'start' | 'end';
}

export interface FormMatricesLayout {
  width: number;
  height: number;
  blocks: MBlock[];
  frames: MFrame[];
  tags: MTag[];
}

export const FM_W = 340;
export const FM_H = 156;
const X0 = 36;
const SPAN = FM_W - X0 - 4;
/** rows of (a) and (b): first 1×1, 3×3, last 1×1 */
const Y1 = 8;
const H1 = 22;
const Y2 = 42;
const H2_MAX = 44;
const Y3 = 98;
const H3 = 50;
/** (c): the side of the joined matrices and the width of the stacked first 1×1 */
const SIDE = 104;
const LONG = 120;
const GAP = 14;

function columns(c: number): { x: number; w: number }[] {
  const gap = c > 1 ? Math.min(6, (0.3 * SPAN) / (c - 1)) : 0;
  const w = (SPAN - gap * (c - 1)) / c;
  return Array.from({ length: c }, (_, i) => ({ x: X0 + i * (w + gap), w }));
}

export function formMatricesLayout(form: MatrixForm, cardinality: number): FormMatricesLayout {
  const c = Math.max(1, Math.floor(cardinality));
  const range = Array.from({ length: c }, (_, i) => i);
  const cols = columns(c);
  const blocks: MBlock[] = [];
  const frames: MFrame[] = [];
  const push = (conv: 1 | 2 | 3, index: number, x: number, y: number, w: number, h: number) =>
    blocks.push({ key: `w${conv}.${index}`, conv, index, x, y, w, h });

  if (form === 'c') {
    const step = SIDE / c;
    const x2 = X0 + LONG + GAP;
    const y3 = Y1 + SIDE + GAP;
    const h3 = FM_H - 4 - y3;
    for (const i of range) {
      push(1, i, X0, Y1 + i * step, LONG, step);
      push(2, i, x2 + i * step, Y1 + i * step, step, step);
      push(3, i, x2 + i * step, y3, step, h3);
    }
    frames.push(
      { key: 'frame.w1', x: X0, y: Y1, w: LONG, h: SIDE, sparse: false },
      { key: 'frame.w2', x: x2, y: Y1, w: SIDE, h: SIDE, sparse: true },
      { key: 'frame.w3', x: x2, y: y3, w: SIDE, h: h3, sparse: false },
    );
    return {
      width: FM_W,
      height: FM_H,
      blocks,
      frames,
      tags: [
        { key: 'tag.w1', x: X0 - 6, y: Y1 + SIDE / 2, anchor: 'end' },
        { key: 'tag.w2', x: x2 + SIDE + 6, y: Y1 + SIDE / 2, anchor: 'start' },
        { key: 'tag.w3', x: x2 + SIDE + 6, y: y3 + h3 / 2, anchor: 'start' },
      ],
    };
  }

  const h2 = Math.min(H2_MAX, cols[0].w);
  for (const i of range) {
    const { x, w } = cols[i];
    push(1, i, x, Y1, w, H1);
    push(2, i, x, Y2 + (H2_MAX - h2) / 2, w, h2);
    if (form === 'a') push(3, i, x, Y3, w, H3);
    else push(3, i, X0 + (i * SPAN) / c, Y3, SPAN / c, H3);
  }
  if (form === 'b') frames.push({ key: 'frame.w3', x: X0, y: Y3, w: SPAN, h: H3, sparse: false });
  return {
    width: FM_W,
    height: FM_H,
    blocks,
    frames,
    tags: [
      { key: 'tag.w1', x: X0 - 6, y: Y1 + H1 / 2, anchor: 'end' },
      { key: 'tag.w2', x: X0 - 6, y: Y2 + H2_MAX / 2, anchor: 'end' },
      { key: 'tag.w3', x: X0 - 6, y: Y3 + H3 / 2, anchor: 'end' },
    ],
  };
}
