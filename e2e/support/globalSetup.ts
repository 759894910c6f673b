import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FullConfig } from '@playwright/test';
import { build, preview, type InlineConfig } from 'vite';
import { TEST_HOOKS_MODE } from '../../src/app/backend/testHooks';
import { hostHeaders, hostHeadersOf } from './hostHeaders';
import { WEIGHTS_CONTENT_TYPE, weightsContentType } from './weightsContentType';

/**
 * Builds the app once and serves the build with `vite preview` on the port playwright.config.ts chose
 * (strict, so tests never reach some other server). Runs here rather than as Playwright's `webServer`,
 * which starts before globalSetup, i.e. before the build exists.
 *
 * The build goes to a fresh temporary folder, so runs started side by side never serve each other's files.
 * It is built in mode 'e2e', the only build with the test hooks (src/app/backend/testHooks.ts).
 * E2E_SKIP_BUILD=1 serves the existing dist/ instead (built with `npx vite build --mode e2e`).
 * E2E_VITE_CONFIG=path builds and serves with another Vite config file.
 * Every file is served with the headers the build's `_headers` file names (hostHeaders.ts), and the run stops
 * here unless the server sends them.
 * The served folder is passed to the tests as E2E_OUT_DIR (vite preview reads each file from disk when asked,
 * so a test can stand in a changed file, e.g. the next release's service worker).
 */
export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  const root = config.configFile ? dirname(config.configFile) : process.cwd();
  const base: InlineConfig = { root, logLevel: 'warn' };
  if (process.env.E2E_VITE_CONFIG) base.configFile = process.env.E2E_VITE_CONFIG;

  let outDir = join(root, 'dist');
  let cleanup = async () => {};
  if (process.env.E2E_SKIP_BUILD !== '1') {
    outDir = await mkdtemp(join(tmpdir(), 'resnext-explorer-e2e-'));
    cleanup = () => rm(outDir, { recursive: true, force: true });
    const started = Date.now();
    await build({ ...base, mode: TEST_HOOKS_MODE, build: { outDir, emptyOutDir: true } });
    console.log(`[e2e] vite build: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  process.env.E2E_OUT_DIR = outDir;
  const port = Number(process.env.E2E_PORT);
  const server = await preview({
    ...base,
    plugins: [weightsContentType(), hostHeaders(outDir)],
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  console.log(`[e2e] vite preview of ${outDir} on http://127.0.0.1:${port}/`);
  await expectUncompressedWeights(`http://127.0.0.1:${port}/models/manifest.json`);
  await expectHostHeaders(`http://127.0.0.1:${port}/`, hostHeadersOf(outDir));

  return async () => {
    await server.close();
    await cleanup();
  };
}

/** The page and a model file come with the headers `_headers` names, or the run stops here. */
async function expectHostHeaders(root: string, headers: Record<string, string>): Promise<void> {
  for (const path of ['', 'models/manifest.json']) {
    const res = await fetch(new URL(path, root));
    await res.body?.cancel();
    for (const [name, value] of Object.entries(headers)) {
      if (res.headers.get(name) !== value)
        throw new Error(
          `${root}${path}: ${name} is "${res.headers.get(name)}", expected "${value}" (_headers)`,
        );
    }
  }
}

/** The default weights come as one uncompressed binary file (see weightsContentType.ts), or the run stops here. */
async function expectUncompressedWeights(manifestUrl: string): Promise<void> {
  const manifest = (await (await fetch(manifestUrl)).json()) as { default: string };
  const url = new URL(manifest.default, manifestUrl);
  const res = await fetch(url, { headers: { 'Accept-Encoding': 'gzip, br' } });
  await res.body?.cancel();
  const type = res.headers.get('content-type');
  const encoding = res.headers.get('content-encoding');
  if (!res.ok || type !== WEIGHTS_CONTENT_TYPE || encoding)
    throw new Error(
      `${url}: ${res.status}, Content-Type ${type}, Content-Encoding ${encoding}; expected ${WEIGHTS_CONTENT_TYPE}, none`,
    );
}
