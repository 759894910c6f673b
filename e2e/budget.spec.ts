import { catalogs } from '../src/i18n';
import { expect, gotoApp, test } from './harness';
import { navLink } from './support/sections';
import { tfMemory, waitForDebugHook } from './support/memory';

const BUDGET = 256 * 1024 * 1024;

/** The part of a message before its first placeholder. */
const lead = (template: string) => template.slice(0, template.indexOf('{'));

for (const stage of ['r50-conv5', 'r50-conv4']) {
  test(`budget @wasm: the ${stage} link with 64 paths of d = 128 keeps the tab alive, reduces the proof and says so`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await gotoApp(page, `section=forms&stage=${stage}&cardinality=64&d=128&keepComplexity=0`);
    await waitForDebugHook(page);
    const proof = page.getByTestId('forms-proof');
    const note = proof.getByTestId('proof-budget');
    await expect(note).toBeVisible();
    await expect(note).toContainText(lead(catalogs.en['trust.proof.reducedPaths']));
    const paths = Number(await note.getAttribute('data-paths'));
    expect(paths).toBeGreaterThanOrEqual(1);
    expect(paths).toBeLessThan(64);

    // the reduced block is proved like any other, while tensors and heap stay bounded
    let peak = 0;
    await expect
      .poll(
        async () => {
          peak = Math.max(peak, (await tfMemory(page)).numBytes);
          return proof.getAttribute('data-status');
        },
        { timeout: 240_000, intervals: [200] },
      )
      .toBe('done');
    await expect(proof.getByTestId('proof-verdict')).toHaveAttribute('data-ok', 'true');
    expect(peak).toBeLessThanOrEqual(BUDGET);
    const heap = await page.evaluate(
      () =>
        (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
    );
    console.log(
      `${stage}: ${paths} of 64 paths, tf.memory sampled up to ${(peak / 2 ** 20).toFixed(1)} MB, JS heap ${(heap / 2 ** 20).toFixed(1)} MB`,
    );
    expect(heap).toBeLessThan(BUDGET);

    // the page still answers: another section renders
    await navLink(page, 'overview').click();
    await expect(page.locator('[data-section-body="overview"]')).toBeVisible();

    // and in Chinese the note is translated
    await gotoApp(page, `section=forms&stage=${stage}&cardinality=64&d=128&keepComplexity=0&lang=zh`);
    await expect(page.getByTestId('proof-budget')).toContainText(
      lead(catalogs.zh['trust.proof.reducedPaths']),
    );
  });
}
