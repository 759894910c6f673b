/**
 * The lab's training step against PyTorch (training/lab_parity.py, fixtures from `npm run fixtures`): the
 * same weights and batch, two SGD steps with momentum and weight decay. Loss, every gradient, the batch
 * norm's batch statistics, the updated weights and running statistics, and the eval-mode logits after the
 * steps, for C = 1 (d = 16) and C = 4 (d = 6), on wasm (whose convolution gradients are trainConv.ts's; the
 * backends with gradient kernels of their own are compared with these in trainConv.test.ts). Each test prints
 * its largest difference (`lab parity: …`).
 */
import { existsSync, readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { linearToInOut, nchwToNhwc, oihwToHwio, type HostTensor } from '../layout';
import { setupNodeBackend, type NodeBackend } from '../node/setupBackend';
import { parseSafetensors, type SafetensorsFile } from '../safetensors';
import { LabNet, type LabWeights } from './labNet';
import { labBnNames, labParamShapes } from './labSpec';

function fixture(c: number): SafetensorsFile {
  const path = `.cache/fixtures/lab_step_c${c}.safetensors`;
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run fixtures\``);
  return parseSafetensors(new Uint8Array(readFileSync(path)), path);
}

function get(f: SafetensorsFile, name: string): HostTensor {
  const t = f.tensors.get(name);
  if (!t) throw new Error(`${f.source} has no ${name}`);
  return { shape: t.shape, data: t.data };
}

/** A PyTorch-layout tensor of the fixture in the lab network's layout. */
function toTfjs(name: string, t: HostTensor): Float32Array {
  if (t.shape.length === 4) return oihwToHwio(t).data;
  if (name.endsWith('fc.weight')) return linearToInOut(t).data;
  return t.data;
}

function weightsOf(f: SafetensorsFile, prefix: string): LabWeights {
  const w: LabWeights = new Map();
  for (const name of f.tensors.keys()) {
    if (name.startsWith(prefix)) {
      const key = name.slice(prefix.length);
      w.set(key, toTfjs(key, get(f, name)));
    }
  }
  return w;
}

/** Largest |a − b| relative to the largest |b| (at least 1e-3, so that near-zero tensors are compared absolutely). */
function relDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let d = 0;
  let m = 1e-3;
  for (let i = 0; i < b.length; i++) {
    d = Math.max(d, Math.abs(a[i] - b[i]));
    m = Math.max(m, Math.abs(b[i]));
  }
  return d / m;
}

/**
 * Tolerance of a tensor: 1e-4 of its largest value, or 4 times PyTorch's own float32 error on it (the larger of
 * its NCHW and channels-last runs) where that is larger. The fixture's reference is computed in float64; the
 * lower layers' gradients depend on the order of float32 sums far more than the rest (PyTorch's two float32
 * layouts differ from each other there by up to 2e-2), in any implementation.
 */
const BASE_TOL = 1e-4;
const tolerance = (err32: Record<string, number>, name: string) => Math.max(BASE_TOL, 4 * (err32[name] ?? 0));

describe.each<[NodeBackend, number]>([
  ['wasm', 1],
  ['wasm', 4],
])('lab training step on %s, C = %i', (backend, c) => {
  it('equals PyTorch’s: loss, gradients, batch statistics, two SGD updates, running statistics', async () => {
    await setupNodeBackend(backend);
    const f = fixture(c);
    const d = Number(f.metadata.d);
    expect(Number(f.metadata.c)).toBe(c);
    const spec = { c, d };
    const before = tf.memory().numTensors;
    const net = new LabNet(spec, weightsOf(f, 'w.'));
    const x = tf.tensor4d(nchwToNhwc(get(f, 'input')).data, [Number(f.metadata.batch), 32, 32, 3]);
    const labels = Int32Array.from(get(f, 'labels').data);
    const sgd = {
      lr: Number(f.metadata.lr),
      momentum: Number(f.metadata.momentum),
      weightDecay: Number(f.metadata.weight_decay),
    };
    const err32 = JSON.parse(f.metadata.err32 ?? '{}') as Record<string, number>;
    let worst = 0;
    let worstPt = 0;
    const failures: string[] = [];
    const check = (name: string, got: ArrayLike<number>, want: ArrayLike<number>) => {
      const r = relDiff(got, want);
      worst = Math.max(worst, r);
      worstPt = Math.max(worstPt, err32[name] ?? 0);
      const tol = tolerance(err32, name);
      if (r > tol) failures.push(`${name}: ${r.toExponential(1)} > ${tol.toExponential(1)}`);
    };

    const { loss, grads, stats } = net.lossAndGrads(x, labels);
    check('loss1', loss.dataSync(), get(f, 'loss1').data);
    for (const p of labParamShapes(spec)) {
      check(`grad.${p.name}`, grads.get(p.name)!.dataSync(), toTfjs(p.name, get(f, `grad.${p.name}`)));
    }
    for (const bn of labBnNames()) {
      check(`bn_mean.${bn}`, stats.get(bn)!.mean.dataSync(), get(f, `bn_mean.${bn}`).data);
      check(`bn_var.${bn}`, stats.get(bn)!.variance.dataSync(), get(f, `bn_var.${bn}`).data);
    }
    net.updateRunning(stats);
    net.applySgd(grads, sgd);
    tf.dispose([loss, ...grads.values(), ...[...stats.values()].flatMap((s) => [s.mean, s.variance])]);
    for (const [k, v] of weightsOf(f, 'step1.')) check(`step1.${k}`, (await net.weights()).get(k)!, v);

    const loss2 = await net.trainStep(x, labels, sgd);
    check('loss2', [loss2], get(f, 'loss2').data);
    const after = await net.weights();
    for (const [k, v] of weightsOf(f, 'step2.')) check(`step2.${k}`, after.get(k)!, v);

    const logits = tf.tidy(() => net.logits(x, null));
    check('logits_eval', logits.dataSync(), get(f, 'logits_eval').data);
    console.log(
      `lab parity: C = ${c}, d = ${d}, ${backend}: largest relative difference to PyTorch (float64) ${worst.toExponential(1)}; PyTorch float32's own ${worstPt.toExponential(1)}`,
    );
    expect(failures).toEqual([]);
    tf.dispose([logits, x]);
    net.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
