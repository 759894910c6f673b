import type { Locator, Page } from '@playwright/test';
import { expect } from '../harness';

/** Points across a grid of maps, away from its top-left map (so that a dialog stuck on map 0 shows). */
const POINTS = [
  [0.52, 0.48],
  [0.61, 0.37],
  [0.43, 0.66],
  [0.73, 0.55],
  [0.35, 0.29],
] as const;

/**
 * Opens one map of a grid larger, by a tap (`touch`) or a click on it: tries a few points until one lands on a
 * map rather than the gap between two. Returns the dialog and the map's index, as the grid's read-out names it.
 */
export async function openMapDialog(
  page: Page,
  grid: Locator,
  how: 'tap' | 'click',
): Promise<{ dialog: Locator; channel: string }> {
  const canvas = grid.locator('canvas').first();
  const dialog = page.getByTestId('map-dialog');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the grid of maps has no box');
  for (const [fx, fy] of POINTS) {
    const position = { x: box.width * fx, y: box.height * fy };
    if (how === 'tap') await canvas.tap({ position });
    else await canvas.click({ position });
    if (await dialog.isVisible()) {
      const channel = await grid.getByTestId('map-probe').getAttribute('data-channel');
      if (channel === null) throw new Error('the read-out names no map after the tap');
      return { dialog, channel };
    }
  }
  throw new Error('no tap on the grid opened a map');
}

/** The dialog shows the map enlarged: a canvas at least `minWidth` CSS pixels wide. */
export async function expectEnlarged(dialog: Locator, minWidth: number): Promise<void> {
  await expect(dialog).toBeVisible();
  const shown = dialog.getByTestId('map-dialog-canvas');
  await expect(shown).toBeVisible();
  await expect.poll(async () => (await shown.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(minWidth);
}
