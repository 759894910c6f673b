/**
 * The merge at one position as a running sum: the C contributions Tᵢ(x), each a bar from the sum before it to
 * the sum after it, left to right, then the total, which ends where conv3's value is (a dashed line). Keyed by
 * group, so bars move to their new heights when the position or the channel changes.
 */
import { easeCubicInOut, max, min, scaleLinear, select } from 'd3';

export interface WaterfallData {
  terms: readonly number[];
  /** conv3's value at that position, from the trace */
  value: number;
  width: number;
  height: number;
  reducedMotion: boolean;
  totalLabel: string;
  format: (v: number) => string;
}

interface Bar {
  key: string;
  from: number;
  to: number;
  total: boolean;
}

function waterfallBars(terms: readonly number[]): Bar[] {
  let run = 0;
  const bars: Bar[] = terms.map((t, i) => {
    const bar = { key: `t${i}`, from: run, to: run + t, total: false };
    run += t;
    return bar;
  });
  bars.push({ key: 'total', from: 0, to: run, total: true });
  return bars;
}

const PAD = { left: 56, right: 8, top: 10, bottom: 22 };

export function renderWaterfall(svgEl: SVGSVGElement, d: WaterfallData): void {
  const bars = waterfallBars(d.terms);
  const svg = select(svgEl)
    .attr('viewBox', `0 0 ${d.width} ${d.height}`)
    .attr('width', d.width)
    .attr('height', d.height);
  const lo = Math.min(0, d.value, min(bars, (b) => Math.min(b.from, b.to)) ?? 0);
  const hi = Math.max(0, d.value, max(bars, (b) => Math.max(b.from, b.to)) ?? 0);
  const y = scaleLinear()
    .domain([lo, hi === lo ? lo + 1 : hi])
    .nice()
    .range([d.height - PAD.bottom, PAD.top]);
  const step = (d.width - PAD.left - PAD.right) / bars.length;
  const duration = d.reducedMotion ? 0 : 350;

  const ticks = y.ticks(4);
  svg
    .selectAll<SVGTextElement, number>('text.wf-tick')
    .data(ticks, (v) => String(v))
    .join('text')
    .attr('class', 'wf-tick')
    .attr('x', PAD.left - 6)
    .attr('y', (v) => y(v) + 4)
    .text((v) => d.format(v));
  svg
    .selectAll<SVGLineElement, null>('line.wf-zero')
    .data([null])
    .join('line')
    .attr('class', 'wf-zero')
    .attr('x1', PAD.left)
    .attr('x2', d.width - PAD.right)
    .attr('y1', y(0))
    .attr('y2', y(0));

  svg
    .selectAll<SVGRectElement, Bar>('rect.wf-bar')
    .data(bars, (b) => b.key)
    .join(
      (enter) => enter.append('rect').attr('y', y(0)).attr('height', 0),
      (update) => update,
      (exit) => exit.remove(),
    )
    .attr('class', (b) => (b.total ? 'wf-bar is-total' : b.to >= b.from ? 'wf-bar is-up' : 'wf-bar is-down'))
    .attr('x', (_, i) => PAD.left + i * step + step * 0.1)
    .attr('width', Math.max(1, step * 0.8))
    .transition()
    .duration(duration)
    .ease(easeCubicInOut)
    .attr('y', (b) => y(Math.max(b.from, b.to)))
    .attr('height', (b) => Math.max(1, Math.abs(y(b.from) - y(b.to))));

  svg
    .selectAll<SVGLineElement, number>('line.wf-value')
    .data([d.value])
    .join('line')
    .attr('class', 'wf-value')
    .attr('x1', PAD.left)
    .attr('x2', d.width - PAD.right)
    .transition()
    .duration(duration)
    .attr('y1', (v) => y(v))
    .attr('y2', (v) => y(v));

  svg
    .selectAll<SVGTextElement, string>('text.wf-label')
    .data([d.totalLabel])
    .join('text')
    .attr('class', 'wf-label')
    .attr('x', PAD.left + (bars.length - 0.5) * step)
    .attr('y', d.height - 6)
    .text((s) => s);
}
