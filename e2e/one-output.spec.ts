import type { Locator, Page } from '@playwright/test';
import { catalogs } from '../src/i18n';
import { expect, gotoApp, test } from './harness';
import { runAxe, WCAG_A_AA } from './support/axe';
import { smallText } from './support/figureText';

const walker = (page: Page) => page.getByTestId('step-walker');
const oneOutput = (page: Page) => page.locator('[data-figure="one-output"]');
const oneMerge = (page: Page) => page.locator('[data-figure="one-merge"]');

/** C and d of the block the step-through shows, as its block picker says ("…, 32×8d, …"). */
async function blockShape(page: Page): Promise<{ c: number; d: number }> {
  const text = await page
    .getByTestId('block-select')
    .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '');
  const m = /(\d+)×(\d+)d/.exec(text);
  if (!m) throw new Error(`no C × d in "${text.slice(0, 80)}"`);
  return { c: Number(m[1]), d: Number(m[2]) };
}

/** The figure's sum of products equals the value the map shows, within 1e-4 relative. */
async function expectSumEqualsValue(figure: Locator) {
  const sum = Number(await figure.getAttribute('data-sum'));
  const value = Number(await figure.getAttribute('data-value'));
  expect(Number.isFinite(sum) && Number.isFinite(value)).toBe(true);
  expect(Math.abs(sum - value)).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(value)));
}

/** Counts, from now on, the times the window starts to slide (its root gets data-moving="true"). */
async function countMoves(slide: Locator) {
  await slide.evaluate((el) => {
    const w = window as unknown as { movingSeen: number };
    w.movingSeen = 0;
    new MutationObserver(() => {
      if (el.getAttribute('data-moving') === 'true') w.movingSeen++;
    }).observe(el, { attributes: true, attributeFilter: ['data-moving'] });
  });
}

const movesSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { movingSeen: number }).movingSeen);

async function ready(page: Page, block: string, step: string) {
  await expect(walker(page)).toHaveAttribute('data-block', block, { timeout: 150_000 });
  await expect(walker(page)).toHaveAttribute('data-step', step);
}

async function expectAxeClean(page: Page, selector: string) {
  const violations = await runAxe(page, { include: selector, tags: WCAG_A_AA });
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('one output followed @wasm: a stride-2 block from a link, keyboard picks, the window sliding, the merge to y', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await gotoApp(page, 'section=step&block=layer2.0&step=transform&group=3&channel=2&at=5,7');
  await ready(page, 'layer2.0', 'transform');
  const { c, d } = await blockShape(page);
  const fig = oneOutput(page);
  await expect(fig).toHaveAttribute('data-at', '5,7');
  await expectSumEqualsValue(fig);
  await expect(fig).toHaveAttribute('data-reads', String(d));
  await expect(fig).toHaveAttribute('data-channels', String(c * d));
  // group 3 is the 4th group, channel 2 the 3rd of it: output channel 3·d + 2 (1-based 3·d + 3)
  await expect(fig.locator('h3')).toContainText(`output channel ${3 * d + 3}`);
  await expect(fig).toContainText(`${d} of the ${c * d} input channels`);
  // d ≤ 8: every channel's grids, with 9 products each
  await expect(fig.getByTestId('one-output-grids').locator('table')).toHaveCount(3 * d);
  expect(await smallText(fig, 12)).toEqual([]);
  await expectAxeClean(page, '[data-figure="one-output"]');

  // Keyboard only: focusing the output maps puts the read-out at the corner; Enter picks it.
  const outputs = page.getByTestId('group-outputs').locator('canvas');
  await outputs.focus();
  await page.keyboard.press('Enter');
  await expect(fig).toHaveAttribute('data-at', '0,0');
  await expectSumEqualsValue(fig);
  // the corner of a stride-2 block reads padding on its top row and left column
  await expect(fig.locator('td.is-pad').first()).toBeVisible();
  // an edge: along the top row
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('Enter');
  await expect(fig).toHaveAttribute('data-at', '0,6');
  await expectSumEqualsValue(fig);
  expect(new URL(page.url()).searchParams.get('at')).toBe('0,6');
  expect(new URL(page.url()).searchParams.get('channel')).toBe('1');
  await expect(page.getByTestId('group-outputs').getByTestId('map-pick')).toHaveAttribute('data-x', '6');

  // The window slides as the output position moves (a transition: data-moving while it runs), then stops.
  const slide = page.getByTestId('window-slide');
  await countMoves(slide);
  await page.getByTestId('window-play').click();
  await expect(slide).not.toHaveAttribute('data-window-x', '6');
  await expect(slide).not.toHaveAttribute('data-window-x', '7');
  await page.getByTestId('window-play').click();
  expect(await movesSeen(page)).toBeGreaterThan(0);
  const stopped = `${await slide.getAttribute('data-window-y')},${await slide.getAttribute('data-window-x')}`;
  expect(stopped).not.toBe('0,6');
  await expect(fig).toHaveAttribute('data-at', stopped);
  await expectSumEqualsValue(fig);

  // The pick survives a reload from its URL.
  const before = await fig.getAttribute('data-sum');
  await page.reload();
  await ready(page, 'layer2.0', 'transform');
  await expect(oneOutput(page)).toHaveAttribute('data-at', stopped);
  expect(await oneOutput(page).getAttribute('data-sum')).toBe(before);

  // Two steps on, the merge of the same output channel at the same position, then a click on conv3's map.
  const channel = Number(new URL(page.url()).searchParams.get('channel'));
  await page.getByTestId('step-next').click();
  await page.getByTestId('step-next').click();
  await expect(walker(page)).toHaveAttribute('data-step', 'merge');
  const merge = oneMerge(page);
  await expect(merge).toHaveAttribute('data-at', stopped);
  await expect(merge.locator('h3')).toContainText(`output channel ${channel + 1},`);
  await expectSumEqualsValue(merge);
  await expect(merge).toHaveAttribute('data-terms', String(c));
  await expect(merge.getByTestId('merge-waterfall').locator('rect.wf-bar')).toHaveCount(c + 1);
  // layer2.0 has a projection shortcut: its own 1×1 sum is written out
  await expect(merge).toContainText('projection’s 1×1 sums');
  const canvas = page.getByTestId('merge-conv3').locator('canvas');
  const box = (await canvas.boundingBox())!;
  await canvas.click({ position: { x: box.width - 2, y: box.height - 2 } });
  await expect(merge).not.toHaveAttribute('data-at', stopped);
  await expectSumEqualsValue(merge);
  expect(await smallText(merge, 12)).toEqual([]);
  await expectAxeClean(page, '[data-figure="one-merge"]');
});

test('one output followed @wasm: a stride-1 block in Chinese, with reduced motion', async ({ page }) => {
  test.setTimeout(300_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  // The merge of output channel 17 at the centre (16, 16), opened from its link.
  await gotoApp(page, 'lang=zh&section=step&block=layer1.1&step=merge&group=0&channel=17&at=16,16');
  await ready(page, 'layer1.1', 'merge');
  const { c, d } = await blockShape(page);
  const merge = oneMerge(page);
  await expect(merge).toHaveAttribute('data-at', '16,16');
  await expect(merge.locator('h3')).toContainText('输出通道 18');
  await expectSumEqualsValue(merge);
  await expect(merge).toHaveAttribute('data-terms', String(c));
  // an identity shortcut adds the block input itself
  await expect(merge).toContainText('shortcut(x) = x');

  // Two steps back, the grouped 3×3 at the same position (channel 17 is past d: the group's last channel).
  await page.getByTestId('step-prev').click();
  await page.getByTestId('step-prev').click();
  await expect(walker(page)).toHaveAttribute('data-step', 'transform');
  const fig = oneOutput(page);
  await expect(fig).toHaveAttribute('data-at', '16,16');
  await expectSumEqualsValue(fig);
  await expect(fig).toHaveAttribute('data-reads', String(d));
  await expect(fig).toHaveAttribute('data-channels', String(c * d));
  await expect(fig.locator('h3')).toContainText('追踪一个输出');
  await expect(fig).toContainText(catalogs.zh['one.grid.weight']);
  // at the centre, a stride-1 block reads no padding
  await expect(fig.locator('td.is-pad')).toHaveCount(0);

  // Keyboard: the corner (0, 0), then the left edge five rows down.
  const outputs = page.getByTestId('group-outputs').locator('canvas');
  await outputs.focus();
  await page.keyboard.press('Enter');
  await expect(fig).toHaveAttribute('data-at', '0,0');
  await expectSumEqualsValue(fig);
  // five padded cells of each channel's window, marked in its input, weight and product grids
  await expect(fig.locator('td.is-pad')).toHaveCount(3 * 5 * d);
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(fig).toHaveAttribute('data-at', '5,0');
  await expectSumEqualsValue(fig);
  await expect(fig.locator('td.is-pad')).toHaveCount(3 * 3 * d);

  // Under reduced motion the window jumps: it never slides.
  const slide = page.getByTestId('window-slide');
  await countMoves(slide);
  await page.getByTestId('window-play').click();
  await expect(slide).not.toHaveAttribute('data-window-x', '0');
  await expect(slide).not.toHaveAttribute('data-window-x', '1');
  await page.getByTestId('window-play').click();
  expect(await movesSeen(page)).toBe(0);
  const stopped = `${await slide.getAttribute('data-window-y')},${await slide.getAttribute('data-window-x')}`;
  expect(stopped).not.toBe('5,0');
  await expect(fig).toHaveAttribute('data-at', stopped);
  await expectSumEqualsValue(fig);

  // A click on a value of another output map picks it.
  const canvas = page.getByTestId('group-outputs').locator('canvas');
  const box = (await canvas.boundingBox())!;
  await canvas.click({ position: { x: box.width - 2, y: 2 } });
  await expect(fig).toHaveAttribute('data-at', /^0,\d+$/);
  await expectSumEqualsValue(fig);
  expect(new URL(page.url()).searchParams.get('channel')).toBe(String(d - 1));
});
