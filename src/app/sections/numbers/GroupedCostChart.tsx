import { useEffect, useRef, useState } from 'react';
import { stopTransitions } from '../../../viz/block/svgBase';

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
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    setWidth(Math.floor(el.clientWidth));
    const ro = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0].contentRect.width);
      setWidth((prev) => (Math.abs(prev - w) >= 2 ? w : prev));
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      stopTransitions(el);
    };
  }, []);

  useEffect(() => {
    const el = box.current;
    if (el && width > 0) draw(el, width);
  }, [draw, width]);

  return <div ref={box} className="gcost-chart" data-chart={name} />;
}
