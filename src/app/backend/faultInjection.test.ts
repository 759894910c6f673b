/**
 * The kernel bug the browser test injects, in Node on WebAssembly: the start-up checks pass with it, and the
 * canary does not, so the app falls back.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { CANARY_REFERENCE, runCanary } from '../../resnext/canary';
import { checkGroupedConvKernel } from '../../resnext/kernels/checkGroupedConvKernel';
import { loadModel } from '../../resnext/model';
import { setupNodeBackend } from '../../resnext/node/setupBackend';
import { parseSafetensors } from '../../resnext/safetensors';
import { canaryVerdict } from './canaryVerdict';
import { injectRequestedFault } from './faultInjection';

const g = globalThis as { window?: Partial<Window> };

afterAll(() => {
  delete g.window;
});

describe('the injected FusedConv2D fault on wasm', () => {
  it('is only there when asked for', async () => {
    await setupNodeBackend('wasm');
    expect(injectRequestedFault(tf, 'wasm')).toBe(false);
    g.window = { __resnextInjectFault: { backend: 'cpu' } };
    expect(injectRequestedFault(tf, 'wasm')).toBe(false);
  });

  it('passes the start-up checks, fails the canary, and the verdict is to fall back', async () => {
    await setupNodeBackend('wasm');
    g.window = { __resnextInjectFault: { backend: 'wasm' } };
    expect(injectRequestedFault(tf, 'wasm')).toBe(true);
    expect(await checkGroupedConvKernel()).toBe(true);
    const path = `public/models/${CANARY_REFERENCE.model}`;
    const model = loadModel(parseSafetensors(new Uint8Array(readFileSync(path)), path));
    const result = await runCanary(model);
    model.dispose();
    expect(result.maxAbsDiff).toBeGreaterThan(1e-2);
    expect(canaryVerdict('wasm', result)).toMatchObject({
      action: 'fall-back',
      attempt: { name: 'wasm', error: 'canary', maxAbsDiff: result.maxAbsDiff },
    });
  });
});
