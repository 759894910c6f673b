import { catalogs } from '../src/i18n';
import { expect, gotoApp, test } from './harness';
import { expectEnlarged, openMapDialog } from './support/mapDialog';

// The step-through's maps are about 10 px each on a phone: a tap opens one larger in a dialog.

test.use({ viewport: { width: 375, height: 812 }, hasTouch: true });

for (const lang of ['en', 'zh'] as const) {
  test(`map dialog @wasm: a tap opens the tapped map at ≥ 240 px with its channel; Escape closes; Enter opens from the keyboard (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const t = catalogs[lang];
    await gotoApp(page, `section=step&step=input&lang=${lang}`);
    const walker = page.getByTestId('step-walker');
    await expect(walker).toHaveAttribute('data-block', /.+/, { timeout: 150_000 });
    const grid = page.getByTestId('maps-in');
    const canvas = grid.locator('canvas');
    await expect(canvas).toBeVisible();

    const { dialog, channel } = await openMapDialog(page, grid, 'tap');
    await expectEnlarged(dialog, 240);
    await expect(dialog).toHaveAttribute('data-channel', channel);
    // the tapped channel, named as the catalog writes it (channels counted from 1)
    const title = t['step.mapDialog.channel'].replace('{channel}', String(Number(channel) + 1));
    await expect(dialog.getByRole('heading')).toHaveText(title);
    await expect(page.getByRole('dialog', { name: title })).toBeVisible();
    // the focus is in the dialog, on its button
    await expect(dialog.getByTestId('map-dialog-close')).toBeFocused();
    await expect(dialog.getByTestId('map-dialog-close')).toHaveText(t['step.mapDialog.close']);

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(canvas).toBeFocused();
    // the step did not change behind the dialog
    await expect(walker).toHaveAttribute('data-step', 'input');

    // From the keyboard: Page Down moves the read-out to the next maps, Enter opens the one it is on.
    await canvas.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown');
    const probed = await grid.getByTestId('map-probe').getAttribute('data-channel');
    expect(probed).not.toBeNull();
    await page.keyboard.press('Enter');
    await expectEnlarged(dialog, 240);
    await expect(dialog).toHaveAttribute('data-channel', probed!);
    // arrows inside the dialog do not walk the steps behind it
    await page.keyboard.press('ArrowRight');
    await expect(walker).toHaveAttribute('data-step', 'input');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(canvas).toBeFocused();
  });
}
