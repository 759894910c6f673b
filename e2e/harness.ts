import { test as base, expect, type Locator, type Page } from '@playwright/test';

export { expect };

export type BackendParam = 'auto' | 'webgpu' | 'webgl' | 'wasm' | 'cpu';

export interface HarnessOptions {
  /** The backend each project asks for (`?backend=`); 'auto' adds nothing to the URL. */
  backendParam: BackendParam;
  /** Console errors a test expects and accepts (all others fail it). */
  allowedConsoleErrors: RegExp[];
}

function isSameOrigin(url: string, origin: string): boolean {
  if (url.startsWith('data:') || url.startsWith('about:')) return true;
  try {
    // blob: URLs carry their creator's origin.
    return new URL(url.startsWith('blob:') ? url.slice(5) : url).origin === origin;
  } catch {
    return false;
  }
}

/**
 * Playwright's `test`, whose `page` fails the test on any uncaught page error, any console error and any
 * request to another origin: the app must run offline from its own server.
 */
export const test = base.extend<HarnessOptions>({
  backendParam: ['auto', { option: true }],
  allowedConsoleErrors: [[], { option: true }],

  page: async ({ page, baseURL, allowedConsoleErrors }, runTest) => {
    if (!baseURL) throw new Error('baseURL is not set in playwright.config.ts');
    const origin = new URL(baseURL).origin;
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`uncaught error: ${error.stack ?? error.message}`));
    page.on('crash', () => problems.push('page crashed'));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      if (allowedConsoleErrors.some((re) => re.test(text))) return;
      const { url, lineNumber } = message.location();
      problems.push(`console error: ${text}${url ? ` (${url}:${lineNumber})` : ''}`);
    });
    page.on('request', (request) => {
      if (!isSameOrigin(request.url(), origin)) problems.push(`request to another origin: ${request.url()}`);
    });

    await runTest(page);

    expect(problems, 'page errors, console errors or requests to other origins').toEqual([]);
  },
});

/** The URL query for a test: `query` plus the project's backend, unless `query` names one already. */
export function appQuery(query = '', backend: BackendParam = projectBackend()): string {
  const params = new URLSearchParams(query.replace(/^\?/, ''));
  if (backend !== 'auto' && !params.has('backend')) params.set('backend', backend);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The backend the running test's project asks for. */
export function projectBackend(): BackendParam {
  return (test.info().project.use as Partial<HarnessOptions>).backendParam ?? 'auto';
}

/** Opens the app with a query (e.g. 'section=forms&lang=zh') and waits for the shell to render. */
export async function gotoApp(page: Page, query = ''): Promise<void> {
  await page.goto(`/${appQuery(query)}`);
  await expect(page.locator('#section-title')).toBeVisible();
}

export function backendIndicator(page: Page): Locator {
  return page.getByTestId('backend-indicator');
}

/** Waits until a backend has started (or failed) and returns what the indicator says. */
export async function waitForBackend(
  page: Page,
  timeout = 120_000,
): Promise<{
  status: string;
  backend: string;
  reason: string;
  software: boolean;
  threads: string;
  text: string;
}> {
  const indicator = backendIndicator(page);
  await expect(indicator).toHaveAttribute('data-status', /^(ready|failed)$/, { timeout });
  return {
    status: (await indicator.getAttribute('data-status')) ?? '',
    backend: (await indicator.getAttribute('data-backend')) ?? '',
    reason: (await indicator.getAttribute('data-reason')) ?? '',
    software: (await indicator.getAttribute('data-software')) === 'true',
    threads: (await indicator.getAttribute('data-threads')) ?? '',
    text: (await indicator.innerText()).trim(),
  };
}
