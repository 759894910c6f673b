/*
 * One tfjs backend on the benchmark page (bench.html, window.__bench): the whole model (and, on wasm,
 * onnxruntime-web beside it), the grouped and dense convolutions, the three block forms and the lab's
 * training step. Each measurement is a row of the table.
 */
import type { Browser, Page } from 'playwright-core';
import type { BenchApi } from '../../src/bench/main';
import type { Timing, TimingOptions } from '../../src/bench/timing';
import type { GroupedConvStrategy } from '../../src/resnext/groupedConv';
import { fmt } from './format';

export type Backend = 'wasm' | 'webgl' | 'webgpu' | 'cpu';

export interface Row {
  item: string;
  backend: string;
  timing?: Timing;
  note?: string;
}

/** What the backends said about themselves, written beside the rows. */
export interface BackendInfo {
  backends: Partial<Record<Backend, Awaited<ReturnType<BenchApi['init']>>>>;
  ort?: { version: string; threads: number; maxAbsDiff: number };
}

/** Run counts per backend: ≥ 20 timed runs after warm-up, fewer where software rendering makes runs slow. */
const PLAN: Record<Backend, TimingOptions> = {
  // Ten warm-up runs: Chromium compiles hot WebAssembly functions again with its optimising tier.
  wasm: { warmup: 10, runs: 30, minRuns: 20, budgetMs: 120_000 },
  webgl: { warmup: 1, runs: 20, minRuns: 5, budgetMs: 15_000 },
  webgpu: { warmup: 1, runs: 20, minRuns: 5, budgetMs: 15_000 },
  cpu: { warmup: 1, runs: 5, minRuns: 3, budgetMs: 20_000 },
};
const SMALL_PLAN: Record<Backend, TimingOptions> = {
  wasm: { warmup: 3, runs: 25, minRuns: 20, budgetMs: 30_000 },
  webgl: { warmup: 1, runs: 20, minRuns: 5, budgetMs: 5_000 },
  webgpu: { warmup: 1, runs: 20, minRuns: 5, budgetMs: 5_000 },
  cpu: { warmup: 1, runs: 5, minRuns: 3, budgetMs: 8_000 },
};

const CONVS: [string, [number, number, number, number], [number, number, number, number], number][] = [
  ['grouped 3×3 32×4 @32×32×128', [1, 32, 32, 128], [3, 3, 4, 128], 32],
  ['dense 3×3 16→32 @32×32 (=MACs)', [1, 32, 32, 16], [3, 3, 16, 32], 1],
  ['grouped 3×3 32×8 @16×16×256', [1, 16, 16, 256], [3, 3, 8, 256], 32],
  ['dense 3×3 32→64 @16×16 (=MACs)', [1, 16, 16, 32], [3, 3, 32, 64], 1],
];

type BenchWindow = { __bench: BenchApi };

/** onnxruntime-web on the same input, interleaved with tfjs-wasm, checked against the wasm logits. */
async function benchOrt(
  page: Page,
  threads: number,
  logits: number[],
  rows: Row[],
  info: BackendInfo,
): Promise<void> {
  try {
    const o = await page.evaluate(
      ([t, exp, p]) => (window as unknown as BenchWindow).__bench.benchOrt(t, exp, 1e-3, p),
      [threads, logits, PLAN.wasm] as [number, number[], TimingOptions],
    );
    info.ort = { version: o.version, threads: o.threads, maxAbsDiff: o.maxAbsDiff };
    rows.push({
      item: 'ResNeXt-29 32×4d onnxruntime-web',
      backend: 'ort-wasm',
      timing: o.timing,
      note: `threads=${o.threads}, max|Δlogits|=${o.maxAbsDiff.toExponential(1)}, interleaved with the next row`,
    });
    rows.push({
      item: 'ResNeXt-29 32×4d predict (vs ort)',
      backend: 'wasm',
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

async function benchConvs(page: Page, backend: Backend, rows: Row[]): Promise<void> {
  const small = SMALL_PLAN[backend];
  const strategies = await page.evaluate(() =>
    (window as unknown as BenchWindow).__bench.groupedStrategies(),
  );
  for (const [item, x, f, g] of CONVS) {
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
}

// The lab's training step (Train it yourself): one SGD step of each equal-complexity setting. Software GPU
// backends and the CPU are too slow here for more than a few steps, so their rows may be cut off.
async function benchTraining(page: Page, backend: Backend, rows: Row[]): Promise<void> {
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
}

/** Every measurement of `backend`, appended to `rows` as it finishes; a failure ends it with a row. */
export async function benchBackend(
  browser: Browser,
  benchUrl: string,
  backend: Backend,
  rows: Row[],
  info: BackendInfo,
): Promise<void> {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.warn(`  [${backend}] page error: ${e.message}`));
  try {
    await page.goto(`${benchUrl}/bench.html`);
    await page.waitForFunction(() => 'ready' === document.getElementById('status')?.textContent, null, {
      timeout: 60_000,
    });
    const init = await page.evaluate((b) => (window as unknown as BenchWindow).__bench.init(b), backend);
    console.log(
      `  ${backend}: running (crossOriginIsolated=${init.isolated}${init.threads ? `, threads=${init.threads}` : ''})`,
    );
    info.backends[backend] = init;
    const m = await page.evaluate(
      (p) => (window as unknown as BenchWindow).__bench.benchModel(p),
      PLAN[backend],
    );
    const threadNote = init.threads ? `threads=${init.threads}, SIMD` : undefined;
    rows.push({ item: 'ResNeXt-29 32×4d predict', backend, timing: m.timing, note: threadNote });
    if (backend === 'wasm') await benchOrt(page, init.threads ?? 1, m.logits, rows, info);
    await benchConvs(page, backend, rows);
    await benchTraining(page, backend, rows);
  } catch (e) {
    rows.push({ item: 'backend', backend, note: `failed: ${String(e).split('\n')[0]}` });
  } finally {
    await page.close();
  }
}
