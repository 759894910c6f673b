import { branchSlots, placeSlots, type BranchSlot } from './branchLayout';

/**
 * Geometry of the split-transform-merge drawing (left to right: x, C paths, Σ, shortcut ⊕, ReLU) and
 * the routes the animated pulses take in each phase. Pure, so it can be tested without a DOM.
 */

export type Point = [number, number];
/** A route maps progress t ∈ [0, 1] to a point. */
export type Route = (t: number) => Point;

export const SM_WIDTH = 440;
export const SM_HEIGHT = 262;

/** Phases, in order: input, split (1×1 embeds into d dims), transform (3×3), project (1×1 back), aggregate (Σ), shortcut (+ x), ReLU. */
export const SM_PHASES = ['input', 'split', 'transform', 'project', 'aggregate', 'shortcut', 'relu'] as const;
export type SmPhase = (typeof SM_PHASES)[number];

interface SmPath {
  slot: BranchSlot;
  /** vertical centre and room of the path */
  cy: number;
  h: number;
  /** drawn height of the path's d-dimensional embedding (its first 1×1 and its 3×3): d channels, to scale */
  embedH: number;
}

export interface SmLayout {
  paths: SmPath[];
  input: { x: number; y0: number; y1: number };
  cols: { embed: number; transform: number; project: number };
  sum: Point;
  plus: Point;
  relu: Point;
  out: Point;
  /** y of the shortcut's top run */
  shortcutY: number;
}

const CY = 140;
/** Drawn height of one channel of an embedding. */
export const SM_CHANNEL = 0.9;

/** The gap between paths: smaller as there are more of them, so that 64 paths still fit. */
const gapFor = (c: number) => (c <= 8 ? 6 : c <= 16 ? 3 : c <= 32 ? 1.5 : 0.8);

/** Every one of the C paths, each with an embedding d channels high (to scale, up to the path's room). */
export function splitMergeLayout(cardinality: number, d = 4): SmLayout {
  const c = Math.max(1, Math.floor(cardinality));
  const placed = placeSlots(branchSlots(c, { maxAll: c }), 40, 200, {
    gap: gapFor(c),
    maxBranchWidth: 120,
  });
  return {
    paths: placed.map((p) => ({
      slot: p.slot,
      cy: p.x + p.width / 2,
      h: p.width,
      embedH: Math.max(0.8, Math.min(p.width - 1, d * SM_CHANNEL)),
    })),
    input: { x: 30, y0: 80, y1: 200 },
    cols: { embed: 104, transform: 186, project: 268 },
    sum: [330, CY],
    plus: [372, CY],
    relu: [412, CY],
    out: [412, 186],
    shortcutY: 22,
  };
}

const lerp =
  (a: Point, b: Point): Route =>
  (t) => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];

/** Follows a polyline at constant speed. */
export function polyline(points: Point[]): Route {
  const lens = points.slice(1).map((p, i) => Math.hypot(p[0] - points[i][0], p[1] - points[i][1]));
  const total = lens.reduce((s, l) => s + l, 0);
  return (t) => {
    let left = Math.min(1, Math.max(0, t)) * total;
    for (let i = 0; i < lens.length; i++) {
      if (left <= lens[i] || i === lens.length - 1)
        return lerp(points[i], points[i + 1])(lens[i] ? left / lens[i] : 1);
      left -= lens[i];
    }
    return points[points.length - 1];
  };
}

/** Where a drawn path meets the input bar: spread over the bar, in path order. */
function inputPoint(l: SmLayout, cy: number): Point {
  const first = l.paths[0].cy;
  const last = l.paths[l.paths.length - 1].cy;
  const f = last === first ? 0.5 : (cy - first) / (last - first);
  return [l.input.x + 5, l.input.y0 + 10 + f * (l.input.y1 - l.input.y0 - 20)];
}

/** Routes of the pulses that move during a phase (none for the input phase). */
export function phaseRoutes(l: SmLayout, phase: SmPhase): Route[] {
  const drawn = l.paths.filter((p) => p.slot.kind === 'branch');
  const { embed, transform, project } = l.cols;
  switch (phase) {
    case 'input':
      return [];
    case 'split':
      return drawn.map((p) => lerp(inputPoint(l, p.cy), [embed, p.cy]));
    case 'transform':
      return drawn.map((p) => lerp([embed, p.cy], [transform, p.cy]));
    case 'project':
      return drawn.map((p) => lerp([transform, p.cy], [project, p.cy]));
    case 'aggregate':
      return drawn.map((p) => lerp([project, p.cy], l.sum));
    case 'shortcut':
      return [
        polyline([
          [l.input.x, l.input.y0],
          [l.input.x, l.shortcutY],
          [l.plus[0], l.shortcutY],
          [l.plus[0], l.plus[1]],
        ]),
        lerp(l.sum, l.plus),
      ];
    case 'relu':
      return [polyline([l.plus, l.relu, l.out])];
  }
}
