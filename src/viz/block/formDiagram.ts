import { branchSlots, placeSlots, type PlacedSlot } from './branchLayout';
import { holdsSelection, type ConvIndex, type LayerRef } from './layerRef';
import { selectableGroup, type SelectableOptions } from './selectable';
import { fitText, freshSvg, line, plusNode, shortcut, text, type G } from './svgBase';

/** One of the paper's three equivalent forms of a ResNeXt block (Figure 3). */
export interface FormDiagramData {
  /** unique prefix for ids and focus keys */
  idBase: string;
  form: 'a' | 'b' | 'c';
  cardinality: number;
  title: string;
  /** text alternative: the form's structure in words */
  description: string;
  inLabel: string;
  outLabel: string;
  /** paper-style label of each drawn conv: one path's for per-path convs, the whole layer's otherwise */
  layers: Record<'conv1' | 'conv2' | 'conv3', string>;
  /** form (b): the concatenation, e.g. "concatenate, 128" */
  concatLabel: string;
  /** right-hand notes per layer: its weights (all paths) and the tensor it outputs */
  notes: Record<'conv1' | 'conv2' | 'conv3', { params: string; shape: string }>;
  /** e.g. "× 32 paths"; null when every path is drawn */
  pathsLabel: string | null;
  totalLabel: string;
  selection: LayerRef | null;
}

export type FormDiagramOptions = SelectableOptions;

const W = 400;
const H = 304;
const CX = 158;
const SPAN_X = 24;
const SPAN_W = 268;
const NOTE_X = 302;
const SUM_Y = 238;
const TOP = 44;

const convKey = (k: ConvIndex) => `conv${k}` as const;

export function renderFormDiagram(host: Element, data: FormDiagramData, opts: FormDiagramOptions): void {
  freshSvg(host, W, H, (svg) => {
    svg.attr('role', 'group').attr('aria-label', data.title);
    svg.append('desc').attr('id', `${data.idBase}-desc`).text(data.description);
    svg.attr('aria-describedby', `${data.idBase}-desc`);
    const g = svg.append('g');
    text(g, W / 2, 12, data.title, 'bv-text bv-text--title');
    text(g, CX, 30, data.inLabel);
    const slots = placeSlots(branchSlots(data.cardinality, { maxAll: 4, head: 2 }), SPAN_X, SPAN_W, {
      maxBranchWidth: 150,
      gap: 8,
    });
    const ctx: Ctx = { g, data, opts, slots };
    if (data.form === 'a') drawPaths(ctx, [1, 2, 3], [64, 114, 164], 30, true);
    else if (data.form === 'b') {
      const pathsBottom = drawPaths(ctx, [1, 2], [64, 114], 30, false);
      const concatY = 158;
      g.append('rect')
        .attr('class', 'bv-box bv-box--group')
        .attr('x', SPAN_X)
        .attr('y', concatY)
        .attr('width', SPAN_W)
        .attr('height', 16)
        .attr('rx', 3);
      text(g, CX, concatY + 8, data.concatLabel, 'bv-text bv-text--small');
      for (const s of ctx.slots)
        if (s.slot.kind === 'branch') line(g, s.x + s.width / 2, pathsBottom, s.x + s.width / 2, concatY);
      line(g, CX, concatY + 16, CX, 184);
      line(g, CX, drawWideLayer(ctx, 3, 184), CX, SUM_Y - 10);
    } else {
      line(g, CX, TOP, CX, 64);
      const rows: [ConvIndex, number][] = [
        [1, 64],
        [2, 118],
        [3, 172],
      ];
      for (const [k, y] of rows) line(g, CX, drawWideLayer(ctx, k, y), CX, k < 3 ? y + 54 : SUM_Y - 10);
    }
    shortcut(g, CX, TOP - 4, 8, CX - 10, SUM_Y);
    plusNode(g, CX, SUM_Y);
    line(g, CX, SUM_Y + 10, CX, SUM_Y + 18);
    text(g, CX, SUM_Y + 28, data.outLabel);
    text(g, CX, SUM_Y + 52, data.totalLabel, 'bv-text bv-text--title');
    if (data.pathsLabel) text(g, CX + 16, SUM_Y, data.pathsLabel, 'bv-text bv-text--small bv-muted', 'start');
  });
}

interface Ctx {
  g: G;
  data: FormDiagramData;
  opts: FormDiagramOptions;
  slots: PlacedSlot[];
}

/** Per-path convs stacked in columns; returns the y where the paths end. */
function drawPaths(ctx: Ctx, convs: ConvIndex[], ys: number[], boxH: number, sumAtEnd: boolean): number {
  const { g, data, opts, slots } = ctx;
  const end = ys[ys.length - 1] + boxH;
  for (const { slot, x, width } of slots) {
    const mid = x + width / 2;
    if (slot.kind === 'ellipsis') {
      convs.forEach((k, r) => {
        const on = holdsSelection(data.selection, { conv: k, from: slot.from, to: slot.to });
        text(g, mid, ys[r] + boxH / 2, '…', `bv-text bv-muted bv-ellipsis${on ? ' is-selected' : ''}`);
      });
      continue;
    }
    line(g, CX, TOP, mid, ys[0]);
    convs.forEach((k, r) => {
      const ref: LayerRef = { conv: k, branch: slot.index };
      const on = holdsSelection(data.selection, { conv: k, from: slot.index, to: slot.index + 1 });
      const cell = selectableGroup(g, ref, on, opts, data.idBase);
      cell
        .append('rect')
        .attr('class', `bv-box${on ? ' is-selected' : ''}`)
        .attr('x', x)
        .attr('y', ys[r])
        .attr('width', width)
        .attr('height', boxH)
        .attr('rx', 4);
      fitText(
        text(cell, mid, ys[r] + boxH / 2, data.layers[convKey(k)], 'bv-text bv-text--small'),
        width - 6,
      );
      if (r < convs.length - 1) line(g, mid, ys[r] + boxH, mid, ys[r + 1]);
    });
    if (sumAtEnd) line(g, mid, end, CX, SUM_Y - 10);
  }
  convs.forEach((k, r) => drawNote(g, data, k, ys[r] + boxH / 2));
  return end;
}

/**
 * One conv over all paths (forms b and c): a labelled box for the whole layer above a strip of blocks,
 * block i being path i's share of the weights. Returns the y where it ends.
 */
function drawWideLayer(ctx: Ctx, k: ConvIndex, y: number): number {
  const { g, data, opts, slots } = ctx;
  const labelH = 22;
  const stripH = 14;
  const wholeSelected = data.selection?.conv === k && data.selection.branch === null;
  const whole = selectableGroup(g, { conv: k, branch: null }, wholeSelected, opts, data.idBase);
  whole
    .append('rect')
    .attr('class', `bv-box${wholeSelected ? ' is-selected' : ''}`)
    .attr('x', SPAN_X)
    .attr('y', y)
    .attr('width', SPAN_W)
    .attr('height', labelH + stripH)
    .attr('rx', 4);
  fitText(text(whole, CX, y + labelH / 2 + 1, data.layers[convKey(k)], 'bv-text'), SPAN_W - 8);
  const sy = y + labelH;
  for (const { slot, x, width } of slots) {
    if (slot.kind === 'ellipsis') {
      const on = holdsSelection(data.selection, { conv: k, from: slot.from, to: slot.to });
      text(g, x + width / 2, sy + stripH / 2, '…', `bv-text bv-muted bv-ellipsis${on ? ' is-selected' : ''}`);
      continue;
    }
    const on = holdsSelection(data.selection, { conv: k, from: slot.index, to: slot.index + 1 });
    const cell = selectableGroup(g, { conv: k, branch: slot.index }, on, opts, data.idBase);
    cell
      .append('rect')
      .attr('class', `bv-box bv-box--group${on ? ' is-selected' : ''}`)
      .attr('x', x)
      .attr('y', sy)
      .attr('width', width)
      .attr('height', stripH - 2)
      .attr('rx', 2);
    text(cell, x + width / 2, sy + stripH / 2 - 1, String(slot.index + 1), 'bv-text bv-text--small');
  }
  drawNote(g, data, k, y + (labelH + stripH) / 2);
  return y + labelH + stripH;
}

/** Weights and output tensor of a layer, in the column right of the drawing. */
function drawNote(g: G, data: FormDiagramData, k: ConvIndex, cy: number): void {
  const note = data.notes[convKey(k)];
  fitText(text(g, NOTE_X, cy - 6, note.params, 'bv-text bv-text--small', 'start'), W - NOTE_X - 2);
  fitText(text(g, NOTE_X, cy + 6, note.shape, 'bv-text bv-text--small bv-muted', 'start'), W - NOTE_X - 2);
}
