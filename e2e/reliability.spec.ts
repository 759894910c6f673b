import calibration from '../src/data/calibration.json' with { type: 'json' };
import { measured as en } from '../src/i18n/en/measured';
import { measured as zh } from '../src/i18n/zh/measured';
import { expect, gotoApp, test } from './harness';

for (const lang of ['en', 'zh'] as const) {
  const M = lang === 'en' ? en : zh;
  test(`classify: what the probabilities mean, and the reliability view on request (${lang}) @wasm`, async ({
    page,
  }) => {
    await gotoApp(page, `section=classify&lang=${lang}`);
    const fig = page.locator('figure#fig-reliability[data-figure="reliability"]');
    await expect(fig.locator('[data-note="probabilities"]')).toHaveText(M['reliability.explain']);
    const button = fig.locator('[data-action="reliability"]');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    const filled = calibration.bins.filter((b) => b.count > 0);
    await expect(fig.locator('svg .mark.bar')).toHaveCount(filled.length);
    // the bars' image counts add up to the records the file was computed on
    const counts = await fig
      .locator('svg .mark.bar')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(calibration.records);
    await expect(fig.locator('[data-note="calibration-summary"]')).not.toHaveText(/[{}]/);
    if (calibration.records < calibration.total_records)
      await expect(fig.locator('[data-note="calibration-prefix"]')).toBeVisible();
    await button.click();
    await expect(fig.locator('.classify-reliability-chart')).toBeHidden();
  });
}
