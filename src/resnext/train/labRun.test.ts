/**
 * The lab's experiment engine on wasm: equal-complexity settings, a training run that learns a learnable
 * problem with its tensors all disposed (numTensors steady across steps and runs), the seeded order, the budget.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { setupNodeBackend } from '../node/setupBackend';
import { initLabWeights } from './labNet';
import { LAB_BATCH, labBudgetMs, labHeldOut, stepsPerEpoch, trainRun, type LabImages } from './labRun';
import { LAB_CARDINALITIES, labParamCount, labSpecFor } from './labSpec';
import { makeRng, shuffled } from './rng';

describe('equal complexity', () => {
  it('keeps every setting’s parameter count within 7% of C = 1, d = 16, and narrows d as C grows', () => {
    const template = labParamCount({ c: 1, d: 16 });
    const ds = LAB_CARDINALITIES.map((c) => labSpecFor(c).d);
    expect(ds[0]).toBe(16);
    for (let i = 1; i < ds.length; i++) expect(ds[i]).toBeLessThan(ds[i - 1]);
    for (const c of LAB_CARDINALITIES) {
      const n = labParamCount(labSpecFor(c));
      expect(Math.abs(n - template) / template, `C = ${c}`).toBeLessThan(0.07);
    }
  });

  it('initialises from the seed: same seed, same weights; another seed, others', () => {
    const spec = labSpecFor(4);
    const a = initLabWeights(spec, 1).get('layer2.conv2.weight')!;
    expect(initLabWeights(spec, 1).get('layer2.conv2.weight')).toEqual(a);
    expect(initLabWeights(spec, 2).get('layer2.conv2.weight')).not.toEqual(a);
  });

  it('shuffles as a seeded permutation', () => {
    const p = shuffled(100, makeRng(3));
    expect([...p].sort((x, y) => x - y)).toEqual([...Array(100).keys()]);
    expect(shuffled(100, makeRng(3))).toEqual(p);
  });
});

/** Pictures whose class is a colour: class k has channel k % 3 bright and a pattern of its own. */
function colourData(n: number, seed: number): LabImages {
  const rng = makeRng(seed);
  const pixels = new Uint8Array(n * 3072);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const k = Math.floor(rng.next() * 4);
    labels[i] = k;
    for (let p = 0; p < 1024; p++) {
      const stripe = k === 3 ? ((p >> 5) & 4 ? 200 : 30) : 0;
      for (let ch = 0; ch < 3; ch++) {
        const base = k < 3 && ch === k ? 200 : 40;
        pixels[i * 3072 + p * 3 + ch] = Math.min(255, base + stripe + Math.floor(rng.next() * 40));
      }
    }
  }
  return { pixels, labels };
}

describe('trainRun on wasm', () => {
  it('learns a learnable problem and leaves the tensor count as it was, across steps and runs', async () => {
    await setupNodeBackend('wasm');
    const train = colourData(96, 1);
    const heldOut = colourData(64, 2);
    const before = tf.memory().numTensors;
    const counts: number[] = [];
    // C = 4 (the grouped 3×3) learns; a one-step C = 1 run after it must leave the count as it was too
    const r = await trainRun({
      spec: labSpecFor(4),
      seed: 1,
      epochs: 2,
      train,
      heldOut,
      onStep: () => counts.push(tf.memory().numTensors),
    });
    expect(r).not.toBeNull();
    expect(r!.steps).toBe(2 * stepsPerEpoch(96));
    expect(r!.lossLast).toBeLessThan(r!.lossFirst);
    expect(r!.acc).toBeGreaterThan(0.5);
    expect(tf.memory().numTensors).toBe(before);
    // steady within the run: every step after the first ends with the same tensors (variables and momentum)
    expect(new Set(counts.slice(1)).size).toBe(1);
    const small = {
      pixels: train.pixels.subarray(0, LAB_BATCH * 3072),
      labels: train.labels.subarray(0, LAB_BATCH),
    };
    expect(
      await trainRun({ spec: labSpecFor(1), seed: 2, epochs: 1, train: small, heldOut: small }),
    ).not.toBeNull();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops when asked, disposing everything', async () => {
    await setupNodeBackend('wasm');
    const before = tf.memory().numTensors;
    let steps = 0;
    const r = await trainRun({
      spec: labSpecFor(2),
      seed: 1,
      epochs: 1,
      train: colourData(96, 1),
      heldOut: colourData(32, 2),
      control: { gate: () => Promise.resolve(), stopped: () => steps >= 1 },
      onStep: () => steps++,
    });
    expect(r).toBeNull();
    expect(steps).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('budget', () => {
  it('adds the warm-up step, the other steps and the held-out evaluation of every run', () => {
    const times = new Map([
      [1, { firstMs: 500, stepMs: 100, evalMsPerImage: 1 }],
      [4, { firstMs: 600, stepMs: 150, evalMsPerImage: 2 }],
    ]);
    const s = { cs: [1, 4], seeds: 2, epochs: 3, images: 1000 };
    const steps = Math.ceil(1000 / LAB_BATCH) * 3;
    const held = labHeldOut(1000) * 3;
    expect(labBudgetMs(s, times)).toBeCloseTo(
      2 * (500 + (steps - 1) * 100 + held * 1) + 2 * (600 + (steps - 1) * 150 + held * 2),
      6,
    );
    expect(labHeldOut(512)).toBe(256);
    expect(labHeldOut(5000)).toBe(2000);
  });
});
