import { axisBottom, line, scaleLog, scaleLinear, select, type Selection } from 'd3';
import { FG, MUTED, drawAxis, fitFontSize, keptChartSvg, seriesColor, yAxisWithGrid } from './frame';

/** One x position (a setting): the values of its runs, their mean and their min–max range. */
interface SeedGroup {
  key: string;
  x: number;
  values: { key: string; y: number }[];
  mean: number;
  min: number;
  max: number;
}

export interface SeedSeries {
  id: string;
  label: string;
  groups: SeedGroup[];
}

export interface SeedChartOptions {
  width: number;
  height?: number;
  xLabel: string;
  yLabel: string;
  /** explicit y range (e.g. a span that shows how small the differences are); default: the data, padded */
  yDomain?: [number, number];
  yFormat?: (y: number) => string;
  xTicks: number[];
  /** transition length in ms (0 under reduced motion) */
  duration: number;
}

type G = Selection<SVGGElement, unknown, null, undefined>;

const MARGIN = { top: 28, right: 16, bottom: 44, left: 64 };
const DOT_GAP = 7;

/**
 * Dots for each run, a min–max bar and a mean tick per x, and a line through the means; one colour per series.
 * The svg is kept between calls and every mark is a keyed join, so a new language, width or data moves the
 * marks (enter, update, exit) instead of redrawing them.
 */
export function renderSeedChart(el: HTMLElement, series: SeedSeries[], o: SeedChartOptions): void {
  const height = o.height ?? 280;
  const width = Math.max(o.width, 220);
  const svg = keptChartSvg(el, 'seed-chart', width, height, (svg, plot) => {
    plot.append('g').attr('class', 'series-layer');
    svg.append('g').attr('class', 'legend');
  });
  const iw = width - MARGIN.left - MARGIN.right;
  const ih = height - MARGIN.top - MARGIN.bottom;
  const plot = svg.select<SVGGElement>('g.plot').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);

  const xs = scaleLog()
    .base(2)
    .domain([Math.min(...o.xTicks) / 1.5, Math.max(...o.xTicks) * 1.5])
    .range([0, iw]);
  const all = series.flatMap((s) => s.groups.flatMap((g) => g.values.map((v) => v.y)));
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.15;
  const ys = scaleLinear()
    .domain(o.yDomain ?? [Math.max(0, lo - pad), hi + pad])
    .range([ih, 0]);
  const fmt = o.yFormat ?? ((v: number) => String(v));

  drawAxis(
    plot.select<SVGGElement>('g.axis.x').attr('transform', `translate(0,${ih})`),
    axisBottom(xs)
      .tickValues(o.xTicks)
      .tickFormat((v) => String(v)),
  );
  yAxisWithGrid(plot, ys, iw, fmt);

  svg
    .select('text.axis-label.x')
    .attr('x', MARGIN.left + iw / 2)
    .attr('y', height - 8)
    .attr('font-size', fitFontSize(o.xLabel, iw + MARGIN.left, 12, 10))
    .text(o.xLabel);
  svg
    .select('text.axis-label.y')
    .attr('transform', `translate(14,${MARGIN.top + ih / 2}) rotate(-90)`)
    .attr('font-size', fitFontSize(o.yLabel, ih + MARGIN.top, 12, 10))
    .text(o.yLabel);

  const offset = (si: number) => (series.length > 1 ? (si - (series.length - 1) / 2) * 14 : 0);
  const layer = plot.select<SVGGElement>('g.series-layer');
  const sg = layer
    .selectAll<SVGGElement, SeedSeries>('g.series')
    .data(series, (d) => d.id)
    .join((enter) => enter.append('g').attr('class', 'series'))
    .attr('data-series', (d) => d.id);

  sg.each(function (s, si) {
    const g = select(this) as unknown as G;
    const color = seriesColor(si);
    const cx = (grp: SeedGroup) => xs(grp.x) + offset(si);
    const path = line<SeedGroup>()
      .x(cx)
      .y((d) => ys(d.mean));
    g.selectAll<SVGPathElement, SeedGroup[]>('path.mean-line')
      .data([s.groups])
      .join((enter) => enter.append('path').attr('class', 'mean-line').attr('d', path))
      .attr('fill', 'none')
      .attr('stroke', color)
      .attr('stroke-width', 1.5)
      .attr('stroke-opacity', 0.6)
      .transition()
      .duration(o.duration)
      .attr('d', path);

    g.selectAll<SVGLineElement, SeedGroup>('line.spread')
      .data(
        s.groups.filter((d) => d.values.length > 1),
        (d) => d.key,
      )
      .join((enter) =>
        enter
          .append('line')
          .attr('class', 'mark spread')
          .attr('x1', cx)
          .attr('x2', cx)
          .attr('y1', (d) => ys(d.mean))
          .attr('y2', (d) => ys(d.mean)),
      )
      .attr('data-key', (d) => d.key)
      .attr('stroke', color)
      .attr('stroke-width', 3)
      .attr('stroke-opacity', 0.35)
      .attr('stroke-linecap', 'round')
      .transition()
      .duration(o.duration)
      .attr('x1', cx)
      .attr('x2', cx)
      .attr('y1', (d) => ys(d.min))
      .attr('y2', (d) => ys(d.max));

    g.selectAll<SVGLineElement, SeedGroup>('line.mean')
      .data(
        s.groups.filter((d) => d.values.length > 1),
        (d) => d.key,
      )
      .join((enter) =>
        enter
          .append('line')
          .attr('class', 'mark mean')
          .attr('y1', (d) => ys(d.mean))
          .attr('y2', (d) => ys(d.mean)),
      )
      .attr('data-key', (d) => d.key)
      .attr('stroke', FG)
      .attr('stroke-width', 2)
      .transition()
      .duration(o.duration)
      .attr('x1', (d) => cx(d) - 9)
      .attr('x2', (d) => cx(d) + 9)
      .attr('y1', (d) => ys(d.mean))
      .attr('y2', (d) => ys(d.mean));

    const dots = s.groups.flatMap((grp) =>
      grp.values.map((v, i) => ({
        key: `${grp.key}:${v.key}`,
        x: cx(grp) + (i - (grp.values.length - 1) / 2) * DOT_GAP * (grp.values.length > 1 ? 1 : 0),
        y: v.y,
      })),
    );
    g.selectAll<SVGCircleElement, (typeof dots)[number]>('circle.point')
      .data(dots, (d) => d.key)
      .join(
        (enter) =>
          enter
            .append('circle')
            .attr('class', 'mark point')
            .attr('r', 0)
            .attr('cx', (d) => d.x)
            .attr('cy', (d) => ys(d.y)),
        (update) => update,
        (exit) => exit.transition().duration(o.duration).attr('r', 0).remove(),
      )
      .attr('data-key', (d) => d.key)
      .attr('fill', color)
      .attr('stroke', 'var(--bg, #fff)')
      .attr('stroke-width', 1)
      .transition()
      .duration(o.duration)
      .attr('r', 4)
      .attr('cx', (d) => d.x)
      .attr('cy', (d) => ys(d.y));
  });

  const legend = svg.select<SVGGElement>('g.legend').attr('transform', `translate(${MARGIN.left},8)`);
  const items = legend
    .selectAll<SVGGElement, SeedSeries>('g.legend-item')
    .data(series.length > 1 ? series : [], (d) => d.id)
    .join((enter) => {
      const it = enter.append('g').attr('class', 'legend-item');
      it.append('circle').attr('r', 4).attr('cx', 6).attr('cy', 6);
      it.append('text').attr('x', 16).attr('y', 10).attr('font-size', 12).attr('fill', FG);
      return it;
    });
  let lx = 0;
  items.each(function (d, i) {
    const it = select(this);
    it.select('circle').attr('fill', seriesColor(i));
    it.select('text').text(d.label);
    it.attr('transform', `translate(${lx},0)`);
    lx += 16 + d.label.length * 7 + 16;
  });
  svg.selectAll('.domain').attr('stroke', MUTED);
}
