import { useEffect, useRef } from 'react';

/**
 * Gives a D3 renderer a container: `draw` runs after every render in which it changed (callers wrap it in
 * useCallback with the data it draws) and may return a cleanup, which runs before the next draw and on unmount.
 */
export function useD3<E extends Element = HTMLDivElement>(draw: (el: E) => void | (() => void)) {
  const ref = useRef<E | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    return draw(el) ?? undefined;
  }, [draw]);
  return ref;
}
