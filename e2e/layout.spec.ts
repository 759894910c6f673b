import type { Page } from '@playwright/test';
import { expect, gotoApp, test } from './harness';
import { blocking, describeViolations, runAxe } from './support/axe';
import { SECTIONS, waitForSection, navLink } from './support/sections';

// Layout does not depend on the backend: one project (wasm, the quickest to start) is enough.

const SIZES = [
  { width: 375, height: 812 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

/**
 * What does not fit the screen: controls and diagrams reaching past its left or right edge (unless they sit
 * in a scroll box the keyboard can reach), controls of no size, and controls covered by something else.
 */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const problems: string[] = [];
    const name = (el: Element) => {
      const id = el.getAttribute('data-testid') ?? el.id;
      const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
      return `<${el.tagName.toLowerCase()}${id ? ` #${id}` : ''}> "${text}"`;
    };
    /** The nearest ancestor that scrolls sideways and that the keyboard can scroll (focusable, or holding focusables). */
    const keyboardScroller = (el: Element): Element | null => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const { overflowX } = getComputedStyle(p);
        if ((overflowX === 'auto' || overflowX === 'scroll') && p.scrollWidth > p.clientWidth + 1) {
          return (p as HTMLElement).tabIndex >= 0 || p.querySelector('a, button, input, select, [tabindex]')
            ? p
            : null;
        }
      }
      return null;
    };
    const visible = (el: Element) =>
      el.checkVisibility({ visibilityProperty: true }) && el.getBoundingClientRect().width > 0;
    const sideways = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.left < -1 || r.right > innerWidth + 1;
    };

    for (const el of document.querySelectorAll('main svg, main canvas')) {
      if (!visible(el) || (el.closest('svg') !== el && el.tagName === 'svg')) continue;
      if (sideways(el) && !keyboardScroller(el)) problems.push(`graphic outside the screen: ${name(el)}`);
    }

    const controls = document.querySelectorAll<HTMLElement | SVGElement>(
      'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])',
    );
    for (const el of controls) {
      if (el.closest('[inert], [hidden]') || el.matches(':disabled')) continue;
      if (el.classList.contains('skip-link')) continue;
      const box = el.getBoundingClientRect();
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      if (box.width < 1 || box.height < 1) {
        // Visually hidden controls still need a place on screen when focused: only styled ones are exempt.
        if (getComputedStyle(el).position !== 'absolute') problems.push(`control of no size: ${name(el)}`);
        continue;
      }
      const scroller = keyboardScroller(el);
      if (sideways(el) && !scroller) {
        problems.push(`control outside the screen: ${name(el)}`);
        continue;
      }
      // Scrolling is instant (the app sets no smooth scrolling) and hit testing lays the page out first.
      el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
      if (hit && !el.contains(hit) && !hit.contains(el) && !label?.contains(hit)) {
        problems.push(`control covered by ${name(hit)}: ${name(el)}`);
      }
    }
    scrollTo(0, 0);
    return problems;
  });
}

/** axe rules whose outcome depends on the screen size. */
const SIZE_RULES = ['scrollable-region-focusable', 'meta-viewport'] as const;

async function checkSize(page: Page, label: string): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.scrollingElement?.scrollWidth ?? 0,
    inner: innerWidth,
  }));
  expect(widths.scroll, `${label}: the page scrolls sideways`).toBeLessThanOrEqual(widths.inner);
  expect(await layoutProblems(page), label).toEqual([]);
  // The rules a screen size can break (e.g. a box that scrolls sideways on a phone must take keyboard focus);
  // every rule runs on every section in e2e/a11y.spec.ts.
  expect(describeViolations(blocking(await runAxe(page, { rules: SIZE_RULES }))), label).toEqual([]);
}

// One page per screen size: the sections are opened from the navigation, each drawn first at that size.
const RUNS = [
  ...SIZES.map((size) => ({ size, lang: 'en' as const })),
  { size: SIZES[0], lang: 'zh' as const },
];

for (const { size, lang } of RUNS) {
  test(`layout @wasm: every section fits ${size.width}×${size.height} (${lang})`, async ({ page }) => {
    test.setTimeout(600_000);
    await page.setViewportSize(size);
    await gotoApp(page, `section=${SECTIONS[0]}&lang=${lang}`);
    for (const section of SECTIONS) {
      if (section !== SECTIONS[0]) {
        await navLink(page, section).click();
      }
      await waitForSection(page, section);
      await checkSize(page, `${section} at ${size.width}×${size.height} (${lang})`);
    }
  });
}

test('layout @wasm: the guided tour card fits a phone screen, its buttons on it', async ({ page }) => {
  await page.setViewportSize(SIZES[0]);
  await gotoApp(page, 'section=overview');
  await waitForSection(page, 'overview');
  await page.getByTestId('tour-start').click();
  const dialog = page.getByTestId('tour-dialog');
  for (let step = 0; step < 3; step++) {
    await expect(dialog).toHaveAttribute('data-index', String(step));
    await expect(dialog).toBeInViewport({ ratio: 1 });
    for (const id of ['tour-close', 'tour-back', 'tour-next'])
      await expect(dialog.getByTestId(id)).toBeInViewport({ ratio: 1 });
    const scroll = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
    expect(scroll, 'the page scrolls sideways').toBeLessThanOrEqual(SIZES[0].width);
    await page.getByTestId('tour-next').click();
  }
});
