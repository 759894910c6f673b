import type { Browser, Page } from '@playwright/test';
import { catalogs } from '../src/i18n';
import { expect, gotoApp, test } from './harness';
import { WCAG_A_AA, blocking, describeViolations, runAxe } from './support/axe';
import { smallText } from './support/figureText';
import { expectEnlarged, openMapDialog } from './support/mapDialog';
import { waitForSection, type Section } from './support/sections';

// Phones and projectors: every section, in both languages, at a phone's and a projector's size. One page per
// language; each section is opened from the navigation and measured at both sizes before the next one.

const PHONE = { width: 375, height: 812 } as const;
const WIDE = { width: 1280, height: 900 } as const;

/** Gaps, overlaps and cut text, measured in the page; each problem as one line. */
async function layoutProblems(page: Page, wide: boolean): Promise<string[]> {
  return page.evaluate((wide) => {
    const problems: string[] = [];
    const TOL = 1;
    type Box = { left: number; top: number; right: number; bottom: number };
    const shown = (el: Element) =>
      el.checkVisibility({ visibilityProperty: true, opacityProperty: true, contentVisibilityAuto: true });
    /** Inside a box of (nearly) no size: text for screen readers only, e.g. a chart's data table. */
    const screenReaderOnly = (el: Element) => {
      for (let p: Element | null = el; p && p.tagName !== 'MAIN'; p = p.parentElement) {
        const r = p.getBoundingClientRect();
        if (r.width <= 1 || r.height <= 1) return true;
      }
      return false;
    };
    const short = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    const intersect = (a: Box, b: Box): Box | null => {
      const r = {
        left: Math.max(a.left, b.left),
        top: Math.max(a.top, b.top),
        right: Math.min(a.right, b.right),
        bottom: Math.min(a.bottom, b.bottom),
      };
      return r.right - r.left > TOL && r.bottom - r.top > TOL ? r : null;
    };
    const inside = (a: Box, b: Box) =>
      a.left >= b.left - TOL &&
      a.right <= b.right + TOL &&
      a.top >= b.top - TOL &&
      a.bottom <= b.bottom + TOL;
    /** The nearest ancestor (below `root`) that scrolls: text in it may lie outside its box, scrolled away. */
    const scroller = (el: Element, root: Element): Element | null => {
      for (let p = el.parentElement; p && p !== root; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (/(auto|scroll)/.test(s.overflowX + s.overflowY)) return p;
      }
      return null;
    };
    /** The nearest ancestor (up to `root`) that cuts its content off. */
    const clipper = (el: Element, root: Element): Element | null => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (/(hidden|clip)/.test(s.overflowX + s.overflowY) || p.tagName === 'svg') return p;
        if (p === root) break;
      }
      return null;
    };

    // Text in figures: SVG <text>, and HTML text by its line boxes.
    for (const figure of document.querySelectorAll<HTMLElement>('main [data-figure][id]')) {
      if (!shown(figure)) continue;
      const figBox = figure.getBoundingClientRect();
      if (figBox.width === 0) continue;
      const texts: { box: Box; what: string; el: Element }[] = [];
      const add = (el: Element, rects: Iterable<DOMRect>, what: string) => {
        const sc = scroller(el, figure);
        const view = sc?.getBoundingClientRect();
        for (const r of rects) {
          if (r.width < 2 || r.height < 2) continue;
          let box: Box | null = r;
          if (view) box = intersect(box, view);
          if (!box) continue;
          texts.push({ box, what, el });
          if (sc) continue;
          const clip = clipper(el, figure);
          const limit = clip ? clip.getBoundingClientRect() : figBox;
          if (!inside(r, limit) || !inside(r, figBox))
            problems.push(`text cut off in #${figure.id}: "${what}"`);
        }
      };
      for (const el of figure.querySelectorAll('svg text')) {
        if (!el.textContent?.trim() || !shown(el)) continue;
        add(el, [el.getBoundingClientRect()], short(el.textContent));
      }
      const walker = document.createTreeWalker(figure, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (
          !el ||
          el.closest('svg, select, option, script, style, .visually-hidden') ||
          !n.textContent?.trim()
        )
          continue;
        if (!shown(el) || screenReaderOnly(el)) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        add(el, range.getClientRects(), short(n.textContent));
      }
      // Controls are text too: a button drawn over a heading hides it.
      for (const el of figure.querySelectorAll('button, select, input:not([type=range]), a[href]')) {
        if (!shown(el) || el.closest('.visually-hidden')) continue;
        const r = el.getBoundingClientRect();
        if (r.width < 2 || r.height < 2) continue;
        texts.push({ box: r, what: `<${el.tagName.toLowerCase()}> ${short(el.textContent)}`, el });
      }
      texts.sort((a, b) => a.box.left - b.box.left);
      for (let i = 0; i < texts.length; i++) {
        for (let j = i + 1; j < texts.length && texts[j].box.left < texts[i].box.right - TOL; j++) {
          const a = texts[i];
          const b = texts[j];
          if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
          if (intersect(a.box, b.box))
            problems.push(`text overlaps in #${figure.id}: "${a.what}" × "${b.what}"`);
        }
      }
    }

    // A select shows its whole choice: as wide as a copy of it holding only that choice, at its own width.
    for (const select of document.querySelectorAll<HTMLSelectElement>('main select')) {
      if (!shown(select) || select.selectedIndex < 0) continue;
      const copy = document.createElement('select');
      copy.className = select.className;
      copy.append(new Option(select.options[select.selectedIndex].text));
      copy.style.cssText =
        'position:absolute;visibility:hidden;width:auto;min-width:0;max-width:none;flex:none;left:0;top:0';
      select.parentElement!.append(copy);
      const needed = copy.getBoundingClientRect().width;
      copy.remove();
      const has = select.getBoundingClientRect().width;
      if (has < needed - TOL)
        problems.push(
          `select cut: "${short(copy.options[0].text)}" (${Math.round(has)} of ${Math.round(needed)} px)`,
        );
    }

    // Blank vertical runs in the section: the union of what is drawn (text, graphics, controls).
    const article = document.querySelector('main article.section');
    if (article) {
      const top = article.getBoundingClientRect().top + scrollY;
      const bottom = article.getBoundingClientRect().bottom + scrollY;
      const spans: [number, number, Element][] = [];
      const push = (r: DOMRect, el: Element) => {
        if (r.width >= 1 && r.height >= 1) spans.push([r.top + scrollY, r.bottom + scrollY, el]);
      };
      const drawn = article.querySelectorAll(
        'svg, canvas, img, video, input, select, button, textarea, progress, meter, hr, table',
      );
      for (const el of drawn) if (shown(el)) push(el.getBoundingClientRect(), el);
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || !n.textContent?.trim() || el.closest('svg, select, .visually-hidden') || !shown(el))
          continue;
        if (screenReaderOnly(el)) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const r of range.getClientRects()) push(r, el);
      }
      const where = (el: Element | null) => {
        if (!el) return 'the top';
        const host = el.closest('[id], [data-testid], [class]');
        const cls = host?.getAttribute('class')?.split(' ')[0];
        const name = host?.id ? `#${host.id}` : cls ? `.${cls}` : (host?.tagName ?? '?');
        return `<${el.tagName.toLowerCase()}> in ${name}`;
      };
      spans.sort((a, b) => a[0] - b[0]);
      let reach = top;
      let last: Element | null = null;
      for (const [s, e, el] of spans) {
        if (s - reach > 120)
          problems.push(`blank run of ${Math.round(s - reach)} px between ${where(last)} and ${where(el)}`);
        if (e > reach) {
          reach = e;
          last = el;
        }
      }
      if (bottom - reach > 120)
        problems.push(
          `blank run of ${Math.round(bottom - reach)} px at the section's end, after ${where(last)}`,
        );
    }

    const scrollWidth = document.scrollingElement?.scrollWidth ?? 0;
    if (scrollWidth > innerWidth) problems.push(`the page scrolls sideways: ${scrollWidth} > ${innerWidth}`);
    const header = document.querySelector('header')?.getBoundingClientRect().height ?? 0;
    if (wide && header > 100) problems.push(`header ${Math.round(header)} px high`);
    return problems;
  }, wide);
}

/** Each figure's id and its link's address. */
async function figureLinks(page: Page): Promise<{ id: string; href: string | null }[]> {
  return page.locator('main [data-figure][id]').evaluateAll((figures) =>
    figures.map((f) => ({
      id: f.id,
      href: f.querySelector<HTMLAnchorElement>(`a[data-figure-link]`)?.href ?? null,
    })),
  );
}

/** Opens links in a fresh context whose browser prefers the other language; each shows its figure in `lang`. */
async function openLinks(
  browser: Browser,
  baseURL: string,
  lang: 'en' | 'zh',
  links: { id: string; href: string }[],
): Promise<string[]> {
  const problems: string[] = [];
  const context = await browser.newContext({
    baseURL,
    locale: lang === 'en' ? 'zh-CN' : 'en-US',
    viewport: WIDE,
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  try {
    for (const { id, href } of links) {
      await page.goto(href);
      await expect(page.locator('#section-title')).toBeVisible();
      const target = page.locator(`[id="${id}"]`);
      await expect(target, `${href}`).toBeAttached();
      await expect(target, `${href} shows its figure`).toBeInViewport();
      const htmlLang = await page.evaluate(() => document.documentElement.lang);
      if (!htmlLang.startsWith(lang)) problems.push(`${href} opens in ${htmlLang}`);
    }
  } finally {
    await context.close();
  }
  return problems;
}

/**
 * The section drawn: Overview, Forms, Step and Classify as waitForSection knows them, any other section once
 * it has loaded and its figures' drawings have content (whichever charts it holds).
 */
async function waitForDrawn(page: Page, section: Section): Promise<void> {
  if (section === 'overview' || section === 'step' || section === 'classify' || section === 'forms')
    return waitForSection(page, section);
  await expect(page.locator(`article[data-section="${section}"]`)).toBeVisible();
  await expect
    .poll(() =>
      page.evaluate((id) => {
        const article = document.querySelector(`article[data-section="${id}"]`);
        if (!article || article.querySelector(':scope > .loading')) return false;
        const empty = [...article.querySelectorAll('[data-figure] svg')].filter(
          (svg) => svg.childElementCount === 0,
        );
        return article.childElementCount > 1 && empty.length === 0;
      }, section),
    )
    .toBe(true);
}

/** Soft: one run reports every section's problems. */
const soft = expect.configure({ soft: true });

for (const lang of ['en', 'zh'] as const) {
  test(`layout for teachers @wasm: every section at 375 and 1280 px, figure links (${lang})`, async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(900_000);
    await page.setViewportSize(WIDE);
    await gotoApp(page, `section=overview&lang=${lang}`);
    const sections = (await page
      .getByRole('navigation')
      .locator('a[data-section]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('data-section')))) as Section[];
    expect(sections.length).toBeGreaterThanOrEqual(5);
    const links: { id: string; href: string }[] = [];
    for (const section of sections) {
      await page.setViewportSize(WIDE);
      if (section !== 'overview') {
        await page.getByRole('navigation').locator(`a[data-section="${section}"]`).click();
      }
      await waitForDrawn(page, section);
      for (const size of [WIDE, PHONE]) {
        await page.setViewportSize(size);
        const label = `${section} at ${size.width}×${size.height} (${lang})`;
        // Polled: the diagrams redraw for the new width a frame or two after the resize.
        await soft
          .poll(() => layoutProblems(page, size === WIDE), { message: label, timeout: 10_000 })
          .toEqual([]);
        if (size === WIDE) {
          const small: string[] = [];
          for (const figure of await page.locator('main [data-figure][id]').all())
            if (await figure.isVisible()) small.push(...(await smallText(figure, 12)));
          expect.soft(small, `${label}: figure text under 12 px`).toEqual([]);
        }
      }
      // On a phone the step-through's maps (a few pixels each) open one at a time, larger, in a dialog.
      if (section === 'step') {
        await page.setViewportSize(PHONE);
        const { dialog } = await openMapDialog(page, page.getByTestId('maps-in'), 'click');
        await expectEnlarged(dialog, 240);
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
      }
      // The long sections list their figures in a contents menu in the header, which stays on screen.
      if (section === 'overview' || section === 'numbers') {
        await page.setViewportSize(PHONE);
        const toggle = page.getByTestId('section-contents');
        await toggle.click();
        await expect(toggle).toHaveAttribute('aria-expanded', 'true');
        const entries = page.locator('.section-contents-list a');
        const figures = await page
          .locator('main [data-figure][id]')
          .evaluateAll((els) =>
            els.filter((el) => !el.parentElement?.closest('[data-figure]')).map((el) => el.id),
          );
        expect(await entries.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(
          figures.map((id) => `#${id}`),
        );
        const last = figures[figures.length - 1];
        await entries.last().click();
        await expect(toggle).toHaveAttribute('aria-expanded', 'false');
        await expect(page.locator(`[id="${last}"]`)).toBeInViewport();
        await expect(page.getByRole('navigation', { name: catalogs[lang]['nav.label'] })).toBeInViewport();
        await page.evaluate(() => scrollTo(0, 0));
      }
      const found = await figureLinks(page);
      expect
        .soft(
          found.filter((f) => !f.href),
          `${section} (${lang}): figures without a link`,
        )
        .toEqual([]);
      for (const { id, href } of found) {
        if (!href) continue;
        const url = new URL(href);
        expect.soft(url.searchParams.get('lang'), href).toBe(lang);
        expect.soft(url.searchParams.get('section'), href).toBe(section === 'overview' ? null : section);
        expect.soft(url.hash, href).toBe(`#${id}`);
        links.push({ id, href });
      }
    }
    // The status chip: one line in the header, its details on demand; axe-clean open, with the figures' links.
    await page.setViewportSize(WIDE);
    const chip = page.getByTestId('status-chip');
    await expect(chip).toHaveAttribute('data-status', /^(ready|starting|checking|warning|failed)$/);
    await expect(page.getByTestId('backend-indicator')).toBeHidden();
    await chip.click();
    await expect(chip).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByTestId('backend-indicator')).toBeVisible();
    expect(
      describeViolations(
        blocking(await runAxe(page, { tags: WCAG_A_AA, include: ['header', '.app-figure-tools'] })),
      ),
    ).toEqual([]);
    await chip.click();
    await expect(page.getByTestId('backend-indicator')).toBeHidden();

    console.log(`layout for teachers (${lang}): ${sections.join(', ')}; ${links.length} figure links`);
    // Every link, in a browser that prefers the other language (the English ones; one Chinese one).
    const opened = lang === 'en' ? links : links.slice(0, 1);
    expect(opened.length).toBeGreaterThan(0);
    expect(await openLinks(browser, baseURL ?? '', lang, opened)).toEqual([]);
  });
}
