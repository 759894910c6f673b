/**
 * Geometry of the step-through's block strip: boxes left to right, the ⊕ node as a circle, edges that start
 * and end on the outline of the nodes they join (so the arrows into and out of ⊕ touch it), and label lines
 * sized so that each fits its box at the strip's font size.
 */

export interface StripNodeInput {
  id: string;
  label: string;
  sub?: string;
  shape?: 'box' | 'plus' | 'end';
}

export interface StripNodeLayout {
  id: string;
  shape: 'box' | 'plus' | 'end';
  cx: number;
  cy: number;
  /** half the width of a box, or the radius of the ⊕ */
  halfW: number;
  lines: string[];
}

interface StripEdge {
  key: string;
  x1: number;
  x2: number;
  y: number;
}

export interface StripLayout {
  width: number;
  height: number;
  nodes: StripNodeLayout[];
  edges: StripEdge[];
  /** the dashed shortcut from the first node to the ⊕, its label above it */
  shortcut: { path: string; labelX: number; labelY: number } | null;
}

export const STRIP_FONT = 12;
export const BOX_W = 92;
export const BOX_H = 44;
export const PLUS_R = 12;
const GAP = 12;
const TOP = 46;
const SHORTCUT_Y = 24;

/** Rough width of a line at the strip's font: CJK characters square, digits and others about 0.62. */
export function stripTextWidth(text: string, size = STRIP_FONT): number {
  let w = 0;
  for (const ch of text)
    w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch)
      ? size
      : /[\u2190-\u21ff]/.test(ch)
        ? size * 0.84
        : size * 0.62;
  return w;
}

export function stripLayout(nodes: readonly StripNodeInput[]): StripLayout {
  const n = nodes.length;
  const width = n * BOX_W + (n - 1) * GAP;
  const cy = TOP + BOX_H / 2;
  const cx = (i: number) => i * (BOX_W + GAP) + BOX_W / 2;
  const laid: StripNodeLayout[] = nodes.map((node, i) => {
    const shape = node.shape ?? 'box';
    return {
      id: node.id,
      shape,
      cx: cx(i),
      cy,
      halfW: shape === 'plus' ? PLUS_R : BOX_W / 2,
      lines: shape === 'plus' ? ['+'] : node.sub ? [node.label, node.sub] : [node.label],
    };
  });
  const edges: StripEdge[] = [];
  for (let i = 0; i + 1 < n; i++) {
    const a = laid[i];
    const b = laid[i + 1];
    edges.push({ key: `${a.id}-${b.id}`, x1: a.cx + a.halfW, x2: b.cx - b.halfW, y: cy });
  }
  const plus = laid.findIndex((d) => d.shape === 'plus');
  const shortcut =
    plus > 0
      ? {
          path: `M${laid[0].cx},${TOP} V${SHORTCUT_Y} H${laid[plus].cx} V${cy - PLUS_R}`,
          labelX: (laid[0].cx + laid[plus].cx) / 2,
          labelY: SHORTCUT_Y - 12,
        }
      : null;
  return { width, height: TOP + BOX_H + 8, nodes: laid, edges, shortcut };
}
