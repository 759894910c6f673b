import type { Browser, BrowserContext, BrowserContextOptions, Page } from '@playwright/test';

/** A page whose requests matching `held` are aborted, and the paths of everything it asked for. */
export interface HeldBackPage {
  context: BrowserContext;
  page: Page;
  /** the path of every request, in order (clear it with `asked.length = 0`) */
  asked: string[];
}

/**
 * A page of a context of its own (the harness's page fails a test on console errors, and a held-back script
 * is one) that never gets what `held` matches: the first paint's tests hold back the app's scripts, or every
 * file of the build, to see what the page shows without them.
 */
export async function heldBackPage(
  browser: Browser,
  held: string,
  options: BrowserContextOptions = {},
): Promise<HeldBackPage> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const asked: string[] = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await page.route(held, (route) => route.abort());
  return { context, page, asked };
}

/** A section's first figure as the first paint shows it, in `lang` (e.g. Numbers' `fig-arch-imagenet`, `table tr`). */
export const paintedFigure = (page: Page, figure: string, content: string, lang = 'en') =>
  page
    .locator(`#first-paint > [data-first-paint="${lang}"] [data-first-paint-figure="${figure}"] ${content}`)
    .first();
