import type { Page } from '@playwright/test';
import { catalogs } from '../src/i18n';
import { CARDINALITIES } from '../src/app/state/appState';
import { expect, gotoApp, test, waitForBackend } from './harness';
import { blocking, describeViolations, runAxe } from './support/axe';
import { lowContrastSvgText } from './support/contrast';
import { foreignText } from './support/language';
import { SECTIONS, sectionBody, waitForSection, type Section, navLink } from './support/sections';

// Accessibility does not depend on the backend: these run in the wasm project only (the quickest to start).

const { en } = catalogs;

async function openSection(page: Page, section: Section, lang: 'en' | 'zh' = 'en'): Promise<void> {
  await gotoApp(page, `section=${section}&lang=${lang}`);
  await waitForSection(page, section);
}

/**
 * Charts and diagrams without a text alternative: every visible svg or canvas in the main area has an
 * accessible name (aria-label, aria-labelledby or a title), or is hidden from assistive technology with its
 * data given as a table close by.
 */
async function graphicsWithoutText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const missing: string[] = [];
    const named = (el: Element) => {
      const label = el.getAttribute('aria-label')?.trim();
      const labelledBy = (el.getAttribute('aria-labelledby') ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
        .join('');
      const title = el.tagName === 'svg' ? el.querySelector(':scope > title')?.textContent?.trim() : '';
      return Boolean(label || labelledBy || title);
    };
    const tableNearby = (el: Element) => {
      let scope: Element | null = el;
      for (let up = 0; up < 4 && scope; up++, scope = scope.parentElement) {
        if (scope.querySelector('table tbody tr')) return true;
      }
      return false;
    };
    for (const el of document.querySelectorAll('main svg, main canvas')) {
      if (el.parentElement?.closest('svg')) continue;
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      const hidden = el.closest('[aria-hidden="true"]') !== null;
      const ok = hidden ? tableNearby(el) : named(el);
      if (!ok) {
        const where = el.closest('[data-testid], [data-chart], [class]');
        const name =
          where?.getAttribute('data-testid') ?? where?.getAttribute('data-chart') ?? where?.className;
        missing.push(`${el.tagName.toLowerCase()} in ${String(name)}${hidden ? ' (hidden, no table)' : ''}`);
      }
    }
    return missing;
  });
}

for (const lang of ['en', 'zh'] as const) {
  test(`a11y @wasm: every section (${lang}) has no serious axe violation, text for every graphic, all in ${lang}`, async ({
    page,
  }) => {
    test.setTimeout(600_000);
    // One page, the sections opened from the navigation as a reader moves between them.
    await openSection(page, SECTIONS[0], lang);
    for (const section of SECTIONS) {
      if (section !== SECTIONS[0]) {
        await navLink(page, section).click();
        await waitForSection(page, section);
      }
      await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
      expect(describeViolations(blocking(await runAxe(page))), section).toEqual([]);
      expect(await graphicsWithoutText(page), `${section}: graphics without a text alternative`).toEqual([]);
      expect(
        await lowContrastSvgText(page),
        `${section}: chart and diagram labels with too little contrast`,
      ).toEqual([]);
      expect(await foreignText(page, lang), `${section}: text not in ${lang}`).toEqual([]);
    }
  });
}

/** Every element's CSS transitions and animations that would still move with reduced motion asked for. */
async function movingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const moving: string[] = [];
    const seconds = (list: string) => list.split(',').reduce((s, v) => s + parseFloat(v), 0);
    for (const el of document.querySelectorAll('*')) {
      const style = getComputedStyle(el);
      const transition = seconds(style.transitionDuration) > 0 && style.transitionProperty !== 'none';
      const animation = style.animationName !== 'none' && seconds(style.animationDuration) > 0;
      if (transition || animation) {
        moving.push(`<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}">`);
      }
    }
    return [...new Set(moving)];
  });
}

const pageBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('a11y @wasm: every section in the dark theme with reduced motion: readable, no serious violation, nothing animates', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await openSection(page, SECTIONS[0]);
  const light = await pageBackground(page);
  // One page in the dark theme, the sections opened from the navigation.
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await openSection(page, SECTIONS[0]);
  expect(await pageBackground(page), 'the dark theme changes the page background').not.toBe(light);
  for (const section of SECTIONS) {
    if (section !== SECTIONS[0]) {
      await navLink(page, section).click();
      await waitForSection(page, section);
    }
    if (section === 'forms') {
      // the selection highlight must read in the dark theme too
      await page.locator('[data-key="form-c-conv2"]').press('Enter');
      await expect(page.getByTestId('forms-selection')).toHaveAttribute('data-layer', 'conv2');
    }
    expect(describeViolations(blocking(await runAxe(page))), section).toEqual([]);
    expect(
      await lowContrastSvgText(page),
      `${section}: chart and diagram labels with too little contrast`,
    ).toEqual([]);
    expect(await movingElements(page), `${section}: CSS transitions or animations left on`).toEqual([]);
  }
});

test('a11y @wasm: reduced motion turns the split-transform-merge animation into steps', async ({ page }) => {
  const phases = 7;
  // With motion allowed, the animation has play and speed controls.
  await openSection(page, 'overview');
  const panel = sectionBody(page, 'overview');
  await expect(panel.getByTestId('stm-play')).toBeVisible();
  await expect(panel.getByLabel(en['overview.stm.speed'])).toBeVisible();

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect(panel.getByTestId('stm-play')).toHaveCount(0);
  await expect(panel.getByLabel(en['overview.stm.speed'])).toHaveCount(0);
  await expect(panel.getByText(en['overview.stm.reduced'])).toBeVisible();
  await panel.getByTestId('stm-replay').click();
  const svg = panel.getByTestId('stm-svg');
  const seen = [await svg.getAttribute('data-phase')];
  for (let i = 1; i < phases; i++) {
    await panel.getByTestId('stm-next').click();
    await expect(svg).not.toHaveAttribute('data-phase', seen[seen.length - 1] ?? '');
    // Each step is drawn at once: nothing is left moving after the click.
    const drawn = await svg.innerHTML();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.waitForTimeout(400);
    expect(await svg.innerHTML(), `step ${i + 1} is still moving`).toBe(drawn);
    seen.push(await svg.getAttribute('data-phase'));
  }
  expect(new Set(seen).size).toBe(phases);
  await expect(panel.getByTestId('stm-next')).toBeDisabled();
  await expect(panel.getByTestId('stm-caption')).toContainText(`${phases}`);
});

interface Stop {
  inHeader: boolean;
  inMain: boolean;
  /** whether the element looks different focused than after focus has moved on */
  ring: boolean;
  description: string;
}

interface TabState {
  seen: Set<Element>;
  previous: Element | null;
  previousLook: string;
}

/**
 * Tabs through the whole page from the top and describes each stop: where it is, and whether focus shows.
 * Focus shows when the element's outline, shadow, border, background or the strokes it draws (SVG controls
 * mark focus on their shape) differ while it has focus from after focus has moved on.
 */
async function tabThrough(page: Page, limit = 400): Promise<{ stops: Stop[]; unreached: string[] }> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
    const state: TabState = { seen: new Set(), previous: null, previousLook: '' };
    (window as unknown as { __tab: TabState }).__tab = state;
  });
  const stops: Omit<Stop, 'ring'>[] = [];
  const rings: boolean[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const { stop, previousChanged } = await page.evaluate(() => {
      const state = (window as unknown as { __tab: TabState }).__tab;
      const look = (el: Element) => {
        const s = getComputedStyle(el);
        const shapes = [...el.querySelectorAll('rect, circle, ellipse, path')].map((shape) => {
          const c = getComputedStyle(shape);
          return `${c.stroke} ${c.strokeWidth} ${c.fill}`;
        });
        const outline = s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0 ? 'none' : s.outline;
        return [outline, s.boxShadow, s.borderColor, s.backgroundColor, ...shapes].join('|');
      };
      const previousChanged = state.previous ? look(state.previous) !== state.previousLook : null;
      state.previous = null;
      const el = document.activeElement;
      if (!el || el === document.body || state.seen.has(el)) return { stop: null, previousChanged };
      state.seen.add(el);
      state.previous = el;
      state.previousLook = look(el);
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 50);
      return {
        stop: {
          inHeader: el.closest('header') !== null,
          inMain: el.closest('main') !== null,
          description: `<${el.tagName.toLowerCase()}${el.id ? ` #${el.id}` : ''}> "${name}"`,
        },
        previousChanged,
      };
    });
    if (previousChanged !== null) rings.push(previousChanged);
    if (!stop) break;
    stops.push(stop);
  }
  const unreached = await page.evaluate(() => {
    const { seen } = (window as unknown as { __tab: TabState }).__tab;
    const candidates = document.querySelectorAll<HTMLElement | SVGElement>(
      'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])',
    );
    return [...candidates]
      .filter((el) => !el.matches(':disabled') && !el.closest('[inert]'))
      .filter(
        (el) => el.checkVisibility({ visibilityProperty: true }) && el.getBoundingClientRect().width > 0,
      )
      .filter((el) => !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked))
      .filter((el) => !seen.has(el))
      .map(
        (el) =>
          `<${el.tagName.toLowerCase()}> "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 50)}"`,
      );
  });
  return { stops: stops.map((stop, i) => ({ ...stop, ring: rings[i] ?? false })), unreached };
}

for (const section of SECTIONS) {
  test(`a11y @wasm: ${section}: Tab reaches every control in order, each with a visible focus ring`, async ({
    page,
  }) => {
    await openSection(page, section);
    // controls that wait for the engine (the speed test) are enabled before Tab walks the page
    await waitForBackend(page);
    const positive = await page
      .locator('[tabindex]')
      .evaluateAll((els) =>
        els.filter((el) => Number(el.getAttribute('tabindex')) > 0).map((el) => el.outerHTML.slice(0, 80)),
      );
    expect(positive, 'positive tabindex breaks the reading order').toEqual([]);

    const { stops, unreached } = await tabThrough(page);
    expect(unreached, 'controls Tab never reaches').toEqual([]);
    expect(stops.length).toBeGreaterThan(5);
    expect(stops[0].description, 'the first stop skips to the content').toContain(en['app.skipToContent']);
    const firstMain = stops.findIndex((s) => s.inMain);
    const lastHeader = stops.map((s) => s.inHeader).lastIndexOf(true);
    expect(firstMain, 'the main area has controls').toBeGreaterThan(0);
    expect(lastHeader, 'the header comes before the main area').toBeLessThan(firstMain);
    expect(
      stops.filter((s) => !s.ring).map((s) => s.description),
      'stops without a visible focus ring',
    ).toEqual([]);
  });
}

test('a11y @wasm: the cardinality slider works with the arrow keys, Home and End', async ({ page }) => {
  await openSection(page, 'overview');
  const slider = page.getByTestId('cardinality-slider');
  const figure = page.getByTestId('fig1-resnext');
  const cardinality = () => new URL(page.url()).searchParams.get('cardinality');
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(figure).toHaveAttribute('data-cardinality', String(CARDINALITIES[0]));
  await page.keyboard.press('ArrowRight');
  await expect(figure).toHaveAttribute('data-cardinality', String(CARDINALITIES[1]));
  expect(cardinality()).toBe(String(CARDINALITIES[1]));
  await page.keyboard.press('End');
  const last = CARDINALITIES[CARDINALITIES.length - 1];
  await expect(figure).toHaveAttribute('data-cardinality', String(last));
  await expect(slider).toHaveAttribute(
    'aria-valuetext',
    en['block.cardinality.valuetext'].replace('{c}', String(last)),
  );
  await page.keyboard.press('ArrowLeft');
  await expect(figure).toHaveAttribute('data-cardinality', String(CARDINALITIES[CARDINALITIES.length - 2]));
});

test('a11y @wasm: the step-through moves with ← → Home End, the strip following it', async ({ page }) => {
  await openSection(page, 'step');
  const walker = page.getByTestId('step-walker');
  const position = page.getByTestId('step-position');
  await walker.focus();
  await page.keyboard.press('End');
  await expect(position).toHaveAttribute('data-step-index', '9');
  await page.keyboard.press('ArrowLeft');
  await expect(position).toHaveAttribute('data-step-index', '8');
  await page.keyboard.press('Home');
  await expect(position).toHaveAttribute('data-step-index', '0');
  await page.keyboard.press('ArrowRight');
  await expect(position).toHaveAttribute('data-step-index', '1');
  await expect(page.getByTestId('step-strip')).toHaveAttribute('data-current', 'conv1');

  // On a phone the strip scrolls sideways in its own box, can take focus, and keeps the current step in view.
  await page.setViewportSize({ width: 375, height: 812 });
  const strip = page.getByTestId('step-strip');
  await expect(strip).toHaveAttribute('tabindex', '0');
  await strip.focus();
  await page.keyboard.press('End');
  await expect(position).toHaveAttribute('data-step-index', '9');
  const current = strip.locator('[data-node="output"]');
  await expect(current).toBeInViewport();
  await page.keyboard.press('Home');
  await expect(strip.locator('[data-node="input"]')).toBeInViewport();
});

test('a11y @wasm: loading the weights shows a named progress bar until the model is ready', async ({
  page,
}) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/models/*.safetensors', async (route) => {
    await held;
    await route.continue();
  });
  await gotoApp(page, 'section=step');
  const bar = page.getByRole('progressbar', { name: en['step.loading.model'] });
  await expect(bar).toBeVisible();
  release();
  await waitForSection(page, 'step');
  await expect(bar).toHaveCount(0);
});

test('a11y @wasm: the speed test shows its progress as a value that advances', async ({ page }) => {
  await openSection(page, 'numbers');
  // Every value the bar takes, as "now/max", recorded in the page: the bar is gone when the test ends.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __progress: string[] }).__progress = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[data-speed-test] [role="progressbar"]');
      const value = bar && `${bar.getAttribute('aria-valuenow')}/${bar.getAttribute('aria-valuemax')}`;
      if (value && seen[seen.length - 1] !== value) seen.push(value);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await page.locator('[data-action="speed-test"]').click();
  await expect(page.getByRole('progressbar', { name: en['numbers.speed.progress'] })).toBeVisible();
  const seen = () => page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
  // the first block timed: now has moved past 0 of the full count
  await expect
    .poll(async () => (await seen()).some((v) => /^[1-9]\d*\/[1-9]\d*$/.test(v)), { timeout: 150_000 })
    .toBe(true);
  const values = (await seen()).map((v) => v.split('/').map(Number));
  for (const [now, max] of values) {
    expect(now).toBeGreaterThanOrEqual(0);
    expect(now).toBeLessThanOrEqual(max);
  }
  const nows = values.map(([now]) => now);
  expect(nows).toEqual([...nows].sort((a, b) => a - b));
});

for (const lang of ['en', 'zh'] as const) {
  test(`a11y @wasm: the guided tour's card (${lang}) has no serious axe violation and shows focus`, async ({
    page,
  }) => {
    await openSection(page, 'overview', lang);
    await page.getByTestId('tour-start').click();
    const dialog = page.getByTestId('tour-dialog');
    await expect(dialog).toBeVisible();
    await page.getByTestId('tour-next').click();
    await expect(dialog).toHaveAttribute('data-index', '1');
    expect(describeViolations(blocking(await runAxe(page)))).toEqual([]);
    expect(await foreignText(page, lang), `text not in ${lang}`).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  });
}
