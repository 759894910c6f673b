import type { Locator } from '@playwright/test';

/**
 * Text drawn in a figure smaller than `min` CSS px: SVG text at its font size times the SVG's scale on the
 * screen, HTML text at its computed font size. Returns "size px: text" for each offender.
 */
export async function smallText(figure: Locator, min: number): Promise<string[]> {
  return figure.evaluate((root, limit) => {
    const out: string[] = [];
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    };
    for (const el of root.querySelectorAll('text')) {
      if (!visible(el) || !el.textContent?.trim()) continue;
      const m = (el as SVGTextElement).getScreenCTM();
      const px = parseFloat(getComputedStyle(el).fontSize) * (m ? Math.hypot(m.a, m.b) : 1);
      if (px < limit - 0.05) out.push(`${px.toFixed(1)} px: ${el.textContent}`);
    }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('svg') || !n.textContent?.trim() || !visible(el)) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < limit - 0.05) out.push(`${px.toFixed(1)} px: ${n.textContent.trim()}`);
    }
    return out;
  }, min);
}
