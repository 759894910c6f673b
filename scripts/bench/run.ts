/*
 * npm run bench: builds the app and the benchmark page (bench.html), serves both with vite preview
 * (COOP/COEP, so WASM threads work), drives headless Chromium, prints a table and writes the `bench`,
 * `network` and `phone` sections of bench/results.json.
 * npm run bench -- --only network (bench:network): only the cold first predictions over emulated networks
 * (network.ts), replacing the `network` section and leaving the others as they were. npm run bench -- --only
 * phone (bench:phone): only each section's first figure under the phone profile (phone.ts), replacing the
 * `phone` section. Each section carries its own date and the default model's sha256 (record.ts).
 */
import path from 'node:path';
import { benchApp } from './app';
import { benchBackends } from './backends';
import { benchNetwork } from './network';
import { outcome, type Measured, type Mode } from './outcome';
import { benchPhone } from './phone';
import { defaultModelStamp } from './record';
import { writeResults } from './results';
import { build, launch, root, serveApp, serveBenchPage } from './stage';

/** Runs per emulated network (BENCH_NETWORK_RUNS) and per section under the phone profile (BENCH_PHONE_RUNS). */
const NETWORK_RUNS = Number(process.env.BENCH_NETWORK_RUNS ?? 2);
const PHONE_RUNS = Number(process.env.BENCH_PHONE_RUNS ?? 5);

function modeOf(argv: string[]): Mode {
  if (!argv.includes('--only')) return 'full';
  const what = argv[argv.indexOf('--only') + 1];
  if (what === 'network' || what === 'phone') return what;
  throw new Error(`--only ${what}: only 'network' or 'phone' can run alone`);
}

type AppPart = 'app' | 'network' | 'phone';

/**
 * The measurements in the app, in one browser. In the full run (`tolerant`) a part that fails is noted and
 * the others go on; a part run alone stops the run with its error.
 */
async function measureApp(
  appUrl: string,
  parts: AppPart[],
  tolerant: boolean,
): Promise<Omit<Measured, 'backends'>> {
  const out: Omit<Measured, 'backends'> = { app: {}, network: [], phone: [], browserVersion: '' };
  if (!parts.length) return out;
  const attempt = async <T>(run: () => Promise<T>, failed: (message: string) => T): Promise<T> => {
    try {
      return await run();
    } catch (e) {
      if (!tolerant) throw e;
      return failed(String(e).split('\n')[0]);
    }
  };
  const logged = (message: string): [] => {
    console.log(`    failed: ${message}`);
    return [];
  };
  const browser = await launch();
  try {
    if (parts.includes('app')) {
      console.log('  app: first prediction and Overview JavaScript');
      out.app = await attempt(
        () => benchApp(browser, appUrl),
        (error) => ({ error }),
      );
    }
    if (parts.includes('network')) {
      console.log('  app: first prediction over emulated networks');
      out.network = await attempt(() => benchNetwork(browser, appUrl, NETWORK_RUNS, console.log), logged);
    }
    if (parts.includes('phone')) {
      console.log('  app: first figures under the phone profile');
      const dist = path.join(root, 'dist');
      out.phone = await attempt(() => benchPhone(browser, appUrl, dist, PHONE_RUNS, console.log), logged);
    }
  } finally {
    await browser.close();
  }
  return { ...out, browserVersion: browser.version() };
}

/** Builds, serves, measures what `mode` measures, closes the servers; then prints and writes. */
async function main(): Promise<void> {
  const startedAt = Date.now();
  const mode = modeOf(process.argv);
  const model = defaultModelStamp(root);
  build(mode === 'full');
  const app = await serveApp();
  const bench = mode === 'full' ? await serveBenchPage() : undefined;
  let measured: Measured;
  try {
    const backends = bench ? await benchBackends(bench.url) : undefined;
    // BENCH_SKIP_APP=1 skips the app measurements of the full run
    const parts: AppPart[] =
      mode !== 'full' ? [mode] : process.env.BENCH_SKIP_APP ? [] : ['app', 'network', 'phone'];
    measured = { backends, ...(await measureApp(app.url, parts, mode === 'full')) };
  } finally {
    await app.server.close();
    await bench?.server.close();
  }
  const { lines, sections } = outcome(mode, measured, model, startedAt);
  console.log('\n' + lines.join('\n'));
  writeResults(root, sections);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
