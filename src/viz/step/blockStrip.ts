import { select, type Selection } from 'd3';
import { stripLayout, BOX_H, type StripNodeInput, type StripNodeLayout } from './stripLayout';
import './step.css';

/** One box on the block's main path, left to right. */
export type StripNode = StripNodeInput;

export interface BlockStripData {
  /** unique prefix for element ids */
  idBase: string;
  title: string;
  description: string;
  nodes: readonly StripNode[];
  /** the shortcut from the first node to the `plus` node */
  shortcut: { id: string; label: string };
  /** id of the node (or the shortcut) the current step is at */
  current: string;
}

const LINE_H = 15;

/** Squeezes a line into `max` units when the font would make it overflow its box (never stretches it). */
function fit(sel: Selection<SVGTextElement, unknown, null, undefined>, max: number) {
  const node = sel.node();
  if (node && typeof node.getComputedTextLength === 'function' && node.getComputedTextLength() > max)
    sel.attr('textLength', max).attr('lengthAdjust', 'spacingAndGlyphs');
}

/**
 * The block as a strip of its operations with the residual shortcut above, the current step's node
 * highlighted; clicking a node calls onSelect with its id. The SVG is kept between calls and its nodes are
 * joined by id, so moving to another step only changes which node is lit.
 */
export function renderBlockStrip(host: Element, data: BlockStripData, onSelect?: (id: string) => void): void {
  const layout = stripLayout(data.nodes);
  const root = select(host);
  root.selectAll('svg').remove();
  const svg = root
    .append('svg')
    .attr('class', 'sv-strip')
    .attr('viewBox', `0 0 ${layout.width} ${layout.height}`)
    .attr('preserveAspectRatio', 'xMidYMin meet')
    // never drawn below its own size, so its 12-unit text stays at 12 CSS px or more (the host scrolls)
    .style('min-width', `${layout.width}px`)
    .attr('role', 'img')
    .attr('aria-labelledby', `${data.idBase}-title`)
    .attr('aria-describedby', `${data.idBase}-desc`);
  svg.append('title').attr('id', `${data.idBase}-title`).text(data.title);
  svg.append('desc').attr('id', `${data.idBase}-desc`).text(data.description);
  const g = svg.append('g').attr('aria-hidden', 'true');

  g.append('defs')
    .append('marker')
    .attr('id', `${data.idBase}-arrow`)
    .attr('viewBox', '0 0 8 8')
    .attr('refX', 8)
    .attr('refY', 4)
    .attr('markerWidth', 6)
    .attr('markerHeight', 6)
    .attr('orient', 'auto')
    .append('path')
    .attr('class', 'sv-arrowhead')
    .attr('d', 'M0,0 L8,4 L0,8 z');

  g.selectAll('line.sv-edge')
    .data(layout.edges, (d) => (d as { key: string }).key)
    .join('line')
    .attr('class', 'sv-edge')
    .attr('data-edge', (d) => d.key)
    .attr('x1', (d) => d.x1)
    .attr('x2', (d) => d.x2)
    .attr('y1', (d) => d.y)
    .attr('y2', (d) => d.y)
    .attr('marker-end', `url(#${data.idBase}-arrow)`);

  if (layout.shortcut) {
    const sc = g
      .append('g')
      .attr('class', `sv-shortcut${data.current === data.shortcut.id ? ' is-current' : ''}`)
      .attr('data-node', data.shortcut.id);
    sc.append('path')
      .attr('class', 'sv-edge sv-edge--shortcut')
      .attr('d', layout.shortcut.path)
      .attr('marker-end', `url(#${data.idBase}-arrow)`);
    sc.append('text')
      .attr('class', 'sv-text sv-text--small')
      .attr('x', layout.shortcut.labelX)
      .attr('y', layout.shortcut.labelY)
      .attr('dominant-baseline', 'central')
      .attr('text-anchor', 'middle')
      .text(data.shortcut.label);
    if (onSelect) sc.classed('sv-clickable', true).on('click', () => onSelect(data.shortcut.id));
  }

  const nodes = g
    .selectAll<SVGGElement, StripNodeLayout>('g.sv-node')
    .data(layout.nodes, (d) => d.id)
    .join('g')
    .attr('class', (d) => `sv-node${d.id === data.current ? ' is-current' : ''}`)
    .attr('data-node', (d) => d.id);
  nodes.each(function (d) {
    const ng = select(this);
    if (d.shape === 'plus') {
      ng.append('circle').attr('class', 'sv-box').attr('cx', d.cx).attr('cy', d.cy).attr('r', d.halfW);
      ng.append('path')
        .attr('class', 'sv-plus')
        .attr('d', `M${d.cx - 6},${d.cy} H${d.cx + 6} M${d.cx},${d.cy - 6} V${d.cy + 6}`);
      return;
    }
    ng.append('rect')
      .attr('class', d.shape === 'end' ? 'sv-box sv-box--end' : 'sv-box')
      .attr('x', d.cx - d.halfW)
      .attr('y', d.cy - BOX_H / 2)
      .attr('width', 2 * d.halfW)
      .attr('height', BOX_H)
      .attr('rx', 6);
    d.lines.forEach((line, k) => {
      const text = ng
        .append('text')
        .attr('class', k === 0 ? 'sv-text' : 'sv-text sv-text--small')
        .attr('x', d.cx)
        .attr('y', d.cy + (k - (d.lines.length - 1) / 2) * LINE_H)
        .attr('dominant-baseline', 'central')
        .attr('text-anchor', 'middle')
        .text(line) as unknown as Selection<SVGTextElement, unknown, null, undefined>;
      fit(text, 2 * d.halfW - 8);
    });
  });
  if (onSelect) nodes.classed('sv-clickable', true).on('click', (_e, d) => onSelect(d.id));
}
