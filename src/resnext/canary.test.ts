/**
 * The golden canary's committed reference (training/canary_reference.py) against the files it describes and
 * against tfjs in Node: the same weights, the same picture, PyTorch's logits within the app's tolerance.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import manifest from '../../public/models/manifest.json';
import {
  CANARY_REFERENCE,
  CANARY_TOLERANCE,
  canaryPassed,
  canaryPixels,
  compareLogits,
  runCanary,
} from './canary';
import { loadModel } from './model';
import { setupNodeBackend, type NodeBackend } from './node/setupBackend';
import { parseSafetensors } from './safetensors';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const REGENERATE = 'run `/usr/bin/python3 training/canary_reference.py` to compute the reference again';

describe('canary reference', () => {
  it('was computed with the model file the app loads by default', () => {
    expect(CANARY_REFERENCE.model, REGENERATE).toBe(manifest.default);
    const entry = manifest.files.find((f) => f.path === manifest.default);
    expect(entry, `manifest lists ${manifest.default}`).toBeDefined();
    expect(CANARY_REFERENCE.sha256, `the default model changed: ${REGENERATE}`).toBe(entry?.sha256);
  });

  it('was computed on the picture canaryPixels() makes (same formula in TypeScript and Python)', () => {
    const pixels = canaryPixels();
    expect(pixels.length).toBe(32 * 32 * 3);
    expect(sha256(pixels), REGENERATE).toBe(CANARY_REFERENCE.input.sha256);
    // a picture with something in it: every byte value range used, not a flat image
    expect(new Set(pixels).size).toBeGreaterThan(200);
  });

  it('has ten logits with a clear winner, so rounding never flips the top class', () => {
    const { logits, top1 } = CANARY_REFERENCE;
    expect(logits).toHaveLength(10);
    const sorted = [...logits].sort((a, b) => b - a);
    expect(logits[top1]).toBe(sorted[0]);
    expect(sorted[0] - sorted[1]).toBeGreaterThan(10 * CANARY_TOLERANCE);
    expect(CANARY_TOLERANCE).toBe(1e-2);
  });
});

describe('compareLogits', () => {
  const want = [0, 1, 3, -2];
  it('measures the largest difference and whether the top class agrees', () => {
    expect(compareLogits([0, 1, 3, -2], want)).toEqual({ maxAbsDiff: 0, top1Matches: true });
    const off = compareLogits([0.5, 1, 2.9, -2], want);
    expect(off.maxAbsDiff).toBeCloseTo(0.5, 6);
    expect(off.top1Matches).toBe(true);
    expect(compareLogits([0, 4, 3, -2], want)).toEqual({ maxAbsDiff: 3, top1Matches: false });
  });

  it('never passes NaN, Infinity or the wrong number of logits', () => {
    const nan = compareLogits([0, NaN, 3, -2], want);
    expect(nan.maxAbsDiff).toBeNaN();
    expect(canaryPassed(nan)).toBe(false);
    expect(canaryPassed(compareLogits([0, 1, Infinity, -2], want))).toBe(false);
    expect(canaryPassed(compareLogits([0, 1, 3], want))).toBe(false);
    expect(canaryPassed({ maxAbsDiff: 0.009 })).toBe(true);
    expect(canaryPassed({ maxAbsDiff: 0.011 })).toBe(false);
  });
});

describe.each<NodeBackend>(['cpu', 'wasm'])('the canary on %s', (backend) => {
  it('matches PyTorch’s logits within the tolerance and leaves no tensor behind', async () => {
    await setupNodeBackend(backend);
    const path = `public/models/${CANARY_REFERENCE.model}`;
    const bytes = new Uint8Array(readFileSync(path));
    expect(sha256(bytes)).toBe(CANARY_REFERENCE.sha256);
    const model = loadModel(parseSafetensors(bytes, path));
    const before = tf.memory().numTensors;
    const result = await runCanary(model);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
    console.log(
      `canary: ${backend}, max |logit − PyTorch| = ${result.maxAbsDiff.toExponential(1)}, ${result.ms.toFixed(0)} ms`,
    );
    expect(result.top1Matches).toBe(true);
    expect(canaryPassed(result)).toBe(true);
    // float32 arithmetic on the same float16 weights: far inside the tolerance
    expect(result.maxAbsDiff).toBeLessThan(1e-3);
    expect(result.ms).toBeGreaterThan(0);
  });

  it('fails a model whose logits are off', async () => {
    await setupNodeBackend(backend);
    const before = tf.memory().numTensors;
    const broken = {
      meta: { inputSize: 32, mean: [0.5, 0.5, 0.5], std: [0.25, 0.25, 0.25] },
      predictInTasks: async (x: tf.Tensor4D) =>
        tf.tidy(() => tf.add(tf.tensor2d([CANARY_REFERENCE.logits]), tf.add(tf.mul(tf.mean(x), 0), 0.05))),
    } as unknown as Parameters<typeof runCanary>[0];
    const result = await runCanary(broken);
    expect(tf.memory().numTensors).toBe(before);
    expect(result.maxAbsDiff).toBeCloseTo(0.05, 4);
    expect(result.top1Matches).toBe(true);
    expect(canaryPassed(result)).toBe(false);
  });
});
