import { stopTransitions } from '../../../viz/block/svgBase';
import { useChartDraw } from './useChartDraw';

/**
 * A box for one of the grouped-cost D3 charts: measures its width, calls `draw` with it whenever either changes
 * (the renderer keeps its svg, so marks move rather than redraw), and stops transitions when it goes away.
 */
export function GroupedCostChart({
  draw,
  name,
}: {
  draw: (el: HTMLDivElement, width: number) => void;
  name: string;
}) {
  const box = useChartDraw(draw, stopTransitions);
  return <div ref={box} className="gcost-chart" data-chart={name} />;
}
