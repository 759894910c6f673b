import { select } from 'd3';
import './step.css';

/** One box on the block's main path, left to right. */
export interface StripNode {
  id: string;
  label: string;
  /** second line, e.g. "32 groups" */
  sub?: string;
  shape?: 'box' | 'plus' | 'end';
}

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

const BOX_W = 92;
const BOX_H = 40;
const GAP = 16;
const TOP = 40;
const H = TOP + BOX_H + 10;

/**
 * The block as a strip of its operations with the residual shortcut above, the current step's node
 * highlighted; clicking a node calls onSelect with its id.
 */
export function renderBlockStrip(host: Element, data: BlockStripData, onSelect?: (id: string) => void): void {
  const root = select(host);
  root.selectAll('svg').remove();
  const n = data.nodes.length;
  const W = n * BOX_W + (n - 1) * GAP;
  const svg = root
    .append('svg')
    .attr('class', 'sv-strip')
    .attr('viewBox', `0 0 ${W} ${H}`)
    .attr('preserveAspectRatio', 'xMidYMin meet')
    .attr('role', 'img')
    .attr('aria-labelledby', `${data.idBase}-title`)
    .attr('aria-describedby', `${data.idBase}-desc`);
  svg.append('title').attr('id', `${data.idBase}-title`).text(data.title);
  svg.append('desc').attr('id', `${data.idBase}-desc`).text(data.description);
  const g = svg.append('g').attr('aria-hidden', 'true');
  const cx = (i: number) => i * (BOX_W + GAP) + BOX_W / 2;
  const cy = TOP + BOX_H / 2;

  g.append('defs')
    .append('marker')
    .attr('id', `${data.idBase}-arrow`)
    .attr('viewBox', '0 0 8 8')
    .attr('refX', 7)
    .attr('refY', 4)
    .attr('markerWidth', 6)
    .attr('markerHeight', 6)
    .attr('orient', 'auto')
    .append('path')
    .attr('class', 'sv-arrowhead')
    .attr('d', 'M0,0 L8,4 L0,8 z');
  for (let i = 0; i + 1 < n; i++) {
    g.append('line')
      .attr('class', 'sv-edge')
      .attr('x1', cx(i) + BOX_W / 2)
      .attr('x2', cx(i + 1) - BOX_W / 2 - 1)
      .attr('y1', cy)
      .attr('y2', cy)
      .attr('marker-end', `url(#${data.idBase}-arrow)`);
  }

  const plus = data.nodes.findIndex((d) => d.shape === 'plus');
  if (plus > 0) {
    const y = 12;
    const sc = g
      .append('g')
      .attr('class', `sv-shortcut${data.current === data.shortcut.id ? ' is-current' : ''}`)
      .attr('data-node', data.shortcut.id);
    sc.append('path')
      .attr('class', 'sv-edge sv-edge--shortcut')
      .attr('d', `M${cx(0)},${TOP} V${y} H${cx(plus)} V${cy - 12}`)
      .attr('marker-end', `url(#${data.idBase}-arrow)`);
    sc.append('text')
      .attr('class', 'sv-text sv-text--small')
      .attr('x', (cx(0) + cx(plus)) / 2)
      .attr('y', y - 3)
      .attr('text-anchor', 'middle')
      .text(data.shortcut.label);
    if (onSelect) sc.classed('sv-clickable', true).on('click', () => onSelect(data.shortcut.id));
  }

  data.nodes.forEach((node, i) => {
    const ng = g
      .append('g')
      .attr('class', `sv-node${node.id === data.current ? ' is-current' : ''}`)
      .attr('data-node', node.id);
    if (node.shape === 'plus') {
      ng.append('circle').attr('class', 'sv-box').attr('cx', cx(i)).attr('cy', cy).attr('r', 12);
      ng.append('text')
        .attr('class', 'sv-text')
        .attr('x', cx(i))
        .attr('y', cy + 5)
        .attr('text-anchor', 'middle')
        .text('+');
    } else {
      ng.append('rect')
        .attr('class', node.shape === 'end' ? 'sv-box sv-box--end' : 'sv-box')
        .attr('x', cx(i) - BOX_W / 2)
        .attr('y', TOP)
        .attr('width', BOX_W)
        .attr('height', BOX_H)
        .attr('rx', 6);
      const lines = node.sub ? [node.label, node.sub] : [node.label];
      lines.forEach((t, k) =>
        ng
          .append('text')
          .attr('class', k === 0 ? 'sv-text' : 'sv-text sv-text--small')
          .attr('x', cx(i))
          .attr('y', cy + (lines.length === 1 ? 4 : k === 0 ? -3 : 11))
          .attr('text-anchor', 'middle')
          .text(t),
      );
    }
    if (onSelect) ng.classed('sv-clickable', true).on('click', () => onSelect(node.id));
  });
}
