import type { Page } from '@playwright/test';
import type { ResnextDebug } from '../../src/app/backend/debugHook';
import { expect } from '../harness';

/** What tf.memory() says, as read through the app's debug hook. */
export interface TfMemory {
  numTensors: number;
  numBytes: number;
  numDataBuffers: number;
}

type DebugWindow = Window & { __resnextDebug?: ResnextDebug };

/** Waits until TensorFlow.js has started and the debug hook is in place. */
export async function waitForDebugHook(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean((window as DebugWindow).__resnextDebug), undefined, {
    timeout: 120_000,
  });
}

export async function tfMemory(page: Page): Promise<TfMemory> {
  return page.evaluate(() => {
    const m = (window as DebugWindow).__resnextDebug!.memory();
    return { numTensors: m.numTensors, numBytes: m.numBytes, numDataBuffers: m.numDataBuffers };
  });
}

/** tf.memory().numTensors in the inference worker (src/app/worker/), or null while there is none. */
export async function workerTensors(page: Page): Promise<number | null> {
  return page.evaluate(
    async () => (await (window as DebugWindow).__resnextDebug!.workerMemory())?.numTensors ?? null,
  );
}

/** Elements in the document. */
export const domNodeCount = (page: Page): Promise<number> =>
  page.evaluate(() => document.getElementsByTagName('*').length);

/**
 * tf.memory() once nothing has changed for a while: models are disposed in the commit after the one that drops them
 * and some panels finish their work after the UI says done, so wait for the count to hold still.
 */
export async function settledMemory(page: Page, quietMs = 1_500): Promise<TfMemory> {
  let last = await tfMemory(page);
  let stableSince = Date.now();
  await expect
    .poll(
      async () => {
        const now = await tfMemory(page);
        if (now.numTensors !== last.numTensors || now.numBytes !== last.numBytes) {
          last = now;
          stableSince = Date.now();
        }
        return Date.now() - stableSince >= quietMs;
      },
      { timeout: 60_000, intervals: [250] },
    )
    .toBe(true);
  return last;
}

/** Makes the running GPU backend lose its WebGL context or WebGPU device, as a crashed driver would. */
export async function loseGpu(page: Page): Promise<string | null> {
  return page.evaluate(() => (window as DebugWindow).__resnextDebug!.loseGpu());
}
