import { easeLinear, select, timeout, type Selection, type Timer } from 'd3';
import {
  phaseRoutes,
  SM_HEIGHT,
  SM_PHASES,
  SM_WIDTH,
  splitMergeLayout,
  type Point,
  type Route,
  type SmLayout,
} from './splitMergeLayout';
import { describeSvg, freshSvg, line, plusNode, removeSvgs, stopTransitions, text, type G } from './svgBase';

/** The split-transform-merge picture of y = ReLU(x + Σᵢ Tᵢ(x)), animated phase by phase. */
export interface SplitMergeData {
  idBase: string;
  cardinality: number;
  /** width of each path's embedding; its boxes are drawn this many channels high */
  d: number;
  labels: {
    title: string;
    description: string;
    input: string;
    output: string;
    relu: string;
    /** column captions, e.g. "1×1 → d", "3×3", "1×1 → 256" */
    embed: string;
    transform: string;
    project: string;
    /** e.g. "32 paths", written where the hidden paths are; null when all are drawn */
    pathsNote: string | null;
  };
}

export interface SplitMergeOptions {
  /** step between discrete states instead of moving */
  reducedMotion: boolean;
  /** playback speed factor (1 = normal) */
  speed: number;
  onPhase?: (phase: number) => void;
  onPlayingChange?: (playing: boolean) => void;
}

export interface SplitMergeController {
  play(): void;
  pause(): void;
  /** back to the first phase; plays unless motion is reduced */
  replay(): void;
  /** jumps to the end of the next phase */
  next(): void;
  setSpeed(speed: number): void;
  /** stops every timer and transition and removes the drawing */
  destroy(): void;
}

const BASE_MS = 1000;
const HOLD_MS = 300;
const LAST = SM_PHASES.length - 1;

interface Pulse {
  route: Route;
  t: number;
}

export function createSplitMerge(
  host: Element,
  data: SplitMergeData,
  opts: SplitMergeOptions,
): SplitMergeController {
  const layout = splitMergeLayout(data.cardinality, data.d);
  let root!: G;
  freshSvg(host, SM_WIDTH, SM_HEIGHT, (svg) => {
    svg.attr('role', 'img');
    describeSvg(svg, data.idBase, data.labels.title, data.labels.description);
    root = svg.append('g').attr('aria-hidden', 'true');
    drawStatic(root, layout, data);
  });
  // under the nodes, so a pulse arriving at Σ or ⊕ does not hide it
  const pulseLayer = root.insert('g', ':first-child');
  const pulseR = Math.max(1.5, Math.min(4, layout.paths[0].h / 2));
  let phase = 0;
  let progress = 1;
  let playing = false;
  let speed = opts.speed > 0 ? opts.speed : 1;
  let timer: Timer | null = null;

  const setPlaying = (p: boolean) => {
    if (playing !== p) {
      playing = p;
      opts.onPlayingChange?.(p);
    }
  };

  const showPhase = () => {
    root.selectAll<SVGElement, unknown>('[data-appear]').each(function () {
      const at = Number(this.getAttribute('data-appear'));
      select(this)
        .classed('bv-dim', phase < at)
        .classed('bv-active', phase === at);
    });
    opts.onPhase?.(phase);
  };

  const halt = () => {
    timer?.stop();
    timer = null;
    const layer = pulseLayer.node();
    if (layer) stopTransitions(layer);
  };

  const pulses = (from: number): Selection<SVGCircleElement, Pulse, SVGGElement, unknown> => {
    const data: Pulse[] = phaseRoutes(layout, SM_PHASES[phase]).map((route) => ({ route, t: from }));
    return pulseLayer
      .selectAll<SVGCircleElement, Pulse>('circle')
      .data(data)
      .join('circle')
      .attr('class', 'bv-pulse')
      .attr('r', pulseR)
      .attr('cx', (d) => d.route(d.t)[0])
      .attr('cy', (d) => d.route(d.t)[1]);
  };

  const runPhase = (from: number) => {
    const duration = (BASE_MS / speed) * (1 - from);
    progress = from;
    pulses(from)
      .transition()
      .duration(duration)
      .ease(easeLinear)
      .tween('move', function (d) {
        const el = select(this);
        return (u) => {
          d.t = from + (1 - from) * u;
          const [x, y]: Point = d.route(d.t);
          el.attr('cx', x).attr('cy', y);
        };
      });
    timer = timeout(
      () => {
        timer = null;
        progress = 1;
        if (phase === LAST) {
          setPlaying(false);
          return;
        }
        phase += 1;
        showPhase();
        runPhase(0);
      },
      duration + HOLD_MS / speed,
    );
  };

  const currentProgress = (): number => {
    const first = pulseLayer.select<SVGCircleElement>('circle');
    const d = first.empty() ? undefined : (first.datum() as Pulse | undefined);
    return d ? d.t : progress;
  };

  showPhase();
  pulses(1);

  const controller: SplitMergeController = {
    play() {
      if (opts.reducedMotion) return controller.next();
      if (playing) return;
      if (phase === LAST && progress >= 1) return controller.replay();
      setPlaying(true);
      if (progress >= 1) {
        phase += 1;
        showPhase();
        runPhase(0);
      } else runPhase(progress);
    },
    pause() {
      if (!playing) return;
      progress = currentProgress();
      halt();
      setPlaying(false);
    },
    replay() {
      halt();
      phase = 0;
      showPhase();
      if (opts.reducedMotion) {
        progress = 1;
        pulses(1);
        return;
      }
      setPlaying(true);
      runPhase(0);
    },
    next() {
      halt();
      setPlaying(false);
      if (phase < LAST) phase += 1;
      progress = 1;
      showPhase();
      pulses(1);
    },
    setSpeed(s: number) {
      if (!(s > 0) || s === speed) return;
      speed = s;
      if (playing) {
        const at = currentProgress();
        halt();
        runPhase(at >= 1 ? 0.999 : at);
      }
    },
    destroy() {
      halt();
      playing = false;
      removeSvgs(host);
    },
  };
  return controller;
}

function drawStatic(g: G, l: SmLayout, data: SplitMergeData): void {
  const { labels } = data;
  const { embed, transform, project } = l.cols;
  const at = <E extends SVGElement>(sel: Selection<E, unknown, null, undefined>, phase: number) =>
    sel.attr('data-appear', phase).classed('bv-fade', true);

  const sc = g
    .append('path')
    .attr('class', 'bv-edge bv-edge--shortcut')
    .attr('d', `M${l.input.x},${l.input.y0} V${l.shortcutY} H${l.plus[0]} V${l.plus[1] - 10}`);
  at(sc, 5);

  const input = g
    .append('rect')
    .attr('class', 'bv-box')
    .attr('x', l.input.x - 5)
    .attr('y', l.input.y0)
    .attr('width', 10)
    .attr('height', l.input.y1 - l.input.y0);
  at(input, 0);
  text(g, l.input.x, l.input.y1 + 14, labels.input);

  const first = l.paths[0].cy;
  const last = l.paths[l.paths.length - 1].cy;
  for (const p of l.paths) {
    if (p.slot.kind === 'ellipsis') {
      for (const x of [embed, project]) at(text(g, x, p.cy, '⋮', 'bv-text bv-muted'), 1);
      at(text(g, transform, p.cy, labels.pathsNote ?? '⋮', 'bv-text bv-text--small bv-muted'), 1);
      continue;
    }
    const f = last === first ? 0.5 : (p.cy - first) / (last - first);
    const iy = l.input.y0 + 10 + f * (l.input.y1 - l.input.y0 - 20);
    const small = p.embedH;
    const big = Math.max(1, p.h - 2);
    const edge = p.h < 4 ? 'bv-edge bv-edge--thin' : 'bv-edge';
    at(line(g, l.input.x + 5, iy, embed - 6, p.cy, edge), 1);
    at(
      g
        .append('rect')
        .attr('class', 'bv-box')
        .attr('x', embed - 6)
        .attr('y', p.cy - small / 2)
        .attr('width', 12)
        .attr('height', small),
      1,
    );
    at(line(g, embed + 6, p.cy, transform - 18, p.cy, edge), 2);
    const tbox = g.append('g');
    tbox
      .append('rect')
      .attr('class', 'bv-box')
      .attr('x', transform - 18)
      .attr('y', p.cy - small / 2)
      .attr('width', 36)
      .attr('height', small)
      .attr('rx', Math.min(3, small / 3));
    if (small >= 12) {
      const t = text(tbox, transform, p.cy, 'T', 'bv-text bv-text--small');
      t.append('tspan')
        .attr('baseline-shift', 'sub')
        .text(String(p.slot.index + 1));
    }
    at(tbox, 2);
    at(line(g, transform + 18, p.cy, project - 6, p.cy, edge), 3);
    at(
      g
        .append('rect')
        .attr('class', 'bv-box')
        .attr('x', project - 6)
        .attr('y', p.cy - big / 2)
        .attr('width', 12)
        .attr('height', big),
      3,
    );
    at(line(g, project + 6, p.cy, l.sum[0] - 11, l.sum[1], edge), 4);
  }

  const sum = g.append('g');
  sum.append('circle').attr('class', 'bv-node').attr('cx', l.sum[0]).attr('cy', l.sum[1]).attr('r', 11);
  text(sum, l.sum[0], l.sum[1] + 1, 'Σ');
  at(sum, 4);
  at(line(g, l.sum[0] + 11, l.sum[1], l.plus[0] - 10, l.plus[1]), 5);
  at(plusNode(g, l.plus[0], l.plus[1]), 5);
  at(line(g, l.plus[0] + 10, l.plus[1], l.relu[0] - 16, l.relu[1]), 6);
  const relu = g.append('g');
  relu
    .append('rect')
    .attr('class', 'bv-box')
    .attr('x', l.relu[0] - 16)
    .attr('y', l.relu[1] - 12)
    .attr('width', 32)
    .attr('height', 24)
    .attr('rx', 3);
  text(relu, l.relu[0], l.relu[1], labels.relu, 'bv-text bv-text--small');
  at(relu, 6);
  at(line(g, l.relu[0], l.relu[1] + 12, l.out[0], l.out[1] - 8), 6);
  at(text(g, l.out[0], l.out[1], labels.output), 6);

  const captionY = SM_HEIGHT - 8;
  text(g, embed, captionY, labels.embed, 'bv-text bv-text--small bv-muted');
  text(g, transform, captionY, labels.transform, 'bv-text bv-text--small bv-muted');
  text(g, project, captionY, labels.project, 'bv-text bv-text--small bv-muted');
}
