/*
 * npm run bench: builds the app and the benchmark page (bench.html), serves both with vite preview
 * (COOP/COEP, so WASM threads work), drives headless Chromium, prints a table and writes the `bench` and
 * `network` sections of bench/results.json.
 * npm run bench -- --only network: only the cold first predictions over emulated networks (network.ts); it
 * replaces the `network` section and leaves the others as they were. npm run bench -- --only phone: only each
 * section's first figure under the phone profile (phone.ts), replacing the `phone` section. Each section
 * carries its own date and the default model's sha256 (record.ts).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import type { BenchApi } from '../../src/bench/main';
import { CONV_CALLS_PER_RUN, type Timing, type TimingOptions } from '../../src/bench/timing';
import type { GroupedConvStrategy } from '../../src/resnext/groupedConv';
import { compareLine, readEvalRecord } from './evalRecord';
import { benchNetwork, type NetworkResult } from './network';
import { benchPhone, PHONE, type PhoneResult } from './phone';
import { defaultModelStamp, readSections, replaceSections, type BenchResults } from './record';

const root = path.resolve(import.meta.dirname, '../..');
const cacheDir = path.join(root, '.cache/bench');
const benchDist = path.join(cacheDir, 'dist');
const onnxFile = path.join(cacheDir, 'resnext29_32x4d.onnx');
const startedAt = Date.now();
const resultsFile = path.join(root, 'bench/results.json');

/** Writes the sections measured by this run into bench/results.json, each replacing its old self. */
function writeSections(fresh: BenchResults): void {
  mkdirSync(path.dirname(resultsFile), { recursive: true });
  const results = replaceSections(readSections(resultsFile), fresh);
  writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
  console.log(`wrote the ${Object.keys(fresh).join(' and ')} section of bench/results.json`);
}

const BASE_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
const GPU_ARGS: Record<string, string[]> = {
  webgpu: [
    '--enable-unsafe-webgpu',
    '--enable-features=Vulkan',
    '--use-vulkan=swiftshader',
    '--use-webgpu-adapter=swiftshader',
  ],
  webgl: ['--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
};
type Backend = 'wasm' | 'webgl' | 'webgpu' | 'cpu';
// BENCH_BACKENDS=wasm,cpu limits the run to some backends; BENCH_SKIP_APP=1 skips the app measurements.
const BACKENDS = (process.env.BENCH_BACKENDS?.split(',') ?? ['wasm', 'webgl', 'webgpu', 'cpu']) as Backend[];

/** Run counts per backend: ≥ 20 timed runs after warm-up, fewer where software rendering makes runs slow. */
const PLAN: Record<Backend, TimingOptions> = {
  // Ten warm-up runs: Chromium compiles hot WebAssembly functions again with its optimising tier.
  wasm: { warmup: 10, runs: 30, minRuns: 20, budgetMs: 120_000 },
  webgl: { warmup: 1, runs: 20, minRuns: 5, budgetMs: 15_000 },
  webgpu: { warmup: 1, runs: 20, minRuns: 5, budgetMs: 15_000 },
  cpu: { warmup: 1, runs: 5, minRuns: 3, budgetMs: 20_000 },
};
/** Wall-clock cap per backend, in seconds. */
const BACKEND_LIMIT_S = 120;
const SMALL_PLAN: Record<Backend, TimingOptions> = {
  wasm: { warmup: 3, runs: 25, minRuns: 20, budgetMs: 30_000 },
  webgl: { warmup: 1, runs: 20, minRuns: 5, budgetMs: 5_000 },
  webgpu: { warmup: 1, runs: 20, minRuns: 5, budgetMs: 5_000 },
  cpu: { warmup: 1, runs: 5, minRuns: 3, budgetMs: 8_000 },
};

function sh(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
}

function prepare(): void {
  console.log('building the app (dist/) and the benchmark page (.cache/bench/dist/)…');
  sh('npx', ['vite', 'build', '--logLevel', 'warn']);
  sh('npx', ['vite', 'build', '--logLevel', 'warn', '--config', 'scripts/bench/vite.bench.config.ts']);
  if (!existsSync(onnxFile)) {
    sh('/usr/bin/python3', ['training/export_onnx.py', 'public/models/' + manifest().default, onnxFile]);
  }
  // onnxruntime-web's scripts and binaries are served by the bench server itself, never from a CDN.
  const ortDir = path.join(benchDist, 'ort');
  mkdirSync(ortDir, { recursive: true });
  const ortDist = path.join(root, 'node_modules/onnxruntime-web/dist');
  for (const f of ['ort.wasm.min.mjs', 'ort-wasm-simd-threaded.mjs', 'ort-wasm-simd-threaded.wasm']) {
    copyFileSync(path.join(ortDist, f), path.join(ortDir, f));
  }
  copyFileSync(onnxFile, path.join(ortDir, 'resnext29_32x4d.onnx'));
}

interface ManifestJson {
  default: string;
  files: { path: string; bytes: number }[];
}
const manifest = (): ManifestJson =>
  JSON.parse(readFileSync(path.join(root, 'public/models/manifest.json'), 'utf8')) as ManifestJson;

async function serve(
  outDir: string,
  configFile: string,
  port: number,
): Promise<{ server: PreviewServer; url: string }> {
  const server = await preview({
    root,
    configFile: path.join(root, configFile),
    logLevel: 'warn',
    build: { outDir },
    preview: { port, strictPort: false, host: '127.0.0.1' },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview gave no URL');
  return { server, url: url.replace(/\/$/, '') };
}

const launch = (extra: string[] = []): Promise<Browser> =>
  chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: [...BASE_ARGS, ...extra] });

type BenchWindow = { __bench: BenchApi };

interface Row {
  item: string;
  backend: string;
  timing?: Timing;
  note?: string;
}

async function benchBackend(
  browser: Browser,
  benchUrl: string,
  backend: Backend,
  rows: Row[],
  extra: Record<string, unknown>,
): Promise<void> {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.warn(`  [${backend}] page error: ${e.message}`));
  try {
    await page.goto(`${benchUrl}/bench.html`);
    await page.waitForFunction(() => 'ready' === document.getElementById('status')?.textContent, null, {
      timeout: 60_000,
    });
    const info = await page.evaluate((b) => (window as unknown as BenchWindow).__bench.init(b), backend);
    console.log(
      `  ${backend}: running (crossOriginIsolated=${info.isolated}${info.threads ? `, threads=${info.threads}` : ''})`,
    );
    extra[backend] = info;
    const plan = PLAN[backend];
    const small = SMALL_PLAN[backend];
    const m = await page.evaluate((p) => (window as unknown as BenchWindow).__bench.benchModel(p), plan);
    const threadNote = info.threads ? `threads=${info.threads}, SIMD` : undefined;
    rows.push({ item: 'ResNeXt-29 32×4d predict', backend, timing: m.timing, note: threadNote });
    if (backend === 'wasm') {
      extra.wasmLogits = m.logits;
      try {
        const o = await page.evaluate(
          ([t, exp, p]) => (window as unknown as BenchWindow).__bench.benchOrt(t, exp, 1e-3, p),
          [info.threads ?? 1, m.logits, plan] as [number, number[], TimingOptions],
        );
        extra.ort = { version: o.version, threads: o.threads, maxAbsDiff: o.maxAbsDiff };
        rows.push({
          item: 'ResNeXt-29 32×4d onnxruntime-web',
          backend: 'ort-wasm',
          timing: o.timing,
          note: `threads=${o.threads}, max|Δlogits|=${o.maxAbsDiff.toExponential(1)}, interleaved with the next row`,
        });
        rows.push({
          item: 'ResNeXt-29 32×4d predict (vs ort)',
          backend,
          timing: o.tfjsTiming,
          note: 'interleaved with onnxruntime-web',
        });
      } catch (e) {
        rows.push({
          item: 'ResNeXt-29 32×4d onnxruntime-web',
          backend: 'ort-wasm',
          note: `failed: ${String(e)}`,
        });
      }
    }
    const convs: [string, [number, number, number, number], [number, number, number, number], number][] = [
      ['grouped 3×3 32×4 @32×32×128', [1, 32, 32, 128], [3, 3, 4, 128], 32],
      ['dense 3×3 16→32 @32×32 (=MACs)', [1, 32, 32, 16], [3, 3, 16, 32], 1],
      ['grouped 3×3 32×8 @16×16×256', [1, 16, 16, 256], [3, 3, 8, 256], 32],
      ['dense 3×3 32→64 @16×16 (=MACs)', [1, 16, 16, 32], [3, 3, 32, 64], 1],
    ];
    const strategies = await page.evaluate(() =>
      (window as unknown as BenchWindow).__bench.groupedStrategies(),
    );
    for (const [item, x, f, g] of convs) {
      for (const s of g > 1 ? strategies : [undefined]) {
        const t = await page.evaluate(
          ([a, b, c, p, st]) => (window as unknown as BenchWindow).__bench.benchConv(a, b, c, p, st),
          [x, f, g, small, s] as [typeof x, typeof f, number, TimingOptions, GroupedConvStrategy | undefined],
        );
        rows.push({ item, backend, timing: t, note: s });
      }
    }
    const forms = await page.evaluate((p) => (window as unknown as BenchWindow).__bench.benchForms(p), small);
    for (const k of ['a', 'b', 'c'] as const)
      rows.push({ item: `block form (${k}) 256→256 32×4d @32×32`, backend, timing: forms[k] });
    // The lab's training step (Train it yourself): one SGD step of each equal-complexity setting. Software GPU
    // backends and the CPU are too slow here for more than a few steps, so their rows may be cut off below.
    const trainSteps = backend === 'wasm' ? 5 : 2;
    const train = await page.evaluate(
      (n) => (window as unknown as BenchWindow).__bench.benchTrainSteps([1, 2, 4, 8], n),
      trainSteps,
    );
    for (const r of train)
      rows.push({
        item: `lab training step C=${r.c} (d=${r.d}, ${r.batch} pictures)`,
        backend,
        // the median of the steps after the first (measureSteps in src/resnext/train/labRun.ts)
        timing: { medianMs: r.stepMs, minMs: NaN, runs: trainSteps - 1, warmup: 1 },
        note: `${r.stepsPerSecond.toFixed(2)} steps/s, ${r.params} parameters, first step ${fmt(r.firstMs)} ms`,
      });
  } catch (e) {
    rows.push({ item: 'backend', backend, note: `failed: ${String(e).split('\n')[0]}` });
  } finally {
    await page.close();
  }
}

async function benchApp(browser: Browser, appUrl: string): Promise<Record<string, unknown>> {
  // First prediction: a fresh context (empty cache) each time, navigation start → top-1 shown.
  const firstPrediction: number[] = [];
  for (let i = 0; i < 3; i++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${appUrl}/?section=classify&backend=wasm`, { waitUntil: 'commit' });
    await page.waitForSelector('[data-testid="top1"]', { timeout: 120_000 });
    firstPrediction.push(await page.evaluate(() => performance.now()));
    await ctx.close();
  }
  // JavaScript of the Overview section before any interaction.
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const scripts = new Set<string>();
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (u.pathname.endsWith('.js') || u.pathname.endsWith('.mjs')) scripts.add(u.pathname);
  });
  await page.goto(`${appUrl}/?section=overview`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(1000);
  await ctx.close();
  const files = [...scripts].sort().map((p) => {
    const bytes = readFileSync(path.join(root, 'dist', p));
    return { path: p, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
  const m = manifest();
  const def = m.files.find((f) => f.path === m.default);
  return {
    firstPredictionMs: firstPrediction,
    overviewJs: files,
    overviewJsGzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0),
    defaultWeights: { path: m.default, bytes: def?.bytes },
  };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
};
const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(2));
const pkgVersion = (name: string): string =>
  (
    JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

/** Runs per emulated network (BENCH_NETWORK_RUNS). */
const NETWORK_RUNS = Number(process.env.BENCH_NETWORK_RUNS ?? 2);

function networkLines(network: NetworkResult[]): string[] {
  return network.map(({ profile, runs }) => {
    const fp = runs.map((r) => r.firstPredictionMs);
    const start = runs.map((r) => r.weightsStartMs ?? NaN);
    const bytes = runs[0]?.weightsBytes;
    const m = median(fp);
    // a run over 3× the median is flagged: a reader on that network waited that long
    const slow = fp.filter((x) => x > 3 * m);
    return (
      `first prediction over ${profile.name} (wasm, cold cache): median ${fmt(m)} ms of ${fp.length} ` +
      `[${fp.map((x) => (x > 3 * m ? `${fmt(x)} (over 3× the median)` : fmt(x))).join(', ')}]; weights ` +
      `(${bytes ?? '?'} bytes) requested at ${start.map(fmt).join(', ')} ms` +
      (slow.length ? `; ${slow.length} run(s) over 3× the median` : '')
    );
  });
}

/** How many runs, over all profiles, took over 3× their profile's median. */
function slowRuns(network: NetworkResult[]): number {
  return network.reduce((n, { runs }) => {
    const fp = runs.map((r) => r.firstPredictionMs);
    const m = fp.length ? median(fp) : 0;
    return n + fp.filter((x) => x > 3 * m).length;
  }, 0);
}

/** Runs per section under the phone profile (BENCH_PHONE_RUNS). */
const PHONE_RUNS = Number(process.env.BENCH_PHONE_RUNS ?? 5);

function phoneLines(phone: PhoneResult[]): string[] {
  const lines = [`first figure per section, phone profile (${PHONE.name}), median of runs [every run]:`];
  for (const { section, runs } of phone) {
    const ff = runs.map((r) => r.firstFigureMs);
    const lt = runs.map((r) => r.longestTaskMs);
    const js = runs.map((r) => r.jsGzipBytes / 1000);
    lines.push(
      `  ${section.padEnd(9)} first figure ${fmt(median(ff))} ms [${ff.map(fmt).join(', ')}]; longest task before it ` +
        `${fmt(median(lt))} ms [${lt.map(fmt).join(', ')}]; JS before it ${median(js).toFixed(1)} KB gzip ` +
        `[${js.map((x) => x.toFixed(1)).join(', ')}]`,
    );
  }
  return lines;
}

function phoneTargets(
  phone: PhoneResult[],
): { target: string; v: number | undefined; limit: number; unit: string }[] {
  const of = (s: string) => phone.find((p) => p.section === s)?.runs ?? [];
  const med = (xs: number[]) => (xs.length ? median(xs) : undefined);
  const overview = of('overview');
  const others = phone.filter((p) => p.section !== 'overview');
  const worst = (f: (r: PhoneResult['runs'][number]) => number) =>
    others.length && others.every((p) => p.runs.length)
      ? Math.max(...others.map((p) => median(p.runs.map(f))))
      : undefined;
  return [
    {
      target: 'phone: Overview first figure ≤ 1.5 s',
      v: med(overview.map((r) => r.firstFigureMs / 1000)),
      limit: 1.5,
      unit: ' s',
    },
    {
      target: 'phone: JS before the Overview figure ≤ 150 KB',
      v: med(overview.map((r) => r.jsGzipBytes / 1000)),
      limit: 150,
      unit: ' KB',
    },
    {
      target: 'phone: other sections first figure ≤ 2.5 s',
      v: worst((r) => r.firstFigureMs / 1000),
      limit: 2.5,
      unit: ' s',
    },
    {
      target: 'phone: no task over 200 ms before a figure',
      v: phone.length ? Math.max(...phone.map((p) => median(p.runs.map((r) => r.longestTaskMs)))) : undefined,
      limit: 200,
      unit: ' ms',
    },
  ];
}

/** Only the phone profile: builds the app, measures, and replaces the `phone` section. */
async function phoneOnly(): Promise<void> {
  const model = defaultModelStamp(root);
  console.log('building the app (dist/)…');
  sh('npx', ['vite', 'build', '--logLevel', 'warn']);
  const app = await serve('dist', 'vite.config.ts', 4317);
  const browser = await launch();
  let phone: PhoneResult[];
  try {
    console.log('  app: first figures under the phone profile');
    phone = await benchPhone(browser, app.url, path.join(root, 'dist'), PHONE_RUNS, console.log);
  } finally {
    await browser.close();
    await app.server.close();
  }
  console.log('\n' + phoneLines(phone).join('\n'));
  for (const t of phoneTargets(phone))
    console.log(
      `target: ${t.target}: ${t.v === undefined ? 'n/a' : `${t.v.toFixed(2)}${t.unit} ${t.v <= t.limit ? '✓' : '✗'}`}`,
    );
  writeSections({
    phone: {
      date: new Date().toISOString(),
      defaultModel: model,
      browser: `Chromium ${browser.version()}`,
      profile: PHONE,
      results: phone,
    },
  });
}

/**
 * The int8 copy's accuracy and agreement as `npm run eval -- --compare … --write` recorded them: not measured
 * by this run, and printed as recorded, with the day they were measured.
 */
function evalLines(): string[] {
  const record = readEvalRecord(path.join(root, 'src/data/tfjsEval.json'));
  const line = compareLine(record);
  if (!line)
    return [
      'accuracy: none recorded (npm run eval -- --compare public/models/<file> --write records one in src/data/tfjsEval.json)',
    ];
  return [
    `recorded accuracy, not measured by this run (src/data/tfjsEval.json, ${record?.date ?? 'undated'}): ${line}`,
  ];
}

const networkMedian = (network: NetworkResult[], downMbps: number): number | undefined => {
  const r = network.find((n) => n.profile.downMbps === downMbps);
  return r?.runs.length ? median(r.runs.map((x) => x.firstPredictionMs)) : undefined;
};

/** Only the emulated-network rows: builds the app, measures, and replaces the `network` section. */
async function networkOnly(): Promise<void> {
  const model = defaultModelStamp(root);
  console.log('building the app (dist/)…');
  sh('npx', ['vite', 'build', '--logLevel', 'warn']);
  const app = await serve('dist', 'vite.config.ts', 4317);
  const browser = await launch();
  let network: NetworkResult[];
  try {
    console.log('  app: first prediction over emulated networks');
    network = await benchNetwork(browser, app.url, NETWORK_RUNS, console.log);
  } finally {
    await browser.close();
    await app.server.close();
  }
  console.log('\n' + [...networkLines(network), ...evalLines()].join('\n'));
  const fp10 = networkMedian(network, 10);
  console.log(
    `target: first prediction at 10 Mbit/s ≤ 3 s: ${fp10 === undefined ? 'n/a' : `${(fp10 / 1000).toFixed(2)} s ${fp10 <= 3000 ? '✓' : '✗'}`}`,
  );
  const slow = slowRuns(network);
  console.log(
    `target: no cold first visit over 3× its profile's median: ${slow} run(s) over ${slow === 0 ? '✓' : '✗'}`,
  );
  writeSections({
    network: {
      date: new Date().toISOString(),
      defaultModel: model,
      browser: `Chromium ${browser.version()}`,
      results: network,
    },
  });
}

async function main(): Promise<void> {
  if (process.argv.includes('--only')) {
    const what = process.argv[process.argv.indexOf('--only') + 1];
    if (what === 'phone') return phoneOnly();
    if (what !== 'network') throw new Error(`--only ${what}: only 'network' or 'phone' can run alone`);
    return networkOnly();
  }
  const model = defaultModelStamp(root);
  prepare();
  const app = await serve('dist', 'vite.config.ts', 4317);
  const bench = await serve(benchDist, 'scripts/bench/vite.bench.config.ts', 4318);
  const rows: Row[] = [];
  const extra: Record<string, unknown> = {};
  let browserVersion = '';
  let appResult: Record<string, unknown> = {};
  let network: NetworkResult[] = [];
  let phone: PhoneResult[] = [];
  try {
    for (const backend of BACKENDS) {
      const browser = await launch(GPU_ARGS[backend] ?? []);
      browserVersion = browser.version();
      // A backend that stalls (software GPU shader compiles) is cut off; its finished rows stay.
      let timer: NodeJS.Timeout | undefined;
      const cutOff = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          rows.push({ item: 'backend', backend, note: `stopped after ${BACKEND_LIMIT_S} s` });
          resolve();
        }, BACKEND_LIMIT_S * 1000);
      });
      await Promise.race([benchBackend(browser, bench.url, backend, rows, extra), cutOff]);
      clearTimeout(timer);
      await browser.close();
    }
    if (!process.env.BENCH_SKIP_APP) {
      console.log('  app: first prediction and Overview JavaScript');
      const browser = await launch();
      try {
        appResult = await benchApp(browser, app.url);
      } catch (e) {
        appResult = { error: String(e).split('\n')[0] };
      }
      console.log('  app: first prediction over emulated networks');
      try {
        network = await benchNetwork(browser, app.url, NETWORK_RUNS, console.log);
      } catch (e) {
        console.log(`    failed: ${String(e).split('\n')[0]}`);
      }
      console.log('  app: first figures under the phone profile');
      try {
        phone = await benchPhone(browser, app.url, path.join(root, 'dist'), PHONE_RUNS, console.log);
      } catch (e) {
        console.log(`    failed: ${String(e).split('\n')[0]}`);
      }
      await browser.close();
    }
  } finally {
    await app.server.close();
    await bench.server.close();
  }

  const t = (item: string, backend: string): number | undefined =>
    rows.find((r) => r.item === item && r.backend === backend)?.timing?.medianMs;
  const ratio = (a?: number, b?: number): number | undefined => (a !== undefined && b ? a / b : undefined);
  const targets: { target: string; value: string; met: boolean | null }[] = [];
  const addTarget = (
    target: string,
    v: number | undefined,
    limit: number,
    unit: string,
    digits = 2,
  ): void => {
    targets.push({
      target,
      value: v === undefined ? 'n/a' : `${v.toFixed(digits)}${unit}`,
      met: v === undefined ? null : v <= limit,
    });
  };
  addTarget(
    'tfjs-wasm / onnxruntime-web wasm ≤ 1.0×',
    ratio(t('ResNeXt-29 32×4d predict (vs ort)', 'wasm'), t('ResNeXt-29 32×4d onnxruntime-web', 'ort-wasm')),
    1.0,
    '×',
  );
  for (const b of ['wasm', 'webgl'] as const) {
    addTarget(
      `grouped/dense @32×32×128 on ${b} ≤ 1.5×`,
      ratio(t('grouped 3×3 32×4 @32×32×128', b), t('dense 3×3 16→32 @32×32 (=MACs)', b)),
      1.5,
      '×',
    );
    addTarget(
      `grouped/dense @16×16×256 on ${b} ≤ 1.5×`,
      ratio(t('grouped 3×3 32×8 @16×16×256', b), t('dense 3×3 32→64 @16×16 (=MACs)', b)),
      1.5,
      '×',
    );
  }
  const fp = appResult.firstPredictionMs as number[] | undefined;
  addTarget('first prediction ≤ 3 s', fp ? median(fp) / 1000 : undefined, 3, ' s');
  const fp10 = networkMedian(network, 10);
  addTarget('first prediction at 10 Mbit/s ≤ 3 s', fp10 !== undefined ? fp10 / 1000 : undefined, 3, ' s');
  const js = appResult.overviewJsGzipBytes as number | undefined;
  addTarget('Overview JS (gzip) ≤ 400 KB', js !== undefined ? js / 1000 : undefined, 400, ' KB', 1);
  for (const p of phoneTargets(phone)) addTarget(p.target, p.v, p.limit, p.unit);
  addTarget('network: runs over 3× the median', network.length ? slowRuns(network) : undefined, 0, '', 0);
  // The default model's size comes from the manifest, whether or not the app was measured.
  const shipped = manifest();
  const w = shipped.files.find((f) => f.path === shipped.default)?.bytes;
  addTarget('default weights ≤ 10 MB', w !== undefined ? w / 1e6 : undefined, 10, ' MB');

  const lines: string[] = [];
  const pad = (s: string, n: number): string => s.padEnd(n);
  lines.push(
    `${pad('benchmark', 40)} ${pad('backend', 9)} ${'median ms'.padStart(10)} ${'runs'.padStart(5)}  note`,
  );
  lines.push('-'.repeat(90));
  for (const r of rows) {
    lines.push(
      `${pad(r.item, 40)} ${pad(r.backend, 9)} ${(r.timing ? fmt(r.timing.medianMs) : '—').padStart(10)} ${String(r.timing?.runs ?? '—').padStart(5)}  ${r.note ?? ''}`,
    );
  }
  lines.push('-'.repeat(90));
  if (fp)
    lines.push(
      `app first prediction (wasm, cold cache): median ${fmt(median(fp))} ms of ${fp.length} [${fp.map(fmt).join(', ')}]`,
    );
  lines.push(...networkLines(network));
  if (phone.length) lines.push(...phoneLines(phone));
  lines.push(...evalLines());
  if (js !== undefined)
    lines.push(
      `Overview JS before tfjs/model: ${(js / 1000).toFixed(1)} KB gzip (level 9) in ${(appResult.overviewJs as unknown[]).length} files`,
    );
  if (appResult.error) lines.push(`app: failed: ${String(appResult.error)}`);
  lines.push(`default weights: ${shipped.default} ${w ?? '?'} bytes`);
  lines.push('');
  lines.push('targets (one run):');
  for (const x of targets)
    lines.push(`  ${x.met === null ? '?' : x.met ? '✓' : '✗'} ${pad(x.target, 42)} ${x.value}`);
  lines.push('');
  lines.push(
    'runs: medians after warm-up; wasm ≥ 20 runs; webgl/webgpu (SwiftShader software rendering) and cpu use fewer runs ' +
      '(time-budgeted, count in the runs column). GPU timings include reading the result back. Conv rows: per call, from runs of ' +
      `${CONV_CALLS_PER_RUN} back-to-back calls with one read-back; the filter layout is prepared once, as in the model.`,
  );
  const elapsed = (Date.now() - startedAt) / 1000;
  lines.push(
    `machine: ${os.type()} ${os.release()} ${os.arch()}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}); Chromium ${browserVersion}; tfjs ${pkgVersion('@tensorflow/tfjs-core')}; onnxruntime-web ${pkgVersion('onnxruntime-web')}; total ${elapsed.toFixed(0)} s`,
  );
  console.log('\n' + lines.join('\n'));

  const date = new Date().toISOString();
  const benchSection = {
    date,
    defaultModel: model,
    machine: {
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
    },
    browser: `Chromium ${browserVersion}`,
    versions: { tfjs: pkgVersion('@tensorflow/tfjs-core'), onnxruntimeWeb: pkgVersion('onnxruntime-web') },
    backends: Object.fromEntries(BACKENDS.map((b) => [b, extra[b]])),
    onnxruntimeWeb: extra.ort,
    rows,
    app: appResult,
    targets,
    totalSeconds: elapsed,
  };
  // a run that measured no network or phone rows (BENCH_SKIP_APP, or they failed) leaves the old ones in place
  const browserName = `Chromium ${browserVersion}`;
  writeSections({
    bench: benchSection,
    ...(network.length
      ? { network: { date, defaultModel: model, browser: browserName, results: network } }
      : {}),
    ...(phone.length
      ? { phone: { date, defaultModel: model, browser: browserName, profile: PHONE, results: phone } }
      : {}),
  });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
