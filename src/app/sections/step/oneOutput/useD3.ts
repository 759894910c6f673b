import { useEffect, useRef } from 'react';

/** A ref for an <svg> that `render` draws into whenever `data` changes (a D3 renderer of (element, data)). */
export function useD3<T>(render: (el: SVGSVGElement, data: T) => void, data: T) {
  const ref = useRef<SVGSVGElement>(null);
  useEffect(() => {
    if (ref.current) render(ref.current, data);
  }, [render, data]);
  return ref;
}
