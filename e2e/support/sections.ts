import type { Page } from '@playwright/test';
import { SECTIONS, type SectionId as Section } from '../../src/app/state/appState';
import { expect } from '../harness';

export { SECTIONS, type Section };

/** Numbers' charts drawn before any speed test has run. */
const NUMBERS_CHARTS = ['ours-curves', 'ours-accuracy', 'ours-step'];
/** The paper's Tables 3 and 4, drawn as dot plots (as in the Overview). */
const NUMBERS_DOT_PLOTS = ['paper-table3', 'paper-table4'];

/** The section's link in the navigation. */
export const navLink = (page: Page, id: Section) =>
  page.getByRole('navigation').locator(`a[data-section="${id}"]`);

/** The section's body element. */
export const sectionBody = (page: Page, id: Section) => page.locator(`[data-section-body="${id}"]`);

/**
 * Waits until a section's main content is on screen: its diagrams drawn, and in Step and Classify the
 * trained model loaded and run on the first image.
 */
export async function waitForSection(page: Page, id: Section): Promise<void> {
  const body = sectionBody(page, id);
  await expect(body).toBeVisible();
  switch (id) {
    case 'overview':
      for (const testId of ['fig1-resnet', 'fig1-resnext', 'stm-svg'])
        await expect(body.getByTestId(testId).locator('svg')).toBeVisible();
      break;
    case 'forms':
      for (const form of ['a', 'b', 'c'])
        await expect(body.getByTestId(`form-${form}`).locator('svg')).toBeVisible();
      await expect(body.getByTestId('forms-proof')).toHaveAttribute('data-status', 'done', {
        timeout: 150_000,
      });
      break;
    case 'step':
      await expect(body.getByTestId('step-walker')).toHaveAttribute('data-block', /.+/, { timeout: 150_000 });
      await expect(body.getByTestId('step-walker').locator('canvas').first()).toBeVisible();
      break;
    case 'classify':
      await expect(body.getByTestId('top1')).toHaveAttribute('data-class', /.+/, { timeout: 180_000 });
      await expect(body.locator('svg.prob-bars')).toBeVisible();
      break;
    case 'numbers':
      for (const fig of NUMBERS_DOT_PLOTS)
        await expect(body.locator(`figure[data-figure="${fig}"] svg .dr-dot`).first()).toBeVisible();
      for (const chart of NUMBERS_CHARTS)
        await expect(body.locator(`figure[data-chart="${chart}"] svg .mark`).first()).toBeVisible();
      break;
    case 'lab':
      await expect(body.locator('[data-figure="lab"]')).toBeVisible();
      break;
  }
}
