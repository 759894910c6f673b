/**
 * Times the grouped-convolution strategies on the Node cpu and wasm backends (3×3, stride 1, pad 1):
 *   npx tsx scripts/bench-grouped-node.ts [--runs 20] [--warmup 3] [--backend cpu|wasm] [--no-read]
 * Prints the median of `runs` timed calls after warm-up, per backend, shape and strategy; the dense row is a
 * plain conv with the same MACs as the grouped one, as a yardstick. The kernel row (the project's own op) appears
 * on backends that have one. Each timed call reads its output back (dataSync) unless --no-read: both Node
 * backends run ops synchronously, and the grouped output is several times the dense one's, so the read-back
 * weighs on the grouped rows only. WebAssembly code runs unoptimised for its first calls; --warmup 10 or more
 * measures the optimised code.
 */
import * as tf from '@tensorflow/tfjs-core';
import { prepareGroupedConv, type GroupedConvStrategy } from '../src/resnext/groupedConv';
import { hasGroupedConvKernel } from '../src/resnext/kernels/groupedConvOp';
import { registerWasmGroupedConv } from '../src/resnext/kernels/wasm/wasmGroupedConvKernel';
import { setupNodeBackend, type NodeBackend } from '../src/resnext/node/setupBackend';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const runs = Number(opt('runs') ?? 20);
const warmup = Number(opt('warmup') ?? 3);
const read = !args.includes('--no-read');
const backends = (opt('backend') ? [opt('backend')] : ['cpu', 'wasm']) as NodeBackend[];

const cases = [
  { label: '[1,32,32,128] 32 groups × 4', hw: 32, channels: 128, groups: 32 },
  { label: '[1,16,16,256] 32 groups × 8', hw: 16, channels: 256, groups: 32 },
  { label: '[1,8,8,512] 32 groups × 16', hw: 8, channels: 512, groups: 32 },
];
const baseStrategies: GroupedConvStrategy[] = ['slice', 'depthwise', 'blockdiag'];

function median(fn: () => tf.Tensor): number {
  for (let i = 0; i < warmup; i++) fn().dispose();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const y = fn();
    if (read) y.dataSync();
    times.push(performance.now() - t0);
    y.dispose();
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

await registerWasmGroupedConv();

for (const backend of backends) {
  await setupNodeBackend(backend);
  const strategies: GroupedConvStrategy[] = [
    ...(hasGroupedConvKernel(backend) ? (['kernel'] as const) : []),
    ...baseStrategies,
  ];
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
    console.log(
      `${backend} ${c.label} (${(macs / 1e6).toFixed(1)} M MACs), median of ${runs}${read ? '' : ', no read-back'}:`,
    );
    for (const r of rows) console.log(`  ${r}`);
    conv.dispose();
    tf.dispose([x, filter, xd, fd]);
  }
}
