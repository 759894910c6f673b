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
