import { readFileSync } from 'node:fs';
import { errors as en } from '../src/i18n/en/errors';
import { expect, gotoApp, test } from './harness';

/*
 * Weights are verified in every context. Served where the page has no `crypto.subtle` (browsers give it to
 * secure contexts only: the app over plain http on a LAN address), the page hashes with its own SHA-256
 * (src/resnext/sha256.ts): the default file loads and classifies, and a file changed on its way is refused
 * with the translated message.
 */

const manifest = JSON.parse(readFileSync('public/models/manifest.json', 'utf8')) as {
  files: { path: string; sha256: string }[];
};
const FAMILY_FILE = 'family/resnext29_8x14d.safetensors';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('without Web Crypto the weights are still verified: the default classifies, a changed file is refused @wasm', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.addInitScript(() => {
    Object.defineProperty(Crypto.prototype, 'subtle', { get: () => undefined, configurable: true });
  });
  await gotoApp(page, 'section=classify');
  expect(await page.evaluate(() => typeof globalThis.crypto.subtle)).toBe('undefined');
  await expect(page.getByTestId('top1')).toHaveAttribute('data-class', 'cat', { timeout: 180_000 });

  // one byte of a family model's file changed on its way
  await page.route(`**/models/${FAMILY_FILE}`, async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    body[body.length >> 1] ^= 0x01;
    await route.fulfill({ response, body });
  });
  await page.getByTestId('model-select').selectOption('family_8x14d');
  const expected = manifest.files.find((f) => f.path === FAMILY_FILE)!.sha256;
  const message = new RegExp(
    `^${escapeRegExp(en['error.weights.integrity'])
      .replace('\\{file\\}', escapeRegExp(FAMILY_FILE.split('/').pop()!))
      .replace('\\{expected\\}', expected)
      .replace('\\{actual\\}', '(?!' + expected + ')[0-9a-f]{64}')}$`,
  );
  await expect(page.getByTestId('model-error').locator('p')).toHaveText(message, { timeout: 120_000 });
});
