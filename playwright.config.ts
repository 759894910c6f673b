import { defineConfig } from '@playwright/test';
import type { HarnessOptions } from './e2e/harness';
import { freePort } from './e2e/support/freePort';

// Chosen once in the runner; workers load this file again and inherit the variable.
process.env.E2E_PORT ??= String(await freePort());
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

const chromiumArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  // Playwright's own list (1.65), which a second --disable-features replaces, and the address bar's suggestion
  // pop-ups: headless Chromium loads both WebUI pages in a renderer of their own for every new context (each
  // test's), about a third of what a context costs (0.7 → 0.45 CPU-s here), and more while its page changes
  // the URL (the shell tests: 84 → 75 CPU-s).
  `--disable-features=${[
    'AvoidUnnecessaryBeforeUnloadCheckSync',
    'DestroyProfileOnBrowserClose',
    'HttpsUpgrades',
    'HttpsFirstBalancedModeAutoEnable',
    'LensOverlay',
    'MediaRouter',
    'PaintHolding',
    'ThirdPartyStoragePartitioning',
    'AvoidCorsURLLoaderRestartOnRedirect',
    'TcpPortRandomizationWin',
    'OptimizationHints',
    'NetworkTimeServiceQuerying',
    'AimEnabled',
    'PreconnectToSearch',
    'WebUIOmniboxPopup',
    'WebUIOmniboxAimPopup',
  ].join(',')}`,
];

// A test tagged with a project's name (@webgl, @webgpu, @wasm) runs in that project only.
const onlyIn = (project: string) => new RegExp(`@(?!${project}\\b)(webgl|webgpu|wasm)\\b`);

export default defineConfig<HarnessOptions>({
  testDir: './e2e',
  // One folder per run: runs started side by side in the same checkout must not delete each other's files.
  outputDir: process.env.E2E_OUTPUT_DIR ?? `./test-results/run-${process.env.E2E_PORT}`,
  globalSetup: './e2e/support/globalSetup.ts',
  fullyParallel: false,
  // Two at a time: a browser test mostly waits on the page, so two share the CPU well.
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  // SwiftShader emulates the GPU on the CPU: everything is slow, so be patient.
  timeout: 300_000,
  expect: { timeout: 60_000 },
  use: {
    baseURL,
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    actionTimeout: 120_000,
    navigationTimeout: 120_000,
    // No trace unless asked for: recording one costs every test time on the CPU-bound machine (DOM snapshots
    // after each action, the event log), about a fifth of a page's CPU, for the few tests that fail. A failure
    // keeps its screenshot and error; E2E_TRACE=1 keeps a failed test's trace with DOM snapshots (the screencast
    // is never recorded: a failure's screenshot is taken anyway).
    trace:
      process.env.E2E_TRACE === '1'
        ? { mode: 'retain-on-failure', screenshots: false, snapshots: true }
        : 'off',
    screenshot: 'only-on-failure',
    // The production build registers a service worker; only the specs about offline use and base paths
    // (test.use({ serviceWorkers: 'allow' })) run with it, so other tests each see the network as a first visit.
    serviceWorkers: 'block',
    launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
  },
  projects: [
    {
      name: 'webgl',
      grepInvert: onlyIn('webgl'),
      use: {
        backendParam: 'webgl',
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [...chromiumArgs, '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
        },
      },
    },
    {
      name: 'webgpu',
      grepInvert: onlyIn('webgpu'),
      use: {
        backendParam: 'webgpu',
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            ...chromiumArgs,
            '--enable-unsafe-webgpu',
            // Replaces Playwright's own --enable-features list, so its two entries are repeated.
            '--enable-features=Vulkan,CDPScreenshotNewSurface,SkipListAccountsWithoutGaiaCookies',
            '--use-vulkan=swiftshader',
            '--use-webgpu-adapter=swiftshader',
          ],
        },
      },
    },
    {
      name: 'wasm',
      grepInvert: onlyIn('wasm'),
      use: { backendParam: 'wasm' },
    },
  ],
});
