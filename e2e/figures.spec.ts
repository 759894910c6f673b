import type { Page } from '@playwright/test';
import { parseState } from '../src/app/state/appState';
import { blockConfig } from '../src/app/block/blockConfig';
import { TOUR_STEPS } from '../src/app/tour/tourSteps';
import { appQuery, expect, gotoApp, test } from './harness';
import { SECTIONS, waitForSection, type Section, navLink } from './support/sections';

// Links to figures, present mode, the tour's placement and the URL's truth depend on the page, not on the
// tensors: one project (wasm) is enough.

const urlState = (page: Page) => parseState(new URL(page.url()).search);
const query = (page: Page) => new URL(page.url()).searchParams;

/** The ids of every figure root on the page, in document order. */
const figureIds = (page: Page) => page.locator('[data-figure]').evaluateAll((els) => els.map((el) => el.id));

test('figures @wasm: every figure of every section has a unique id, and ?section=…#id scrolls it into view', async ({
  page,
}) => {
  test.setTimeout(900_000);
  // Every section's figures, each section opened from the navigation of one page.
  const bySection = new Map<Section, string[]>();
  await gotoApp(page, `section=${SECTIONS[0]}`);
  for (const section of SECTIONS) {
    if (section !== SECTIONS[0]) {
      await navLink(page, section).click();
    }
    await waitForSection(page, section);
    const ids = await figureIds(page);
    for (const id of ids) expect(id, `a figure in ${section} without an id`).toMatch(/^[a-z][\w-]*$/);
    expect(ids.length, `figures in ${section}`).toBeGreaterThan(0);
    bySection.set(section, ids);
  }
  const all = [...bySection.values()].flat();

  for (const [section, ids] of bySection) {
    // A link from elsewhere: the page loads with the section's last figure (the furthest down) in its hash.
    const last = ids[ids.length - 1];
    await page.goto('about:blank');
    await page.goto(`/${appQuery(`section=${section}`)}#${last}`);
    await expect(page.locator(`#${last}`), `#${last} in ${section}`).toBeInViewport();
    // It stays there once the section has finished rendering above it.
    await waitForSection(page, section);
    await expect(page.locator(`#${last}`), `#${last} in ${section}, settled`).toBeInViewport();
    expect(query(page).get('section') ?? 'overview').toBe(section);
    expect(new URL(page.url()).hash).toBe(`#${last}`);
    expect(await figureIds(page), `the figures of ${section} opened from its URL`).toEqual(ids);

    // A link within the page: from the top, each figure's own hash brings it into view.
    for (const id of ids) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.evaluate((id) => (window.location.hash = id), id);
      await expect(page.locator(`#${id}`), `#${id} in ${section}`).toBeInViewport();
      expect(query(page).get('section') ?? 'overview').toBe(section);
      expect(new URL(page.url()).hash).toBe(`#${id}`);
    }
  }
  expect(new Set(all).size, 'figure ids are unique').toBe(all.length);
  // The sections of this part of the page have figures of their own.
  expect(all.some((id) => id.startsWith('fig-classify'))).toBe(true);
  expect(all.some((id) => id.startsWith('fig-arch'))).toBe(true);
});

test('figures @wasm: a section link drops the figure anchor of the section left', async ({ page }) => {
  await page.goto(`/${appQuery('section=numbers')}#fig-paper-table4`);
  await expect(page.locator('#fig-paper-table4')).toBeInViewport();
  await navLink(page, 'classify').click();
  await expect(page.locator('[data-section-body="classify"]')).toBeVisible();
  expect(new URL(page.url()).hash).toBe('');
});

/** Figure text smaller than `min` CSS px as drawn (SVG text scaled by its transform), by figure id. */
async function smallFigureText(page: Page, min: number): Promise<Record<string, string[]>> {
  return page.evaluate((min) => {
    const out: Record<string, string[]> = {};
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return (
        r.width > 1 && r.height > 1 && el.checkVisibility({ visibilityProperty: true, opacityProperty: true })
      );
    };
    for (const fig of document.querySelectorAll<HTMLElement>('[data-figure]')) {
      const small = new Set<string>();
      const walker = document.createTreeWalker(fig, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim();
        const el = node.parentNode instanceof Element ? node.parentNode : null;
        if (!text || !el || !shown(el)) continue;
        // Text for screen readers only is not drawn.
        if (getComputedStyle(el).clipPath.includes('inset') || el.closest('.visually-hidden')) continue;
        let size = parseFloat(getComputedStyle(el).fontSize);
        if (el instanceof SVGGraphicsElement) {
          const m = el.getScreenCTM();
          if (m) size *= Math.sqrt(m.a * m.a + m.b * m.b);
        }
        if (size < min - 0.05) small.add(`${size.toFixed(1)}px "${text.slice(0, 24)}"`);
      }
      if (small.size) out[fig.id] = [...small].slice(0, 6);
    }
    return out;
  }, min);
}

test('figures @wasm: no figure text under 12 px at 1280 wide, in any section', async ({ page }) => {
  test.setTimeout(600_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const section of SECTIONS) {
    await gotoApp(page, `section=${section}`);
    await waitForSection(page, section);
    const small = await smallFigureText(page, 12);
    for (const [id, texts] of Object.entries(small)) {
      expect.soft(texts, `figure #${id} (${section}) has text under 12 px`).toEqual([]);
    }
  }
});

test('figures @wasm: present shows one figure full-screen with its controls; Escape leaves', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await gotoApp(page, 'section=numbers');
    await waitForSection(page, 'numbers');
    const figure = page.locator('#fig-paper-table4');
    const present = figure.getByTestId('figure-present').first();
    await present.click();
    await expect(figure).toHaveAttribute('data-presenting', 'true');
    await expect(present).toHaveAttribute('aria-pressed', 'true');
    const box = await figure.boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: 1280, height: 900 });
    await expect(figure.locator('svg').first()).toBeInViewport();
    // Its background is the page's, opaque: nothing behind it shows through.
    const { bg, body } = await figure.evaluate((el) => ({
      bg: getComputedStyle(el).backgroundColor,
      body: getComputedStyle(document.body).backgroundColor,
    }));
    expect(bg).toBe(body);
    // The page behind does not scroll, and only one figure is presented.
    await expect(page.locator('[data-presenting]')).toHaveCount(1);
    expect(await page.evaluate(() => getComputedStyle(document.body).overflow)).toBe('hidden');

    await page.keyboard.press('Escape');
    await expect(figure).not.toHaveAttribute('data-presenting', 'true');
    await expect(present).toBeFocused();
    await expect(present).toHaveAttribute('aria-pressed', 'false');
    expect(await page.evaluate(() => getComputedStyle(document.body).overflow)).not.toBe('hidden');
    await expect(figure).toBeInViewport();
  }
});

/** Box of the tour's card and of its current target, once the target is marked. */
async function tourGeometry(page: Page) {
  return page.evaluate(() => {
    const target = document.querySelectorAll('[data-tour-target]');
    const card = document.querySelector('[data-testid="tour-dialog"]');
    if (target.length !== 1 || !card) return { marked: target.length, overlap: null, inView: null };
    const t = target[0].getBoundingClientRect();
    const c = card.getBoundingClientRect();
    const overlap = !(t.right <= c.left || c.right <= t.left || t.bottom <= c.top || c.bottom <= t.top);
    const inView = t.bottom > 0 && t.right > 0 && t.top < innerHeight && t.left < innerWidth;
    const cardIn = c.top >= 0 && c.left >= 0 && c.bottom <= innerHeight && c.right <= innerWidth;
    return { marked: 1, overlap, inView: inView && cardIn };
  });
}

for (const size of [
  { width: 1280, height: 900 },
  { width: 375, height: 812 },
]) {
  test(`tour @wasm: at ${size.width}×${size.height} every step's card stays clear of its target, which is on screen`, async ({
    page,
  }) => {
    test.setTimeout(600_000);
    await page.setViewportSize(size);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await gotoApp(page);
    await page.getByTestId('tour-start').click();
    const dialog = page.getByTestId('tour-dialog');
    for (let i = 0; i < TOUR_STEPS.length; i++) {
      const step = TOUR_STEPS[i];
      await expect(dialog).toHaveAttribute('data-index', String(i));
      await expect
        .poll(() => tourGeometry(page), { message: `step ${step.id}`, timeout: 150_000 })
        .toEqual({ marked: 1, overlap: false, inView: true });
      // The target is one the step names.
      const matches = await page
        .locator('[data-tour-target]')
        .evaluate((el, sels) => sels.some((s) => el.matches(s)), [...step.targets]);
      expect(matches, `target of ${step.id}`).toBe(true);
      if (i < TOUR_STEPS.length - 1) await dialog.getByTestId('tour-next').click();
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.locator('[data-tour-target]')).toHaveCount(0);
  });
}

test('URL @wasm: "keep complexity" off and on, then conv5, leaves no stale d; the URL shows what the page shows', async ({
  page,
}) => {
  await gotoApp(page);
  await waitForSection(page, 'overview');
  const slider = page.getByTestId('cardinality-slider');
  await slider.focus();
  await page.keyboard.press('End');
  await expect(slider).toHaveAttribute('aria-valuetext', /64/);
  const keep = page.getByTestId('keep-complexity');
  await keep.uncheck();
  expect(query(page).get('d')).toBe('2');
  await keep.check();
  await page.getByTestId('stage-select').selectOption('r50-conv5');
  expect(query(page).has('d')).toBe(false);

  const notation = page.getByTestId('block-notation');
  const shown = await notation.innerText();
  // The block the URL describes is the one on screen: d = 16 at conv5.
  const config = blockConfig(urlState(page));
  expect(config.d).toBe(16);
  expect(shown).toContain(String(config.width));
  await page.reload();
  await expect(notation).toHaveText(shown);
});

test('URL @wasm: the tour leaves no layer or step behind in later URLs', async ({ page }) => {
  test.setTimeout(300_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await gotoApp(page);
  await page.getByTestId('tour-start').click();
  const dialog = page.getByTestId('tour-dialog');
  for (let i = 0; i < TOUR_STEPS.length; i++) {
    await expect(dialog).toHaveAttribute('data-index', String(i));
    const step = TOUR_STEPS[i];
    const q = query(page);
    // Only what this step sets (and what is not default in it) is in the URL.
    for (const key of ['layer', 'step', 'block', 'group'] as const) {
      const wanted = step.state[key];
      if (wanted === undefined) expect(q.has(key), `${key} at step ${step.id}`).toBe(false);
    }
    if (i < TOUR_STEPS.length - 1) await dialog.getByTestId('tour-next').click();
  }
  // the pointer rests on the top-left corner, not on a figure the page moves under it once the card is gone
  await page.mouse.move(0, 0);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  for (const key of ['layer', 'step', 'block', 'group', 'tour'])
    expect(query(page).has(key), key).toBe(false);

  // A stale URL written by hand is tidied on load, without a new history entry.
  await gotoApp(page, 'section=classify&layer=conv2.1&step=merge&d=2');
  // (once the app has read it: the tidy runs on its first render)
  for (const key of ['layer', 'step', 'd']) await expect.poll(() => query(page).has(key), key).toBe(false);
  expect(query(page).get('section')).toBe('classify' satisfies Section);
});
