import { easeCubicInOut, select, type BaseType, type Selection, type Transition } from 'd3';
import { layoutPaths, partnerIndex, type PathArea, type PathSpan } from './pathLayout';
import './block.css';

/**
 * One block of the paper's Figure 1 with every path drawn: a ResNet bottleneck is one wide path, a ResNeXt block
 * of C paths is C paths each d·unit wide. Redrawing the same host animates the change with keyed joins: paths
 * split or merge, widths grow or shrink, labels follow; the input, shortcut and sum node stay where they are.
 */
export interface BlockPathsData {
  /** unique prefix for element ids */
  idBase: string;
  title: string;
  cardinality: number;
  d: number;
  /** paper-style labels of the three layers of one path, top to bottom */
  layers: readonly [string, string, string];
  inLabel: string;
  outLabel: string;
  /** e.g. "total 32 paths"; null for a single path */
  pathsLabel: string | null;
  /** bottleneck width C·d, drawn on the shared channel scale */
  bottleneck: { channels: number; label: string };
  /** weights of the block, drawn on the shared parameter scale */
  params: { value: number; label: string };
  /** text alternative for the whole drawing */
  description: string;
  /** whether path groups carry `data-path` (the ResNeXt block does; the ResNet baseline beside it does not) */
  markPaths: boolean;
}

export interface BlockPathsOptions {
  /** drawing width in its own units (the height is fixed) */
  width: number;
  /** channel unit shared with the columns beside this one, from fitUnit */
  unit: number;
  maxChannels: number;
  maxParams: number;
  /** transition length; 0 under reduced motion */
  duration: number;
  /** the pointer entering path i (null: leaving it), for figures that light up the same path */
  onHover?: (index: number | null) => void;
}

const BLOCK_PATHS_HEIGHT = 344;
const SIDE = 14;
const IN_Y = 46;
const ROW_Y = [76, 124, 172] as const;
const BOX_H = 30;
const SUM_Y = 236;
const SUM_R = 10;

/** The room the paths share in a drawing `width` units wide. */
export function blockPathsArea(width: number): PathArea {
  return { x0: SIDE + 20, width: width - SIDE - 28, maxGap: 6, gapShare: 0.3 };
}

const centre = (width: number) => (SIDE + 20 + width - 8) / 2;

type PathSel = Selection<SVGGElement, PathSpan, SVGGElement, unknown>;

/** What the drawing showed last, so entering and leaving paths start from and go to the right place. */
const previous = new WeakMap<Element, { spans: PathSpan[]; cardinality: number }>();

export function renderBlockPaths(host: Element, data: BlockPathsData, opts: BlockPathsOptions): void {
  const W = opts.width;
  const cx = centre(W);
  let svg = select(host).select<SVGSVGElement>('svg.bp-svg');
  if (svg.empty()) svg = skeleton(host, data.idBase, W, cx);
  svg.attr('viewBox', `0 0 ${W} ${BLOCK_PATHS_HEIGHT}`);
  svg.select('title').text(data.title);
  svg.select('desc').text(data.description);
  const g = svg.select<SVGGElement>('g.bp-root');
  g.select('.bp-title').text(data.title);
  g.select('.bp-in').text(data.inLabel);
  g.select('.bp-out').text(data.outLabel);
  g.select('.bp-count').text(data.pathsLabel ?? '');

  const spans = layoutPaths({ cardinality: data.cardinality, d: data.d }, blockPathsArea(W), opts.unit);
  const before = previous.get(host);
  previous.set(host, { spans, cardinality: data.cardinality });
  const oldC = before?.cardinality ?? data.cardinality;
  const oldSpans = before?.spans ?? spans;
  const newC = data.cardinality;
  const tr = select<BaseType, unknown>(svg.node())
    .transition('bp')
    .duration(opts.duration)
    .ease(easeCubicInOut);

  /** Where a path appears from: the old path it splits off, with no width yet (the first drawing has no past). */
  const origin = (s: PathSpan): PathSpan => {
    if (!before) return s;
    const o = oldSpans[partnerIndex(s.index, newC, oldC)] ?? s;
    return { ...s, x: o.cx, width: 0, cx: o.cx };
  };
  /** Where a leaving path goes: into the new path it merges with. */
  const sink = (s: PathSpan): PathSpan => {
    const n = spans[partnerIndex(s.index, oldC, newC)] ?? s;
    return { ...s, x: n.cx, width: 0, cx: n.cx };
  };

  const paths = g
    .select<SVGGElement>('g.bp-paths')
    .selectAll<SVGGElement, PathSpan>('g.bp-path')
    .data(spans, (s) => String(s.index))
    .join(
      (enter) => {
        const e = enter.append('g').attr('class', 'bp-path');
        e.append('line').attr('class', 'bv-edge bp-fan-in');
        ROW_Y.forEach((_, k) => e.append('rect').attr('class', `bp-box bp-box-${k}`));
        e.append('line').attr('class', 'bv-edge bp-fan-out');
        place(e, (s) => origin(s), cx);
        return e;
      },
      (update) => update,
      (exit) => {
        const x = exit.transition(tr);
        placeTransition(x, (s) => sink(s), cx);
        x.remove();
        return exit;
      },
    );
  paths.attr('data-path', data.markPaths ? (s) => String(s.index) : null);
  const onHover = opts.onHover;
  if (onHover) {
    paths
      .on('mouseenter', (_e: MouseEvent, s: PathSpan) => onHover(s.index))
      .on('mouseleave', () => onHover(null));
  } else {
    paths.on('mouseenter', null).on('mouseleave', null);
  }
  highlightPath(host, highlighted.get(host) ?? null);
  placeTransition(paths.transition(tr), (s) => s, cx);

  g.selectAll<SVGTextElement, string>('text.bp-row')
    .data(data.layers)
    .text((s) => s);

  bar(g.select('.bp-bar-width'), opts.maxChannels, data.bottleneck.channels, tr);
  bar(g.select('.bp-bar-params'), opts.maxParams, data.params.value, tr);
  g.select('.bp-width-label').text(data.bottleneck.label);
  g.select('.bp-params-label').text(data.params.label);
}

const highlighted = new WeakMap<Element, number | null>();

/** Lights up path i (null: none) and dims the others, until the next call; redraws keep it. */
export function highlightPath(host: Element, index: number | null): void {
  highlighted.set(host, index);
  const svg = select(host).select<SVGSVGElement>('svg.bp-svg');
  const paths = svg.selectAll<SVGGElement, PathSpan>('g.bp-path[data-path]');
  const on = index !== null && !paths.filter((s) => s.index === index).empty();
  svg.classed('has-hl', on);
  paths
    .classed('is-hl', (s) => on && s.index === index)
    .attr('data-highlighted', (s) => (on && s.index === index ? 'true' : null));
}

function skeleton(host: Element, idBase: string, W: number, cx: number) {
  const svg = select(host)
    .append('svg')
    .attr('class', 'bv-svg bp-svg')
    .attr('role', 'img')
    .attr('preserveAspectRatio', 'xMidYMin meet')
    .attr('aria-labelledby', `${idBase}-title`)
    .attr('aria-describedby', `${idBase}-desc`);
  svg.append('title').attr('id', `${idBase}-title`);
  svg.append('desc').attr('id', `${idBase}-desc`);
  const g = svg.append('g').attr('class', 'bp-root').attr('aria-hidden', 'true');
  const text = (cls: string, x: number, y: number, anchor = 'middle') =>
    g
      .append('text')
      .attr('class', `bv-text ${cls}`)
      .attr('x', x)
      .attr('y', y)
      .attr('text-anchor', anchor)
      .attr('dominant-baseline', 'middle');
  text('bv-text--title bp-title', W / 2, 12);
  text('bp-in', cx, 30);
  g.append('circle').attr('class', 'bv-node bp-input').attr('cx', cx).attr('cy', IN_Y).attr('r', 3);
  // the shortcut: down the left side to the sum node, drawn once and never moved
  g.append('path')
    .attr('class', 'bv-edge bv-edge--shortcut bp-shortcut')
    .attr(
      'd',
      `M${cx - 3},${IN_Y} H${SIDE + 8} Q${SIDE},${IN_Y} ${SIDE},${IN_Y + 8} V${SUM_Y - 8} Q${SIDE},${SUM_Y} ${SIDE + 8},${SUM_Y} H${cx - SUM_R}`,
    );
  g.append('g').attr('class', 'bp-paths');
  for (const y of ROW_Y) text('bp-row', cx, y + BOX_H / 2);
  const sum = g.append('g').attr('class', 'bp-sum');
  sum.append('circle').attr('class', 'bv-node').attr('cx', cx).attr('cy', SUM_Y).attr('r', SUM_R);
  sum
    .append('line')
    .attr('class', 'bv-edge')
    .attr('x1', cx - 6)
    .attr('x2', cx + 6)
    .attr('y1', SUM_Y)
    .attr('y2', SUM_Y);
  sum
    .append('line')
    .attr('class', 'bv-edge')
    .attr('x1', cx)
    .attr('x2', cx)
    .attr('y1', SUM_Y - 6)
    .attr('y2', SUM_Y + 6);
  text('bv-muted bp-count', cx + SUM_R + 6, SUM_Y, 'start');
  g.append('line')
    .attr('class', 'bv-edge')
    .attr('x1', cx)
    .attr('x2', cx)
    .attr('y1', SUM_Y + SUM_R)
    .attr('y2', SUM_Y + 20);
  text('bp-out', cx, SUM_Y + 28);
  const barX = SIDE + 16;
  const barW = W - barX - 10;
  text('bp-width-label', barX, 288, 'start');
  scaleTrack(g, 'bp-bar-width', barX, 297, barW);
  text('bp-params-label', barX, 320, 'start');
  scaleTrack(g, 'bp-bar-params', barX, 329, barW);
  return svg;
}

function scaleTrack(
  g: Selection<SVGGElement, unknown, null, undefined>,
  cls: string,
  x: number,
  y: number,
  width: number,
) {
  const b = g.append('g').attr('class', cls).attr('data-x', x).attr('data-width', width);
  b.append('rect')
    .attr('class', 'bv-bar-track')
    .attr('x', x)
    .attr('y', y)
    .attr('width', width)
    .attr('height', 9);
  b.append('rect').attr('class', 'bv-bar').attr('x', x).attr('y', y).attr('width', 0).attr('height', 9);
}

function bar(
  b: Selection<BaseType, unknown, null, undefined>,
  max: number,
  value: number,
  tr: Transition<BaseType, unknown, null, undefined>,
) {
  const width = Number(b.attr('data-width'));
  const len = max > 0 ? Math.min(1, value / max) * width : 0;
  b.select<SVGRectElement>('rect.bv-bar').transition(tr).attr('width', len);
}

type Place = (s: PathSpan) => PathSpan;

/** Sets a path group's parts where `at` puts it, at once (for entering paths). */
function place(sel: PathSel, at: Place, cx: number) {
  sel
    .select('.bp-fan-in')
    .attr('x1', cx)
    .attr('y1', IN_Y)
    .attr('x2', (s) => at(s).cx)
    .attr('y2', ROW_Y[0]);
  sel
    .select('.bp-fan-out')
    .attr('x1', (s) => at(s).cx)
    .attr('y1', ROW_Y[2] + BOX_H)
    .attr('x2', cx)
    .attr('y2', SUM_Y - SUM_R);
  ROW_Y.forEach((y, k) =>
    sel
      .select(`.bp-box-${k}`)
      .attr('x', (s) => at(s).x)
      .attr('width', (s) => at(s).width)
      .attr('y', y)
      .attr('height', BOX_H)
      .attr('rx', (s) => Math.min(4, at(s).width / 3)),
  );
}

/** Moves a path group's parts to where `at` puts them, along the shared transition. */
function placeTransition(x: Transition<SVGGElement, PathSpan, SVGGElement, unknown>, at: Place, cx: number) {
  x.select('.bp-fan-in')
    .attr('x1', cx)
    .attr('x2', (s) => at(s as PathSpan).cx);
  x.select('.bp-fan-out')
    .attr('x1', (s) => at(s as PathSpan).cx)
    .attr('x2', cx);
  ROW_Y.forEach((_, k) =>
    x
      .select(`.bp-box-${k}`)
      .attr('x', (s) => at(s as PathSpan).x)
      .attr('width', (s) => at(s as PathSpan).width)
      .attr('rx', (s) => Math.min(4, at(s as PathSpan).width / 3)),
  );
}
