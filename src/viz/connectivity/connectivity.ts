import { easeCubicInOut, interrupt, select, type BaseType, type Selection, type Transition } from 'd3';
import { partnerIndex } from '../block/pathLayout';
import {
  connectivityLayout,
  type ConnectivityLayout,
  type MatrixBlock,
  type Rect,
} from './connectivityLayout';
import './connectivity.css';

/**
 * The block's three convolutions as weight matrices: the first 1×1 as C stacked row blocks, the grouped 3×3 as
 * C blocks on the diagonal of an otherwise empty matrix, the last 1×1 as C column blocks side by side. Redrawing
 * the same host animates a change of C with keyed joins: a block splits into the blocks that replace it and
 * they shrink to their places, or blocks slide into the one they merge into.
 */
export interface ConnectivityData {
  /** unique prefix for element ids */
  idBase: string;
  inChannels: number;
  outChannels: number;
  cardinality: number;
  d: number;
  title: string;
  description: string;
  labels: {
    first: readonly string[];
    grouped: readonly string[];
    last: readonly string[];
  };
  /** accessible name of diagonal block i (0-based) */
  blockLabel: (index: number) => string;
}

export interface ConnectivityOptions {
  /** transition length; 0 under reduced motion */
  duration: number;
  /** pointer or focus on block i (null: left) */
  onHover: (index: number | null) => void;
  /** click, Enter or Space on diagonal block i */
  onPick: (index: number) => void;
}

type Tr = Transition<BaseType, unknown, null, undefined>;
type Part = 'first' | 'grouped' | 'last';
const PARTS: readonly Part[] = ['first', 'grouped', 'last'];

interface State {
  layout: ConnectivityLayout;
  /** the diagonal block that holds the tab stop */
  focus: number;
  highlight: number | null;
  pinned: number | null;
}

const state = new WeakMap<Element, State>();

export function renderConnectivity(host: Element, data: ConnectivityData, opts: ConnectivityOptions): void {
  const layout = connectivityLayout(data);
  let svg = select(host).select<SVGSVGElement>('svg.conn-svg');
  if (svg.empty()) svg = skeleton(host, data.idBase, layout);
  svg.attr('aria-label', data.title);
  svg.select('desc').text(data.description);

  const before = state.get(host);
  const oldLayout = before?.layout ?? layout;
  const oldC = oldLayout.cardinality;
  const newC = layout.cardinality;
  const focus = Math.min(before?.focus ?? 0, newC - 1);
  state.set(host, { layout, focus, highlight: before?.highlight ?? null, pinned: before?.pinned ?? null });

  interrupt(svg.node()!, 'conn');
  const tr = svg.transition('conn').duration(opts.duration).ease(easeCubicInOut) as unknown as Tr;

  for (const part of PARTS) {
    const frame = layout[part].frame;
    const frameSel = svg.select<SVGRectElement>(`.conn-frame--${part}`);
    const frameAt = { x: frame.x, y: frame.y, width: frame.w, height: frame.h };
    for (const [name, value] of Object.entries(frameAt)) {
      if (before) frameSel.transition(tr as never).attr(name, value);
      else frameSel.attr(name, value);
    }
    const old = oldLayout[part].blocks;
    const now = layout[part].blocks;
    // every block starts as the old block it splits off (or the first of those that merge into it) …
    const from = (b: MatrixBlock): Rect => old[partnerIndex(b.index, newC, oldC)] ?? b;
    // … and a block that leaves goes into the new block it merges with
    const to = (b: MatrixBlock): Rect => now[partnerIndex(b.index, oldC, newC)] ?? b;
    const blocks = svg
      .select<SVGGElement>(`g.conn-blocks--${part}`)
      .selectAll<SVGRectElement, MatrixBlock>('rect.conn-block')
      .data(now, (b) => b.key)
      .join(
        (enter) => enter.append('rect').attr('class', `conn-block conn-block--${part}`),
        (update) => update,
        (exit) => {
          exit
            .attr('data-diag', null)
            .attr('data-block', null)
            .attr('tabindex', null)
            .attr('role', null)
            .attr('aria-label', null)
            .classed('is-leaving', true)
            .transition(tr as never)
            .call(placeAt, to)
            .style('opacity', 0)
            .remove();
          return exit;
        },
      );
    // the first drawing has no past: its blocks stand where they belong from the start
    blocks.call(placeAt, before ? from : (b: MatrixBlock) => b);
    blocks
      .attr('data-block', (b) => `${part}-${b.index}`)
      .style('opacity', null)
      .on('mouseenter', (_e, b) => opts.onHover(b.index))
      .on('mouseleave', () => opts.onHover(null));
    blocks.transition(tr as never).call(placeAt, (b: MatrixBlock) => b);
    if (part === 'grouped') diagonal(host, blocks, data, opts, focus);
  }

  const texts = svg.select('g.conn-labels');
  for (const part of PARTS) {
    const at = layout.labels[part];
    const anchor = part === 'last' ? 'end' : 'start';
    texts
      .select(`text.conn-label--${part}`)
      .attr('text-anchor', anchor)
      .attr('y', at.y)
      .selectAll<SVGTSpanElement, string>('tspan')
      .data(data.labels[part])
      .join('tspan')
      .attr('x', at.x)
      .attr('dy', (_s, i) => (i === 0 ? 0 : 16))
      .attr('class', (_s, i) => (i === 0 ? 'conn-label-head' : null))
      .text((s) => s);
  }
  paintHighlight(host);
}

/** The diagonal blocks: one tab stop among them (arrow keys move it), named for the path each one is. */
function diagonal(
  host: Element,
  blocks: Selection<SVGRectElement, MatrixBlock, SVGGElement, unknown>,
  data: ConnectivityData,
  opts: ConnectivityOptions,
  focus: number,
) {
  blocks
    .attr('data-diag', (b) => String(b.index))
    .attr('tabindex', (b) => (b.index === focus ? 0 : -1))
    .attr('role', 'button')
    .attr('aria-label', (b) => data.blockLabel(b.index))
    .on('focus', (_e, b) => {
      const s = state.get(host);
      if (s) s.focus = b.index;
      blocks.attr('tabindex', (o) => (o.index === b.index ? 0 : -1));
      opts.onHover(b.index);
    })
    .on('blur', () => opts.onHover(null))
    .on('click', (_e, b) => opts.onPick(b.index))
    .on('keydown', (event: KeyboardEvent, b) => {
      const n = blocks.size();
      const moves: Record<string, number> = {
        ArrowRight: b.index + 1,
        ArrowDown: b.index + 1,
        ArrowLeft: b.index - 1,
        ArrowUp: b.index - 1,
        Home: 0,
        End: n - 1,
      };
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        opts.onPick(b.index);
      } else if (event.key in moves) {
        event.preventDefault();
        const next = Math.max(0, Math.min(n - 1, moves[event.key]));
        blocks
          .filter((o) => o.index === next)
          .node()
          ?.focus();
      }
    });
}

function placeAt<S extends { attr: (name: string, value: (b: MatrixBlock) => number) => S }>(
  sel: S,
  at: (b: MatrixBlock) => Rect,
) {
  sel
    .attr('x', (b) => at(b).x)
    .attr('y', (b) => at(b).y)
    .attr('width', (b) => at(b).w)
    .attr('height', (b) => at(b).h);
}

/**
 * Lights up block i in all three matrices (null: none), with a band across the rows and down the columns it
 * owns, so that even a block a few units wide is found. `pinned` marks the block a click or Enter kept lit.
 */
export function highlightConnectivity(host: Element, index: number | null, pinned: number | null): void {
  const s = state.get(host);
  if (!s) return;
  s.highlight = index;
  s.pinned = pinned;
  paintHighlight(host);
}

function paintHighlight(host: Element) {
  const s = state.get(host);
  if (!s) return;
  const svg = select(host).select<SVGSVGElement>('svg.conn-svg');
  const i = s.highlight !== null && s.highlight < s.layout.cardinality ? s.highlight : null;
  svg.classed('has-hl', i !== null);
  svg
    .selectAll<SVGRectElement, MatrixBlock>('rect.conn-block:not(.is-leaving)')
    .classed('is-hl', (b) => b.index === i)
    .attr('data-highlighted', (b) => (b.index === i ? 'true' : null));
  svg
    .selectAll<SVGRectElement, MatrixBlock>('rect[data-diag]')
    .attr('aria-pressed', (b) => String(b.index === s.pinned));
  const { first, grouped, last } = s.layout;
  const row = i === null ? null : grouped.blocks[i];
  svg
    .select('.conn-band--row')
    .attr('display', row ? null : 'none')
    .attr('x', first.frame.x)
    .attr('y', row?.y ?? 0)
    .attr('width', grouped.frame.x + grouped.frame.w - first.frame.x)
    .attr('height', row?.h ?? 0);
  svg
    .select('.conn-band--col')
    .attr('display', row ? null : 'none')
    .attr('x', row?.x ?? 0)
    .attr('y', grouped.frame.y)
    .attr('width', row?.w ?? 0)
    .attr('height', last.frame.y + last.frame.h - grouped.frame.y);
}

function skeleton(host: Element, idBase: string, layout: ConnectivityLayout) {
  const svg = select(host)
    .append('svg')
    .attr('class', 'conn-svg')
    .attr('viewBox', `0 0 ${layout.width} ${layout.height}`)
    .attr('preserveAspectRatio', 'xMidYMin meet')
    .attr('role', 'group')
    .attr('aria-describedby', `${idBase}-desc`);
  svg.append('desc').attr('id', `${idBase}-desc`);
  const hatch = `${idBase}-zeros`;
  svg
    .append('defs')
    .append('pattern')
    .attr('id', hatch)
    .attr('patternUnits', 'userSpaceOnUse')
    .attr('width', 6)
    .attr('height', 6)
    .attr('patternTransform', 'rotate(45)')
    .append('line')
    .attr('class', 'conn-hatch')
    .attr('x1', 3)
    .attr('y1', 0)
    .attr('x2', 3)
    .attr('y2', 6);
  const back = svg.append('g').attr('aria-hidden', 'true');
  for (const part of PARTS) {
    const frame = back.append('rect').attr('class', `conn-frame conn-frame--${part}`);
    // inline, so the frame's CSS fill does not cover the hatching of the empty cells
    if (part === 'grouped') frame.style('fill', `url(#${hatch})`);
  }
  back.append('rect').attr('class', 'conn-band conn-band--row').attr('display', 'none');
  back.append('rect').attr('class', 'conn-band conn-band--col').attr('display', 'none');
  for (const part of PARTS) {
    svg
      .append('g')
      .attr('class', `conn-blocks conn-blocks--${part}`)
      .attr('aria-hidden', part === 'grouped' ? null : 'true');
  }
  const labels = svg.append('g').attr('class', 'conn-labels').attr('aria-hidden', 'true');
  for (const part of PARTS) {
    labels.append('text').attr('class', `conn-text conn-label--${part}`).attr('dominant-baseline', 'middle');
  }
  return svg;
}
