/**
 * Accuracy of a CIFAR-10 model in TensorFlow.js (Node):
 *   npm run eval -- [--data PATH] [--limit N] [--model PATH] [--backend wasm|cpu] [--batch B] [--write]
 * The model is the file the app serves by default (public/models/manifest.json's `default`, the int8 copy)
 * unless --model names another; the data is found by src/resnext/node/cifarData.ts unless --data names a file.
 *   npm run eval -- [--data PATH] [--limit N] [--model PATH] [--backend wasm|cpu] [--batch B] [--compare PATH]
 * --compare also runs a second model on the same images: its accuracy and top-1 agreement (eval-agreement.ts).
 * Progress goes to stderr; per-class accuracy, then as the last line `accuracy: 0.XXXX on N images`.
 * --write records the result (and the compared model's) in src/data/tfjsEval.json, where the Numbers section
 * and the README read it, with the date and the sha256 of each weights file and of the test file
 * (src/data/records.test.ts fails when the default model's bytes differ from the recorded ones).
 */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import type { TfjsEval } from '../src/data/metrics';
import { CIFAR_RECORD_BYTES, readCifarBatches } from '../src/resnext/cifarBinary';
import { loadModel } from '../src/resnext/model';
import { locateCifar10, REPO_ROOT } from '../src/resnext/node/cifarData';
import { setupNodeBackend } from '../src/resnext/node/setupBackend';
import { normalize } from '../src/resnext/preprocess';
import { parseSafetensors } from '../src/resnext/safetensors';
import { openAgreement } from './eval-agreement';
import { parseEvalArgs } from './evalArgs';

const MODELS = join(REPO_ROOT, 'public/models');
const RECORD = join(REPO_ROOT, 'src/data/tfjsEval.json');

const fileSha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The file the app loads by default, as the manifest names it. */
function defaultModel(): string {
  const manifest = JSON.parse(readFileSync(join(MODELS, 'manifest.json'), 'utf8')) as { default: string };
  return join(MODELS, manifest.default);
}

async function main() {
  const opts = parseEvalArgs(process.argv.slice(2));
  const modelPath = opts.model || defaultModel();
  const data = opts.data || (await locateCifar10()).testBatch;
  await setupNodeBackend(opts.backend);
  const model = loadModel(parseSafetensors(new Uint8Array(readFileSync(modelPath)), modelPath));
  const { meta } = model;
  const compare = opts.compare ? openAgreement(opts.compare) : null;
  const total = Math.min(opts.limit, Math.floor(statSync(data).size / CIFAR_RECORD_BYTES));
  console.error(
    `${meta.name} (${modelPath}) on ${opts.backend}: ${total} images from ${data}, batch ${opts.batch}`,
  );

  const classes = meta.classes.length;
  const seen = new Array<number>(classes).fill(0);
  const right = new Array<number>(classes).fill(0);
  let done = 0;
  let correct = 0;
  const t0 = performance.now();
  const stream = createReadStream(data, { highWaterMark: opts.batch * CIFAR_RECORD_BYTES });
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
  const compared = compare
    ? {
        model: relative(REPO_ROOT, resolve(opts.compare)),
        modelSha256: fileSha256(resolve(opts.compare)),
        ...compare.result(),
      }
    : undefined;
  compare?.dispose();
  const accuracy = Number((correct / done).toFixed(4));
  console.log(`accuracy: ${accuracy.toFixed(4)} on ${done} images`);
  if (opts.write) {
    const record: TfjsEval = {
      accuracy,
      images: done,
      command: ['npm run eval', ...(opts.repeat.length ? ['--', ...opts.repeat] : [])].join(' '),
      model: relative(REPO_ROOT, modelPath),
      modelSha256: fileSha256(modelPath),
      date: new Date().toISOString().slice(0, 10),
      backend: opts.backend,
      testFileSha256: fileSha256(data),
      ...(compared ? { compare: compared } : {}),
    };
    writeFileSync(RECORD, `${JSON.stringify(record, null, 2)}\n`);
    console.error(`wrote ${relative(REPO_ROOT, RECORD)}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
