/**
 * Where ResNeXt-29's predict spends its time on the Node wasm backend, per tfjs kernel:
 *   npx tsx scripts/profile-kernels.ts [--runs 10] [--model public/models/resnext29_32x4d.safetensors]
 * Every wasm kernel is wrapped to time itself (its outputs read back, which adds a copy per op), so the
 * shares matter more than the sum; the plain predict median is printed first for comparison.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { loadModel } from '../src/resnext/model';
import { setupNodeBackend } from '../src/resnext/node/setupBackend';
import { parseSafetensors } from '../src/resnext/safetensors';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(opt('runs', '10'));
const file = opt('model', 'public/models/resnext29_32x4d.safetensors');

await setupNodeBackend('wasm');
const model = loadModel(parseSafetensors(new Uint8Array(readFileSync(file)), file));
const x = tf.randomNormal([1, 32, 32, 3], 0, 1, 'float32', 1) as tf.Tensor4D;
const once = () => tf.tidy(() => model.predict(x)).dispose();
// Chromium and Node compile hot WebAssembly again with the optimising tier: warm up well.
for (let i = 0; i < 30; i++) once();

const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  once();
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(`predict, median of ${runs}: ${times[runs >> 1].toFixed(1)} ms`);

const backend = tf.backend() as unknown as { readSync(dataId: object): unknown };
const spent = new Map<string, number>();
for (const k of tf.getKernelsForBackend('wasm')) {
  const inner = k.kernelFunc;
  tf.registerKernel({
    ...k,
    kernelFunc: (params) => {
      const t0 = performance.now();
      const out = inner(params);
      for (const t of Array.isArray(out) ? out : [out]) backend.readSync(t.dataId);
      spent.set(k.kernelName, (spent.get(k.kernelName) ?? 0) + performance.now() - t0);
      return out;
    },
  });
}
for (let i = 0; i < runs; i++) once();
const total = [...spent.values()].reduce((a, b) => a + b, 0);
for (const [name, ms] of [...spent].sort((a, b) => b[1] - a[1])) {
  console.log(
    `${name.padEnd(24)} ${(ms / runs).toFixed(2).padStart(8)} ms  ${((100 * ms) / total).toFixed(0)}%`,
  );
}
model.dispose();
x.dispose();
