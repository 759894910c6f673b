import { scaleLog, select } from 'd3';
import { MUTED, chartFrame, color, drawYAxis, type G } from './frame';

/**
 * The live measurement: for each C, the grouped conv's time over a dense conv's of the same MACs, as the page
 * runs it (our kernel where the backend has one) and made of tfjs operations, on a log₂ scale around 1 (dense).
 * One group per measured C (`data-c`, with the times in ms), entering as the measurements arrive.
 */

export interface MeasurePoint {
  c: number;
  msDense: number;
  msGrouped: number;
  msWorkaround?: number;
}

export interface MeasureChartOptions {
  width: number;
  height?: number;
  /** every C the run will measure (the x axis), with d under each */
  ticks: { c: number; below: string }[];
  xLabel: string;
  yLabel: string;
  /** the grouped conv as the page runs it (none before a run has started) */
  groupedLabel?: string;
  /** the tfjs-op workaround, when timed beside our kernel */
  workaroundLabel?: string;
  denseLabel: string;
  yFormat: (v: number) => string;
  duration: number;
}

export function renderMeasureChart(el: HTMLElement, data: MeasurePoint[], o: MeasureChartOptions): void {
  const legend = [
    ...(o.groupedLabel ? [{ label: o.groupedLabel, kind: 'dot' as const, color: color(0) }] : []),
    ...(o.workaroundLabel ? [{ label: o.workaroundLabel, kind: 'dot' as const, color: color(1) }] : []),
    { label: o.denseLabel, kind: 'rule' as const, color: MUTED },
  ];
  const ratios = data.flatMap((p) => [
    p.msGrouped / p.msDense,
    ...(p.msWorkaround !== undefined ? [p.msWorkaround / p.msDense] : []),
  ]);
  const lo = Math.min(0.5, ...ratios.map((r) => r / 1.25));
  const hi = Math.max(2, ...ratios.map((r) => r * 1.25));
  const powers: number[] = [];
  for (let k = Math.ceil(Math.log2(lo)); k <= Math.floor(Math.log2(hi)); k++) powers.push(k);
  // at most six labelled ticks: every other power of two when the range is wide
  const step = Math.ceil(powers.length / 6);
  const ticks = powers.filter((k) => k % step === 0).map((k) => 2 ** k);
  const f = chartFrame(el, 'gcost-measure', {
    width: o.width,
    height: o.height ?? 300,
    xLabel: o.xLabel,
    yLabel: o.yLabel,
    legend,
    ticks: o.ticks,
    yTickLabels: ticks.map(o.yFormat),
  });
  const ys = scaleLog().base(2).domain([lo, hi]).range([f.ih, 0]);
  drawYAxis(f, ys, ticks, o.yFormat);

  const marks = f.plot.select<SVGGElement>('g.marks');
  marks
    .selectAll<SVGLineElement, number>('line.dense-rule')
    .data([1])
    .join('line')
    .attr('class', 'dense-rule')
    .attr('x1', 0)
    .attr('x2', f.iw)
    .attr('stroke', MUTED)
    .attr('stroke-width', 1.5)
    .attr('stroke-dasharray', '4 3')
    .attr('y1', ys(1))
    .attr('y2', ys(1));

  const groups = marks
    .selectAll<SVGGElement, MeasurePoint>('g.measure')
    .data(data, (p) => String(p.c))
    .join((enter) => {
      const g = enter
        .append('g')
        .attr('class', 'measure')
        .attr('transform', (p) => `translate(${f.x(p.c)},0)`);
      g.append('line').attr('class', 'gap').attr('stroke-width', 2).attr('stroke-opacity', 0.5);
      g.append('circle').attr('class', 'mark grouped').attr('r', 0);
      g.append('circle').attr('class', 'mark workaround').attr('r', 0);
      return g;
    })
    .attr('data-c', (p) => String(p.c))
    .attr('data-ms-dense', (p) => String(p.msDense))
    .attr('data-ms-grouped', (p) => String(p.msGrouped))
    .attr('data-ms-workaround', (p) => (p.msWorkaround === undefined ? null : String(p.msWorkaround)));
  groups
    .transition()
    .duration(o.duration)
    .attr('transform', (p) => `translate(${f.x(p.c)},0)`);

  groups.each(function (p) {
    const g = select<SVGGElement, MeasurePoint>(this) as unknown as G;
    const yg = ys(p.msGrouped / p.msDense);
    const yw = p.msWorkaround === undefined ? yg : ys(p.msWorkaround / p.msDense);
    g.select('line.gap')
      .attr('stroke', MUTED)
      .attr('x1', 0)
      .attr('x2', 0)
      .attr('y1', ys(1))
      .attr('y2', ys(1))
      .transition()
      .duration(o.duration)
      .attr('y1', Math.min(yg, yw, ys(1)))
      .attr('y2', Math.max(yg, yw, ys(1)));
    const dot = (cls: string, y: number, fill: string, show: boolean) => {
      const c = g.select<SVGCircleElement>(`circle.${cls}`);
      // a dot that has just entered grows where it belongs; one already drawn moves there
      if (Number(c.attr('r')) === 0) c.attr('cy', y);
      c.attr('display', show ? null : 'none')
        .attr('fill', fill)
        .attr('stroke', 'var(--bg, #fff)')
        .attr('stroke-width', 1)
        .transition()
        .duration(o.duration)
        .attr('r', 4.5)
        .attr('cy', y);
    };
    dot('grouped', yg, color(0), true);
    dot('workaround', yw, color(1), p.msWorkaround !== undefined);
  });
}
