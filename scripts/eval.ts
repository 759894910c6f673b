/**
 * Accuracy of a CIFAR-10 model in TensorFlow.js (Node):
 *   npm run eval -- [--data PATH] [--limit N] [--model PATH] [--backend wasm|cpu] [--batch B] [--compare PATH]
 * --compare also runs a second model on the same images: its accuracy and top-1 agreement (eval-agreement.ts).
 * Progress goes to stderr; per-class accuracy, then as the last line `accuracy: 0.XXXX on N images`.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { CIFAR_RECORD_BYTES, readCifarBatches } from '../src/resnext/cifarBinary';
import { loadModel } from '../src/resnext/model';
import { setupNodeBackend, type NodeBackend } from '../src/resnext/node/setupBackend';
import { normalize } from '../src/resnext/preprocess';
import { parseSafetensors } from '../src/resnext/safetensors';
import { openAgreement } from './eval-agreement';

function parseArgs(argv: string[]) {
  const opts = {
    data: '../shared/datasets/cifar10/test_batch.bin',
    model: 'public/models/resnext29_32x4d.safetensors',
    backend: 'wasm' as NodeBackend,
    limit: Infinity,
    batch: 50,
    compare: '',
  };
  for (let i = 0; i < argv.length; i++) {
    const [key, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (key === '--data') opts.data = value();
    else if (key === '--model') opts.model = value();
    else if (key === '--backend') opts.backend = value() as NodeBackend;
    else if (key === '--limit') opts.limit = Number(value());
    else if (key === '--batch') opts.batch = Number(value());
    else if (key === '--compare') opts.compare = value();
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (opts.backend !== 'wasm' && opts.backend !== 'cpu') throw new Error(`--backend must be wasm or cpu`);
  if (!(opts.limit > 0)) throw new Error('--limit must be a positive number');
  if (!Number.isInteger(opts.batch) || opts.batch < 1) throw new Error('--batch must be a positive integer');
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  await setupNodeBackend(opts.backend);
  const model = loadModel(parseSafetensors(new Uint8Array(readFileSync(opts.model)), opts.model));
  const { meta } = model;
  const compare = opts.compare ? openAgreement(opts.compare) : null;
  const total = Math.min(opts.limit, Math.floor(statSync(opts.data).size / CIFAR_RECORD_BYTES));
  console.error(`${meta.name} on ${opts.backend}: ${total} images from ${opts.data}, batch ${opts.batch}`);

  const classes = meta.classes.length;
  const seen = new Array<number>(classes).fill(0);
  const right = new Array<number>(classes).fill(0);
  let done = 0;
  let correct = 0;
  const t0 = performance.now();
  const stream = createReadStream(opts.data, { highWaterMark: opts.batch * CIFAR_RECORD_BYTES });
  for await (const batch of readCifarBatches(stream, opts.batch, opts.limit)) {
    const predicted = tf.tidy(() => {
      const x = normalize(tf.tensor4d(batch.images, [batch.count, 32, 32, 3]), meta.mean, meta.std);
      return tf.argMax(model.predict(x), 1);
    });
    const labels = await predicted.data();
    predicted.dispose();
    await compare?.add(batch.images, batch.count, batch.labels, labels);
    for (let i = 0; i < batch.count; i++) {
      const y = batch.labels[i];
      seen[y]++;
      if (labels[i] === y) {
        right[y]++;
        correct++;
      }
    }
    done += batch.count;
    const rate = done / ((performance.now() - t0) / 1000);
    process.stderr.write(
      `\r${done}/${total} images, accuracy so far ${(correct / done).toFixed(4)}${compare?.status() ?? ''}, ${rate.toFixed(1)} images/s   `,
    );
  }
  process.stderr.write('\n');
  model.dispose();
  for (let c = 0; c < classes; c++) {
    const acc = seen[c] ? (right[c] / seen[c]).toFixed(4) : '-';
    console.log(`${(meta.classes[c] ?? `class ${c}`).padEnd(12)} ${acc} (${right[c]}/${seen[c]})`);
  }
  for (const line of compare?.report() ?? []) console.log(line);
  compare?.dispose();
  console.log(`accuracy: ${(correct / done).toFixed(4)} on ${done} images`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
