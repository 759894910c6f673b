import type { Page } from '@playwright/test';
import { expect, gotoApp, test, waitForBackend } from './harness';
import {
  domNodeCount,
  settledMemory,
  tfMemory,
  waitForDebugHook,
  workerTensors,
  type TfMemory,
} from './support/memory';
import { sectionBody, waitForSection, type Section, navLink } from './support/sections';
import { seededUniform } from '../src/resnext/node/random';

/*
 * Tensors and DOM nodes must not pile up over a long session. Every count is compared in the same state of
 * the app (same section, picture, model and backend) as its baseline, measured after a warm-up that has
 * already loaded everything once (WASM kernels, shaders, weights, the first trace).
 */

/** Seeded, so each run takes the same actions. */
function rng(seed: number) {
  const next = seededUniform(seed);
  return { pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] };
}

/** Records a measurement in the report and prints it for the console. */
function note(type: string, description: string): void {
  test.info().annotations.push({ type, description });
  console.log(`[${type}] ${description}`);
}

const HOME_SAMPLE = 'cat';
const DEFAULT_SUMMARY = '32×4d';
const FAMILY = [
  { id: 'family_1x64d', label: '1×64d' },
  { id: 'family_2x40d', label: '2×40d' },
  { id: 'family_4x24d', label: '4×24d' },
  { id: 'family_8x14d', label: '8×14d' },
] as const;
const STEP_COUNT = 10;

async function openSection(page: Page, id: Section): Promise<void> {
  await navLink(page, id).click();
  await waitForSection(page, id);
}

/** Waits until Classify shows a finished result for this picture, model and backend. */
async function classified(page: Page, sample: string, summary: string, backend = 'wasm'): Promise<void> {
  const body = sectionBody(page, 'classify');
  await expect(page.getByTestId('model-summary')).toContainText(summary, { timeout: 120_000 });
  await expect(page.getByTestId('top1')).toHaveAttribute('data-image', `${sample}.jpg`, { timeout: 120_000 });
  await expect(page.getByTestId('inference-time')).toHaveAttribute('data-backend', backend, {
    timeout: 180_000,
  });
  await expect(body.locator('.classify-bars')).not.toHaveClass(/is-stale/, { timeout: 180_000 });
}

async function clickSample(page: Page, sample: string, summary: string): Promise<void> {
  await sectionBody(page, 'classify').locator(`button[data-sample="${sample}"]`).click();
  await classified(page, sample, summary);
}

async function chooseModel(page: Page, id: string, summary: string, sample: string): Promise<void> {
  await page.getByTestId('model-select').selectOption(id);
  await classified(page, sample, summary);
}

async function switchBackend(page: Page, backend: 'cpu' | 'wasm', sample: string): Promise<void> {
  await page.getByTestId('backend-select').selectOption(backend);
  const found = await waitForBackend(page);
  expect(found.backend).toBe(backend);
  await classified(page, sample, DEFAULT_SUMMARY, backend);
}

/** Presses a step key on the walker and waits for the step it leads to. */
async function stepKey(page: Page, key: string, from: number): Promise<number> {
  const to =
    key === 'Home'
      ? 0
      : key === 'End'
        ? STEP_COUNT - 1
        : key === 'ArrowRight'
          ? Math.min(from + 1, STEP_COUNT - 1)
          : Math.max(from - 1, 0);
  await page.getByTestId('step-walker').focus();
  await page.keyboard.press(key);
  await expect(page.getByTestId('step-position')).toHaveAttribute('data-step-index', String(to));
  return to;
}

async function toggleLayer(page: Page, layer: string): Promise<void> {
  const el = page.getByTestId('form-a').locator(`[data-layer="${layer}"]`);
  const was = await el.getAttribute('aria-pressed');
  await el.click();
  await expect(el).toHaveAttribute('aria-pressed', was === 'true' ? 'false' : 'true');
}

async function moveSlider(page: Page, direction: 'ArrowLeft' | 'ArrowRight'): Promise<void> {
  const slider = page.getByTestId('cardinality-slider');
  const before = await slider.getAttribute('aria-valuetext');
  const min = await slider.getAttribute('min');
  const max = await slider.getAttribute('max');
  const now = await slider.inputValue();
  const key = now === min ? 'ArrowRight' : now === max ? 'ArrowLeft' : direction;
  await slider.focus();
  await page.keyboard.press(key);
  await expect(slider).not.toHaveAttribute('aria-valuetext', before ?? '');
  await expect(page.getByTestId('forms-proof')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
}

/** How many actions of each kind a round takes. */
interface RoundSize {
  samples: number;
  cpu: boolean;
  steps: number;
  layers: number;
  sliders: number;
}

/** A measured round: 40 actions. */
const ROUND = (cpu: boolean): RoundSize => ({
  samples: 4,
  cpu,
  steps: cpu ? 15 : 17,
  layers: 14,
  sliders: 1,
});
/** The warm-up: every kind of action once (one-time WASM and CPU set-up, first downloads). */
const WARM_UP: RoundSize = { samples: 1, cpu: true, steps: 1, layers: 1, sliders: 1 };

/**
 * One round, from and back to the home state (Classify, the cat photo, the default model, WASM): pictures,
 * a model and back (with its own picture), the CPU and back (in some rounds), steps of the walk-through,
 * layers and C in Forms, and the home picture. Returns the number of actions taken.
 */
async function round(page: Page, r: ReturnType<typeof rng>, size: RoundSize): Promise<number> {
  let actions = 0;
  const samples = ['horse', 'rocket', 'astronaut', 'coffee', HOME_SAMPLE];
  let sample = HOME_SAMPLE;
  for (let i = 0; i < size.samples; i++) {
    sample = r.pick(samples.filter((s) => s !== sample));
    await clickSample(page, sample, DEFAULT_SUMMARY);
    actions++;
  }
  const family = r.pick(FAMILY);
  await chooseModel(page, family.id, family.label, sample);
  sample = r.pick(samples.filter((s) => s !== sample));
  await clickSample(page, sample, family.label);
  await chooseModel(page, 'resnext29_32x4d', DEFAULT_SUMMARY, sample);
  actions += 3;
  if (size.cpu) {
    await switchBackend(page, 'cpu', sample);
    await switchBackend(page, 'wasm', sample);
    actions += 2;
  }

  await openSection(page, 'step');
  let step = Number(await page.getByTestId('step-position').getAttribute('data-step-index'));
  for (let i = 0; i < size.steps; i++) {
    step = await stepKey(page, r.pick(['ArrowRight', 'ArrowRight', 'ArrowLeft', 'Home', 'End']), step);
    actions++;
  }

  await openSection(page, 'forms');
  const layers = await page
    .getByTestId('form-a')
    .locator('[data-layer]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-layer')!));
  for (let i = 0; i < size.layers; i++) {
    await toggleLayer(page, r.pick(layers));
    actions++;
  }
  for (let i = 0; i < size.sliders; i++) {
    await moveSlider(page, r.pick(['ArrowLeft', 'ArrowRight'] as const));
    actions++;
  }

  await openSection(page, 'classify');
  await clickSample(page, HOME_SAMPLE, DEFAULT_SUMMARY);
  actions++;
  return actions;
}

test('memory @wasm: 200 mixed actions bring tf.memory() back to its baseline', async ({ page }) => {
  test.setTimeout(900_000);
  await gotoApp(page, `section=classify&sample=${HOME_SAMPLE}`);
  await waitForSection(page, 'classify');
  await waitForDebugHook(page);
  const r = rng(20_170_000);

  await round(page, r, WARM_UP);
  const baseline = await settledMemory(page);
  expect(baseline.numTensors).toBeGreaterThan(0);
  // The inference worker holds its copy of the model and nothing more between actions.
  const workerBaseline = await workerTensors(page);
  expect(workerBaseline).toBeGreaterThan(0);

  const rounds: TfMemory[] = [];
  const workerRounds: (number | null)[] = [];
  let actions = 0;
  for (let i = 0; actions < 200; i++) {
    // five rounds of 40, the CPU in the third
    actions += await round(page, r, ROUND(i === 2));
    rounds.push(await settledMemory(page));
    workerRounds.push(await workerTensors(page));
  }
  expect(actions).toBe(200);
  note(
    'tf.memory',
    `baseline ${JSON.stringify(baseline)}; after each round ${JSON.stringify(rounds.map((m) => [m.numTensors, m.numBytes]))}`,
  );
  note('worker tensors', `baseline ${workerBaseline}; after each round ${JSON.stringify(workerRounds)}`);
  for (const m of rounds) {
    expect(m.numTensors).toBe(baseline.numTensors);
    expect(m.numBytes).toBeLessThanOrEqual(baseline.numBytes);
  }
  expect(workerRounds).toEqual(workerRounds.map(() => workerBaseline));
});

/** Clicks the animation's controls `count` times in the page: Replay, then Next until the last phase. */
async function animationClicks(page: Page, count: number): Promise<{ clicks: number; nodes: number[] }> {
  return page.evaluate(async (total) => {
    const next = document.querySelector<HTMLButtonElement>('[data-testid="stm-next"]')!;
    const replay = document.querySelector<HTMLButtonElement>('[data-testid="stm-replay"]')!;
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    const nodes: number[] = [];
    let clicks = 0;
    while (clicks < total) {
      replay.click();
      clicks++;
      await settle();
      while (!next.disabled && clicks < total) {
        next.click();
        clicks++;
        await settle();
      }
      // counted at the last phase, where every pass ends
      if (next.disabled) nodes.push(document.getElementsByTagName('*').length);
    }
    return { clicks, nodes };
  }, count);
}

/**
 * Sends Home and → (count − 1 times) to the focused walker, `passes` times, one frame after each pass;
 * every 10 passes records the step shown, the DOM size and the live tensors.
 */
async function stepPasses(page: Page, passes: number, count: number) {
  return page.evaluate(
    async ([passes, count]) => {
      const walker = document.activeElement as HTMLElement;
      const position = document.querySelector('[data-testid="step-position"]')!;
      const press = (key: string) =>
        walker.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const debug = (window as Window & { __resnextDebug?: { memory(): { numTensors: number } } })
        .__resnextDebug!;
      const checkpoints: { step: string | null; nodes: number; tensors: number }[] = [];
      for (let p = 0; p < passes; p++) {
        press('Home');
        for (let i = 1; i < count; i++) press('ArrowRight');
        await frame();
        if (p % 10 === 9)
          checkpoints.push({
            step: position.getAttribute('data-step-index'),
            nodes: document.getElementsByTagName('*').length,
            tensors: debug.memory().numTensors,
          });
      }
      return checkpoints;
    },
    [passes, count] as const,
  );
}

test('memory @wasm: 1,000 animation steps and 1,000 keyboard steps add no tensors or DOM nodes', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await gotoApp(page, 'section=overview');
  await waitForSection(page, 'overview');
  await waitForDebugHook(page);

  // Split-transform-merge: 1,000 clicks on Replay and Next (each pass: Replay, then Next six times).
  await animationClicks(page, 70);
  await expect(page.getByTestId('stm-svg')).toHaveAttribute('data-phase', 'relu');
  const animationNodes = await domNodeCount(page);
  const animationTensors = (await tfMemory(page)).numTensors;
  const run = await animationClicks(page, 1_001);
  expect(run.clicks).toBe(1_001);
  expect(run.nodes.length).toBe(143);
  await expect(page.getByTestId('stm-svg')).toHaveAttribute('data-phase', 'relu');
  expect(Math.max(...run.nodes)).toBeLessThanOrEqual(animationNodes);
  expect(await domNodeCount(page)).toBe(animationNodes);
  expect((await tfMemory(page)).numTensors).toBe(animationTensors);

  // Step-through: one pass with the real keyboard, 1,000 key presses in the page (100 passes of Home and →
  // nine times), and a last pass with the real keyboard. In-page keydown events reach the walker's handler
  // exactly as typed keys do, without a round trip to the test runner for each one.
  await openSection(page, 'step');
  const position = page.getByTestId('step-position');
  const keyboardPass = async () => {
    await page.getByTestId('step-walker').focus();
    await page.keyboard.press('Home');
    await expect(position).toHaveAttribute('data-step-index', '0');
    for (let i = 1; i < STEP_COUNT; i++) await page.keyboard.press('ArrowRight');
    await expect(position).toHaveAttribute('data-step-index', String(STEP_COUNT - 1));
  };
  await keyboardPass();
  const stepNodes = await domNodeCount(page);
  const stepMemory = await settledMemory(page);
  const started = Date.now();
  const checkpoints = await stepPasses(page, 100, STEP_COUNT);
  const stepsMs = Date.now() - started;
  await keyboardPass();
  const end = await settledMemory(page);
  note(
    'long session',
    `animation: ${animationNodes} nodes, at every 10th pass ${JSON.stringify(run.nodes.filter((_, i) => i % 10 === 9))}; ` +
      `step-through (${stepsMs} ms): ${stepNodes} nodes / ${stepMemory.numTensors} tensors, ` +
      `every 10 passes ${JSON.stringify(checkpoints)}, at the end ${JSON.stringify(end)}`,
  );
  expect(checkpoints).toHaveLength(10);
  for (const c of checkpoints) {
    expect(c.step).toBe(String(STEP_COUNT - 1));
    expect(c.nodes).toBeLessThanOrEqual(stepNodes);
    expect(c.tensors).toBeLessThanOrEqual(stepMemory.numTensors);
  }
  expect(await domNodeCount(page)).toBe(stepNodes);
  expect(end.numTensors).toBe(stepMemory.numTensors);
  expect(end.numBytes).toBeLessThanOrEqual(stepMemory.numBytes);
});
