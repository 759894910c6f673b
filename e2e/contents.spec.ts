import type { Page } from '@playwright/test';
import { catalogs } from '../src/i18n';
import { expect, gotoApp, test } from './harness';
import { WCAG_A_AA, blocking, describeViolations, runAxe } from './support/axe';
import { waitForSection } from './support/sections';

// On wide screens the long sections' contents stand in a column beside the text, staying in view while the page
// scrolls; below that width they are the header's menu (e2e/layout-teacher.spec.ts checks it at 375 and 1280).

const SIDE = { width: 1440, height: 900 } as const;

/** The section's top-level figures, in page order, each with the part of the section it is in. */
const figures = (page: Page) =>
  page
    .locator('main article [data-figure][id]')
    .evaluateAll((els) =>
      els
        .filter((el) => !el.parentElement?.closest('[data-figure]'))
        .map((el) => ({ id: el.id, group: el.closest('[data-contents-group]')?.id ?? null })),
    );

/** Where the side column, the article and the header are; whether the page scrolls sideways. */
const boxes = (page: Page) =>
  page.evaluate(() => {
    const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
    return {
      side: box('.section-side').toJSON() as DOMRect,
      article: box('main article.section').toJSON() as DOMRect,
      header: box('header').toJSON() as DOMRect,
      sideways: (document.scrollingElement?.scrollWidth ?? 0) > innerWidth,
      width: innerWidth,
    };
  });

for (const lang of ['en', 'zh'] as const) {
  test(`contents @wasm: at 1440 px a side column lists Numbers' three parts and their figures, stays in view and marks the figure read (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const t = catalogs[lang];
    await page.setViewportSize(SIDE);
    await gotoApp(page, `section=numbers&lang=${lang}`);
    await waitForSection(page, 'numbers');
    const side = page.getByRole('navigation', { name: t['contents.label'] });
    await expect(side).toHaveAttribute('data-testid', 'section-side');
    await expect(page.getByTestId('section-contents')).toBeHidden();

    // The three parts, in order, each with the figures that are in it.
    const groups = side.locator('.contents-group');
    await expect(groups.locator('.contents-group-title')).toHaveText([
      t['numbers.group.paper'],
      t['numbers.group.ours'],
      t['numbers.group.device'],
    ]);
    const figs = await figures(page);
    expect(figs.length).toBeGreaterThan(5);
    for (const [i, id] of ['numbers-paper', 'numbers-ours', 'numbers-device'].entries()) {
      await expect(groups.nth(i)).toHaveAttribute('data-contents-group', id);
      const listed = await groups
        .nth(i)
        .locator('a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      const inGroup = figs.filter((f) => f.group === id).map((f) => `#${f.id}`);
      expect(inGroup.length, `${id} has figures`).toBeGreaterThan(0);
      expect(listed, id).toEqual(inGroup);
    }
    // The part headings are in the page, where the list says.
    for (const key of ['numbers.group.paper', 'numbers.group.ours', 'numbers.group.device'] as const)
      await expect(page.getByRole('heading', { level: 2, name: t[key] })).toBeVisible();

    // Beside the text, under the header, without sideways scrolling.
    let b = await boxes(page);
    expect(b.sideways).toBe(false);
    expect(b.side.left).toBeGreaterThanOrEqual(b.article.right);
    expect(b.side.right).toBeLessThanOrEqual(b.width);
    expect(b.side.top).toBeGreaterThanOrEqual(b.header.bottom - 1);

    // One move to a figure far down: the column and the sections' navigation stay in view, the figure is marked.
    const target = figs.find((f) => f.id === 'fig-family') ?? figs[Math.floor(figs.length / 2)];
    await side.locator(`a[href="#${target.id}"]`).click();
    await expect(page.locator(`[id="${target.id}"]`)).toBeInViewport();
    await expect(side).toBeInViewport();
    await expect(page.getByRole('navigation', { name: t['nav.label'] })).toBeInViewport();
    await expect(side.locator('a[aria-current="location"]')).toHaveAttribute('href', `#${target.id}`);
    b = await boxes(page);
    expect(b.side.top).toBeGreaterThanOrEqual(b.header.bottom - 1);
    expect(b.sideways).toBe(false);

    expect(
      describeViolations(blocking(await runAxe(page, { tags: WCAG_A_AA, include: ['.section-side'] }))),
    ).toEqual([]);
  });
}

test('contents @wasm: the Overview lists its figures beside the text at 1440 px, and the menu returns below it', async ({
  page,
}) => {
  await page.setViewportSize(SIDE);
  await gotoApp(page, 'section=overview&lang=en');
  await waitForSection(page, 'overview');
  const side = page.getByTestId('section-side');
  await expect(side).toBeVisible();
  const figs = await figures(page);
  expect(await side.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(
    figs.map((f) => `#${f.id}`),
  );
  expect((await boxes(page)).sideways).toBe(false);
  // Narrower: the side column goes, the header's menu comes back.
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(side).toBeHidden();
  await expect(page.getByTestId('section-contents')).toBeVisible();
});
