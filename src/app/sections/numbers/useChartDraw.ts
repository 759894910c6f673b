import { useEffect, useRef, useState } from 'react';

/**
 * A box for a D3 chart: measures its width (following resizes of 2 px or more) and calls `draw` with it
 * whenever either changes; `onGone` runs when the box goes away.
 */
export function useChartDraw(
  draw: (el: HTMLDivElement, width: number) => void,
  onGone?: (el: HTMLDivElement) => void,
) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const gone = useRef(onGone);
  gone.current = onGone;

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
      gone.current?.(el);
    };
  }, []);

  useEffect(() => {
    const el = box.current;
    if (el && width > 0) draw(el, width);
  }, [draw, width]);

  return box;
}
