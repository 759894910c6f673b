import { branchSlots, placeSlots } from './branchLayout';
import { holdsSelection, layerId, type ConvIndex, type LayerRef } from './layerRef';

/**
 * Where everything of one form's diagram (the paper's Figure 3) sits, as keyed items. The keys are shared by
 * the three forms, so a renderer that joins on them morphs one form into another: path i's conv `convK.i` is a
 * box of its own in a path column, or block i of the strip under one wide conv; wide convs, the concatenation
 * and the edges that only one form has enter and leave.
 */

/** What the layout needs to know about the block and its labels (all text already in the reader's language). */
export interface FormLayoutInput {
  form: 'a' | 'b' | 'c';
  cardinality: number;
  title: string;
  inLabel: string;
  outLabel: string;
  /** paper-style label of each drawn conv, one line (e.g. "256, 1×1, 4") */
  layers: Record<'conv1' | 'conv2' | 'conv3', string>;
  /** the same in two short lines, for narrow path boxes (e.g. ["1×1", "256 → 4"]) */
  shortLayers: Record<'conv1' | 'conv2' | 'conv3', readonly [string, string]>;
  concatLabel: string;
  /** how many paths the drawing stands for, e.g. "× 32 paths"; null when every path is drawn */
  pathsLabel: string | null;
  /** what the summing node adds: the paths and the shortcut in (a), the shortcut alone in (b) and (c) */
  sumLabel: string;
  totalLabel: string;
  selection: LayerRef | null;
  /**
   * Form (c): for group i, the channels of the first 1×1's output it reads (e.g. "5–8"); the grouped strip is
   * joined to the first 1×1's strip block by block. Absent: one edge joins the two wide convs.
   */
  reads?: readonly string[];
}

/** A box: a path's conv, one block of a wide conv's strip, a wide conv, or the concatenation. */
export interface FormCell {
  key: string;
  role: 'path' | 'strip' | 'wide' | 'concat';
  x: number;
  y: number;
  w: number;
  h: number;
  lines: readonly string[];
  /** y of the centre of its text */
  textY: number;
  /** the weights it stands for; null for the concatenation, which has none */
  ref: LayerRef | null;
  selected: boolean;
}

export interface FormText {
  key: string;
  x: number;
  y: number;
  text: string;
  cls: 'title' | 'label' | 'muted' | 'ellipsis' | 'reads';
  anchor: 'start' | 'middle' | 'end';
  selected?: boolean;
}

export interface FormEdge {
  key: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface FormLayout {
  width: number;
  height: number;
  cells: FormCell[];
  texts: FormText[];
  edges: FormEdge[];
  /** the summing node's centre and the shortcut's route, the same in every form */
  sum: { x: number; y: number; r: number };
  shortcut: { x0: number; y0: number; side: number };
}

export const FORM_W = 340;
const FORM_H = 318;
/** Smallest font size in the diagram, in its own units; drawn at scale ≥ 1 it is at least 12 CSS px. */
export const FORM_FONT = 12;

const SPAN_X = 30;
const SPAN_W = 296;
const CX = SPAN_X + SPAN_W / 2;
const TOP = 46;
const SUM_Y = 256;
const PATH_H = 36;
const WIDE_LABEL_H = 20;
const STRIP_H = 16;
const WIDE_H = WIDE_LABEL_H + STRIP_H;

const convKey = (k: ConvIndex) => `conv${k}` as const;

/**
 * Rough width of a line of text at `size` units in a sans-serif font: CJK characters are square, arrows
 * wide, digits about 0.64 of the size, other characters about 0.6.
 */
export function textWidth(text: string, size = FORM_FONT): number {
  let w = 0;
  for (const ch of text) {
    if (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch)) w += size;
    else if (/[\u2190-\u21ff]/.test(ch)) w += size * 0.84;
    else if (/[0-9]/.test(ch)) w += size * 0.64;
    else w += size * 0.6;
  }
  return w;
}

/** Rows of each form: which convs are per-path columns and which are wide, and their y. */
function rows(form: 'a' | 'b' | 'c'): { paths: [ConvIndex, number][]; wide: [ConvIndex, number][] } {
  if (form === 'a')
    return {
      paths: [
        [1, 66],
        [2, 124],
        [3, 182],
      ],
      wide: [],
    };
  if (form === 'b')
    return {
      paths: [
        [1, 66],
        [2, 124],
      ],
      wide: [[3, 206]],
    };
  return {
    paths: [],
    wide: [
      [1, 66],
      [2, 126],
      [3, 186],
    ],
  };
}

export function formLayout(data: FormLayoutInput): FormLayout {
  const cells: FormCell[] = [];
  const texts: FormText[] = [];
  const edges: FormEdge[] = [];
  const sel = data.selection;
  const slots = placeSlots(branchSlots(data.cardinality, { maxAll: 4, head: 2 }), SPAN_X, SPAN_W, {
    maxBranchWidth: 150,
    gap: 8,
  });
  const edge = (key: string, x1: number, y1: number, x2: number, y2: number) =>
    edges.push({ key, x1, y1, x2, y2 });

  texts.push({ key: 'title', x: FORM_W / 2, y: 14, text: data.title, cls: 'title', anchor: 'middle' });
  texts.push({ key: 'in', x: CX, y: 34, text: data.inLabel, cls: 'label', anchor: 'middle' });
  if (data.pathsLabel && data.form !== 'c')
    texts.push({
      key: 'paths',
      x: SPAN_X + SPAN_W,
      y: 34,
      text: data.pathsLabel,
      cls: 'muted',
      anchor: 'end',
    });

  const { paths, wide } = rows(data.form);

  // Per-path columns.
  for (const { slot, x, width } of slots) {
    const mid = x + width / 2;
    if (slot.kind === 'ellipsis') {
      for (const [k, y] of paths) {
        const on = holdsSelection(sel, { conv: k, from: slot.from, to: slot.to });
        texts.push({
          key: `conv${k}.…`,
          x: mid,
          y: y + PATH_H / 2,
          text: '…',
          cls: 'ellipsis',
          anchor: 'middle',
          selected: on,
        });
      }
      continue;
    }
    const i = slot.index;
    paths.forEach(([k, y], r) => {
      const ref: LayerRef = { conv: k, branch: i };
      const one = data.layers[convKey(k)];
      const lines = textWidth(one) <= width - 8 ? [one] : data.shortLayers[convKey(k)];
      cells.push({
        key: layerId(ref),
        role: 'path',
        x,
        y,
        w: width,
        h: PATH_H,
        lines,
        textY: y + PATH_H / 2,
        ref,
        selected: holdsSelection(sel, { conv: k, from: i, to: i + 1 }),
      });
      if (r === 0) edge(`fan.${i}`, CX, TOP, mid, y);
      const next = paths[r + 1];
      if (next) edge(`p${k}-${next[0]}.${i}`, mid, y + PATH_H, mid, next[1]);
    });
    const last = paths[paths.length - 1];
    if (data.form === 'a') edge(`p3-sum.${i}`, mid, last[1] + PATH_H, CX, SUM_Y - 10);
    if (data.form === 'b') edge(`p2-cat.${i}`, mid, last[1] + PATH_H, mid, 172);
  }

  // The concatenation of form (b).
  if (data.form === 'b') {
    cells.push({
      key: 'concat',
      role: 'concat',
      x: SPAN_X,
      y: 172,
      w: SPAN_W,
      h: 20,
      lines: [data.concatLabel],
      textY: 182,
      ref: null,
      selected: false,
    });
    edge('cat-w3', CX, 192, CX, 206);
  }

  // Wide convs with a strip of per-path blocks.
  wide.forEach(([k, y], r) => {
    const whole: LayerRef = { conv: k, branch: null };
    cells.push({
      key: convKey(k),
      role: 'wide',
      x: SPAN_X,
      y,
      w: SPAN_W,
      h: WIDE_H,
      lines: [data.layers[convKey(k)]],
      textY: y + WIDE_LABEL_H / 2 + 1,
      ref: whole,
      selected: sel?.conv === k && sel.branch === null,
    });
    const sy = y + WIDE_LABEL_H;
    for (const { slot, x, width } of slots) {
      if (slot.kind === 'ellipsis') {
        texts.push({
          key: `conv${k}.…`,
          x: x + width / 2,
          y: sy + STRIP_H / 2 - 1,
          text: '…',
          cls: 'ellipsis',
          anchor: 'middle',
          selected: holdsSelection(sel, { conv: k, from: slot.from, to: slot.to }),
        });
        continue;
      }
      const ref: LayerRef = { conv: k, branch: slot.index };
      cells.push({
        key: layerId(ref),
        role: 'strip',
        x,
        y: sy,
        w: width,
        h: STRIP_H - 2,
        lines: [String(slot.index + 1)],
        textY: sy + STRIP_H / 2 - 1,
        ref,
        selected: holdsSelection(sel, { conv: k, from: slot.index, to: slot.index + 1 }),
      });
    }
    const next = wide[r + 1];
    if (r === 0 && data.form === 'c') edge('in-w1', CX, TOP, CX, y);
    if (next && k === 1 && data.form === 'c' && data.reads) {
      // group i of the grouped 3×3 reads only block i of the first 1×1's output: d·(i−1)+1 … d·i
      for (const { slot, x, width } of slots) {
        if (slot.kind === 'ellipsis') continue;
        const mid = x + width / 2;
        edge(`read.${slot.index}`, mid, y + WIDE_H, mid, next[1]);
        const label = data.reads[slot.index];
        if (label)
          texts.push({
            key: `read.${slot.index}`,
            x: mid,
            y: (y + WIDE_H + next[1]) / 2,
            text: label,
            cls: 'reads',
            anchor: 'middle',
          });
      }
    } else if (next) edge(`w${k}-w${next[0]}`, CX, y + WIDE_H, CX, next[1]);
    else edge('w3-sum', CX, y + WIDE_H, CX, SUM_Y - 10);
  });

  texts.push({ key: 'sum', x: CX + 16, y: SUM_Y, text: data.sumLabel, cls: 'muted', anchor: 'start' });
  edge('sum-out', CX, SUM_Y + 10, CX, SUM_Y + 18);
  texts.push({ key: 'out', x: CX, y: SUM_Y + 28, text: data.outLabel, cls: 'label', anchor: 'middle' });
  texts.push({ key: 'total', x: CX, y: SUM_Y + 52, text: data.totalLabel, cls: 'title', anchor: 'middle' });

  return {
    width: FORM_W,
    height: FORM_H,
    cells,
    texts,
    edges,
    sum: { x: CX, y: SUM_Y, r: 10 },
    shortcut: { x0: CX, y0: TOP - 4, side: 10 },
  };
}
