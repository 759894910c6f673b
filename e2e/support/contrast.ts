import type { Page } from '@playwright/test';

/**
 * SVG text whose fill has too little contrast with what is drawn under it (axe's colour-contrast rule reads
 * CSS `color`, not an SVG `fill`, so chart and diagram labels need this check of their own). Returns one line
 * per failing label. Minimum ratios are WCAG AA's: 4.5:1, or 3:1 for text drawn 24 px or larger. Parts of an
 * animated diagram not reached yet (`.bv-dim`) are left out: they are a deliberately faint preview.
 */
export async function lowContrastSvgText(page: Page, scope = 'main'): Promise<string[]> {
  return page.evaluate(async (scopeSelector) => {
    type Rgba = [number, number, number, number];

    const parse = (css: string): Rgba | null => {
      const m = /rgba?\(([^)]+)\)/.exec(css);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1]
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      return [r, g, b, a];
    };
    const over = (top: Rgba, under: Rgba): Rgba => {
      const a = top[3];
      return [0, 1, 2].map((i) => top[i] * a + under[i] * (1 - a)).concat(1) as Rgba;
    };
    const luminance = (c: Rgba) => {
      const lin = c.slice(0, 3).map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
    };
    const ratio = (a: Rgba, b: Rgba) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    /** Product of the element's and its ancestors' opacity. */
    const opacityOf = (el: Element) => {
      let o = 1;
      for (let e: Element | null = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
      return o;
    };
    const SHAPES = new Set(['rect', 'circle', 'ellipse', 'path', 'polygon']);
    /** The colour of one layer under the text, or null when the layer paints nothing there. */
    const layerColour = (el: Element): Rgba | null => {
      const style = getComputedStyle(el);
      if (el instanceof SVGElement) {
        if (!SHAPES.has(el.tagName)) return null;
        const fill = parse(style.fill);
        if (!fill) return null;
        fill[3] *= Number(style.fillOpacity) * opacityOf(el);
        return fill[3] > 0 ? fill : null;
      }
      const bg = parse(style.backgroundColor);
      if (!bg || bg[3] === 0) return null;
      bg[3] *= opacityOf(el);
      return bg;
    };
    /** What is painted under (x, y), composed from the bottom layer up; `skip` are the text's own nodes. */
    const backdrop = (x: number, y: number, skip: (el: Element) => boolean): Rgba => {
      const layers = document
        .elementsFromPoint(x, y)
        .filter((el) => !skip(el))
        .map(layerColour)
        .filter((c): c is Rgba => c !== null);
      let colour: Rgba = [255, 255, 255, 1];
      for (const layer of layers.reverse()) colour = over(layer, colour);
      return colour;
    };

    const failures: string[] = [];
    const root = document.querySelector(scopeSelector);
    if (!root) return [`no element matches ${scopeSelector}`];
    for (const text of root.querySelectorAll<SVGTextElement>('svg text')) {
      if (!text.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      // A faint preview of what a step-by-step diagram reaches later; the current step is described in words.
      if (text.closest('.bv-dim')) continue;
      const content = text.textContent?.trim() ?? '';
      if (!content) continue;
      let box = text.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.top < 0 || box.bottom > innerHeight) {
        text.scrollIntoView({ block: 'center' });
        await new Promise((r) => requestAnimationFrame(r));
        box = text.getBoundingClientRect();
      }
      const style = getComputedStyle(text);
      const fill = parse(style.fill);
      if (!fill) continue;
      fill[3] *= Number(style.fillOpacity) * opacityOf(text);
      const under = backdrop(box.left + box.width / 2, box.top + box.height / 2, (el) => text.contains(el));
      const ink = over(fill, under);
      const size = parseFloat(style.fontSize) * (box.height / Math.max(1, text.getBBox().height) || 1);
      const min = size >= 24 ? 3 : 4.5;
      const r = ratio(ink, under);
      if (r < min) {
        const where = text.closest('[data-testid],[data-chart],[class]');
        const name =
          where?.getAttribute('data-testid') ??
          where?.getAttribute('data-chart') ??
          where?.getAttribute('class');
        failures.push(
          `"${content.slice(0, 40)}" in ${name}: ${r.toFixed(2)}:1 < ${min}:1 (fill ${style.fill}, under rgb(${under
            .slice(0, 3)
            .map(Math.round)
            .join(', ')}))`,
        );
      }
    }
    return failures;
  }, scope);
}
