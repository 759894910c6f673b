import type { Locator, Page } from '@playwright/test';
import { catalogs } from '../src/i18n';
import { expect, gotoApp, test } from './harness';
import { describeViolations, runAxe, WCAG_A_AA } from './support/axe';
import { smallText } from './support/figureText';

const { zh } = catalogs;

const figure = (page: Page) => page.locator('[data-figure="network"]');
const blocks = (page: Page) => figure(page).locator('[data-block-id]');
const walker = (page: Page) => page.getByTestId('step-walker');

/**
 * What does not fit: cards that overlap, lines of text that run past their card, cards or frames past the
 * figure's sides, and a page that scrolls sideways.
 */
async function fitProblems(root: Locator): Promise<string[]> {
  return root.evaluate((fig) => {
    const out: string[] = [];
    const box = (el: Element) => el.getBoundingClientRect();
    const cards = [...fig.querySelectorAll('.nm-card')];
    const frames = [...fig.querySelectorAll('.nm-col')];
    const cross = (a: DOMRect, b: DOMRect) =>
      a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    for (const group of [cards, frames])
      group.forEach((a, i) => {
        for (const b of group.slice(i + 1))
          if (cross(box(a), box(b)))
            out.push(
              `overlap: ${a.getAttribute('data-card') ?? a.getAttribute('data-column')} / ${b.getAttribute('data-card') ?? b.getAttribute('data-column')}`,
            );
      });
    const host = box(fig);
    for (const el of [...cards, ...frames]) {
      const r = box(el);
      if (r.left < host.left - 0.5 || r.right > host.right + 0.5)
        out.push(`outside the figure: ${el.className}`);
      for (const line of el.querySelectorAll(':scope > .nm-lines > .nm-line, :scope > .nm-col-head > span')) {
        // The text's own extent (a line's box is as wide as its card, whatever the text).
        const range = document.createRange();
        range.selectNodeContents(line);
        const l = range.getBoundingClientRect();
        if (l.right > r.right + 0.5 || l.left < r.left - 0.5 || l.bottom > r.bottom + 0.5)
          out.push(
            `cut: "${line.textContent}" in ${el.getAttribute('data-card') ?? el.getAttribute('data-column')}`,
          );
      }
    }
    const page = document.scrollingElement!;
    if (page.scrollWidth > innerWidth)
      out.push(`the page scrolls sideways: ${page.scrollWidth} > ${innerWidth}`);
    return out;
  });
}

/** Each block's map: canvas size and how many different colours it holds. */
async function maps(page: Page) {
  return blocks(page).evaluateAll((cards) =>
    cards.map((card) => {
      const canvas = card.querySelector('canvas')!;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 4)
        colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      return {
        id: card.getAttribute('data-block-id')!,
        side: canvas.width,
        shown: Number(card.querySelectorAll('.nm-line')[1].textContent!.split('×')[0]),
        colours: colours.size,
        pixels: canvas.toDataURL(),
      };
    }),
  );
}

test('network map @wasm: every block with its map, opens in the step-through by click and keyboard; ResNeXt-50; a phone in Chinese', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await gotoApp(page, 'section=step&block=layer1.1');
  // The figure's structure needs no weights; the walker needs the model.
  await expect(blocks(page).first()).toBeVisible();
  await expect(walker(page)).toHaveAttribute('data-block', 'layer1.1', { timeout: 150_000 });

  // One card per block of the running model: as many as the block picker offers, in the same order.
  const options = await page
    .getByTestId('block-select')
    .locator('option')
    .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
  expect(options.length).toBeGreaterThan(0);
  expect(await blocks(page).evaluateAll((b) => b.map((x) => x.getAttribute('data-block-id')))).toEqual(
    options,
  );
  await expect(figure(page).locator('[data-block-id="layer1.1"]')).toHaveAttribute('aria-current', 'true');

  // Every block's map is drawn for the picture: as many pixels as its output is wide, not one flat colour.
  await expect(page.getByTestId('network-map')).toHaveAttribute('data-thumbs', 'ready', { timeout: 60_000 });
  const drawn = await maps(page);
  for (const m of drawn) {
    expect(m.side, m.id).toBe(m.shown);
    expect(m.colours, m.id).toBeGreaterThan(4);
  }
  expect(new Set(drawn.map((m) => m.pixels)).size).toBe(drawn.length);

  expect(await smallText(figure(page), 12)).toEqual([]);
  await expect.poll(() => fitProblems(figure(page)), { timeout: 5_000 }).toEqual([]);
  expect(await figure(page).locator('.nm-stage').getAttribute('data-orientation')).toBe('horizontal');
  expect(
    describeViolations(await runAxe(page, { include: '[data-figure="network"]', tags: WCAG_A_AA })),
  ).toEqual([]);

  // A click opens the block in the step-through; so does Enter on a focused block.
  await figure(page).locator('[data-block-id="layer2.0"]').click();
  await expect(walker(page)).toHaveAttribute('data-block', 'layer2.0', { timeout: 60_000 });
  expect(new URL(page.url()).searchParams.get('block')).toBe('layer2.0');
  await expect(figure(page).locator('[data-block-id="layer2.0"]')).toHaveAttribute('aria-current', 'true');
  const last = figure(page).locator(`[data-block-id="${options[options.length - 1]}"]`);
  await last.focus();
  await page.keyboard.press('Enter');
  await expect(walker(page)).toHaveAttribute('data-block', options[options.length - 1], { timeout: 60_000 });
  expect(new URL(page.url()).searchParams.get('block')).toBe(options[options.length - 1]);

  // The paper's ResNeXt-50: its blocks drawn the same way, with no maps and nothing to open.
  await page.getByTestId('network-paper').check();
  await expect(blocks(page)).toHaveCount(0);
  await expect(figure(page).locator('.nm-card')).toHaveCount(16 + 2);
  await expect(figure(page).locator('.nm-card canvas')).toHaveCount(0);
  await expect(figure(page).locator('[data-card="layer4.2"]')).toContainText('7×7×2048');
  expect(
    describeViolations(await runAxe(page, { include: '[data-figure="network"]', tags: WCAG_A_AA })),
  ).toEqual([]);
  expect(await smallText(figure(page), 12)).toEqual([]);
  await expect.poll(() => fitProblems(figure(page)), { timeout: 5_000 }).toEqual([]);
  await page.getByTestId('network-running').check();
  await expect(blocks(page)).toHaveCount(options.length);

  // A phone, in Chinese: the network runs down the screen, nothing cut or past its edge.
  // With less motion asked for, the figure redraws in place at once.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.getByTestId('lang-select').selectOption('zh');
  await page.setViewportSize({ width: 375, height: 812 });
  await expect(figure(page).locator('h3')).toHaveText(zh['networkMap.heading']);
  await expect(figure(page).locator('.nm-stage')).toHaveAttribute('data-orientation', 'vertical');
  await expect(figure(page).locator('[data-block-id="layer1.0"]')).toHaveAttribute(
    'aria-label',
    /^layer1\.0、.*个参数（conv2）/,
  );
  // The cards move to their places (a short transition): the checks wait for where they end.
  await expect.poll(() => fitProblems(figure(page)), { timeout: 5_000 }).toEqual([]);
  const lefts = await blocks(page).evaluateAll((b) => b.map((x) => x.getBoundingClientRect().left));
  expect(new Set(lefts).size).toBe(1);
  const tops = await blocks(page).evaluateAll((b) => b.map((x) => x.getBoundingClientRect().top));
  expect(tops).toEqual([...tops].sort((a, b) => a - b));
  expect(await smallText(figure(page), 12)).toEqual([]);
});
