import { useEffect, useRef } from 'react';
import { stopTransitions } from '../../viz/block/svgBase';

/**
 * A container for a D3 renderer that keeps its drawing between calls and animates changes: `draw` runs after
 * every render in which it changed (callers wrap it in useCallback); transitions stop when the host goes away.
 */
export function useLiveD3<E extends Element = HTMLDivElement>(draw: (el: E) => void) {
  const ref = useRef<E | null>(null);
  useEffect(() => {
    if (ref.current) draw(ref.current);
  }, [draw]);
  useEffect(() => {
    const el = ref.current;
    return () => {
      if (el) stopTransitions(el);
    };
  }, []);
  return ref;
}
