import type { Rgba } from './paintMaps';

let probe: CanvasRenderingContext2D | null | undefined;

/** Any CSS colour as RGBA bytes, via a 1×1 canvas (falls back to transparent where no canvas exists). */
export function cssToRgba(color: string, alpha = 255): Rgba {
  if (probe === undefined) {
    probe =
      typeof document === 'undefined'
        ? null
        : document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  }
  if (!probe) return [0, 0, 0, 0];
  probe.clearRect(0, 0, 1, 1);
  probe.fillStyle = color;
  probe.fillRect(0, 0, 1, 1);
  const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
  return [r, g, b, alpha];
}

/** The value of a CSS custom property on an element, e.g. cssVar(el, '--accent'). */
export function cssVar(el: Element, name: string, fallback = '#888'): string {
  return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}
