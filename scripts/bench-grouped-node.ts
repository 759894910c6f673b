/**
 * Times the grouped-convolution strategies on the Node cpu and wasm backends (3×3, stride 1, pad 1):
 *   npx tsx scripts/bench-grouped-node.ts [--runs 20] [--backend cpu|wasm]
 * Prints the median of `runs` timed calls after warm-up, per backend, shape and strategy; the dense row is a
 * plain conv with the same MACs as the grouped one, as a yardstick.
 */
import * as tf from '@tensorflow/tfjs-core';
import { prepareGroupedConv, type GroupedConvStrategy } from '../src/resnext/groupedConv';
import { setupNodeBackend, type NodeBackend } from '../src/resnext/node/setupBackend';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const runs = Number(opt('runs') ?? 20);
const backends = (opt('backend') ? [opt('backend')] : ['cpu', 'wasm']) as NodeBackend[];

const cases = [
  { label: '[1,32,32,128] 32 groups × 4', hw: 32, channels: 128, groups: 32 },
  { label: '[1,16,16,256] 32 groups × 8', hw: 16, channels: 256, groups: 32 },
  { label: '[1,8,8,512] 32 groups × 16', hw: 8, channels: 512, groups: 32 },
];
const strategies: GroupedConvStrategy[] = ['slice', 'depthwise', 'blockdiag'];

function median(fn: () => tf.Tensor): number {
  for (let i = 0; i < 3; i++) fn().dispose();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const y = fn();
    y.dataSync();
    times.push(performance.now() - t0);
    y.dispose();
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

for (const backend of backends) {
  await setupNodeBackend(backend);
  for (const c of cases) {
    const per = c.channels / c.groups;
    const x = tf.randomNormal([1, c.hw, c.hw, c.channels], 0, 1, 'float32', 1) as tf.Tensor4D;
    const filter = tf.randomNormal([3, 3, per, c.channels], 0, 0.1, 'float32', 2) as tf.Tensor4D;
    const conv = prepareGroupedConv(filter, c.groups);
    const macs = c.hw * c.hw * 9 * per * c.channels;
    const rows: string[] = [];
    for (const s of strategies) {
      const ms = median(() => conv.apply(x, 1, 1, 'linear', s));
      rows.push(`${s.padEnd(10)} ${ms.toFixed(2).padStart(8)} ms`);
    }
    // dense conv of equal MACs: k → k channels with k² = channels · per
    const k = Math.round(Math.sqrt(c.channels * per));
    const xd = tf.randomNormal([1, c.hw, c.hw, k], 0, 1, 'float32', 3) as tf.Tensor4D;
    const fd = tf.randomNormal([3, 3, k, k], 0, 0.1, 'float32', 4) as tf.Tensor4D;
    const dense = median(() =>
      tf.conv2d(xd, fd, 1, [
        [0, 0],
        [1, 1],
        [1, 1],
        [0, 0],
      ]),
    );
    rows.push(`${`dense ${k}→${k}`.padEnd(10)} ${dense.toFixed(2).padStart(8)} ms`);
    console.log(`${backend} ${c.label} (${(macs / 1e6).toFixed(1)} M MACs), median of ${runs}:`);
    for (const r of rows) console.log(`  ${r}`);
    conv.dispose();
    tf.dispose([x, filter, xd, fd]);
  }
}
