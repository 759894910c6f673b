import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disposeBlockWeights } from '../../../resnext/blockWeights';
import { runFormC } from '../../../resnext/forms';
import { loadModel, type ResNeXtModel } from '../../../resnext/model';
import { parseSafetensors } from '../../../resnext/safetensors';
import { runProof } from './proofRunner';
import { trainedBlockWeights, trainedProofTensors } from './trainedSource';

const WEIGHTS = fileURLToPath(
  new URL('../../../../public/models/resnext29_32x4d.safetensors', import.meta.url),
);

let model: ResNeXtModel;

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  await tf.ready();
  model = loadModel(parseSafetensors(new Uint8Array(readFileSync(WEIGHTS)), WEIGHTS));
  // The model prepares some weights on first use and keeps them; do that before counting tensors.
  const x = tf.zeros([1, 8, 8, 3]) as tf.Tensor4D;
  const { logits, tensors } = model.forward(x, ['layer1.0.out']);
  const h = tensors['layer1.0.out'] as tf.Tensor4D;
  const block = model.runBlock('layer1.1', h, ['bn3']);
  tf.dispose([x, logits, h, block.out, ...Object.values(block.tensors)]);
});

afterAll(() => model?.dispose());

describe('trained block in the forms', () => {
  it("computes the model's own bn3 output of layer1.1 once BN is folded", () => {
    const before = tf.memory().numTensors;
    const x = tf.randomNormal([1, 8, 8, 256], 0, 1, 'float32', 5) as tf.Tensor4D;
    const w = trainedBlockWeights(model.blockParams('layer1.1'));
    expect([w.cardinality, w.d, w.inChannels, w.outChannels]).toEqual([32, 4, 256, 256]);
    const ours = runFormC(x, w);
    const ref = model.runBlock('layer1.1', x, ['bn3']);
    const diff = tf.tidy(() => tf.max(tf.abs(tf.sub(ours, ref.tensors.bn3!))).dataSync()[0]);
    const scale = tf.tidy(() => tf.max(tf.abs(ref.tensors.bn3!)).dataSync()[0]);
    expect(diff / scale).toBeLessThan(1e-4);
    tf.dispose([x, ours, ref.out, ...Object.values(ref.tensors)]);
    disposeBlockWeights(w);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('proves the forms equal on the trained block and frees what it made', async () => {
    const image = tf.randomNormal([1, 8, 8, 3], 0, 1, 'float32', 9) as tf.Tensor4D;
    const before = tf.memory().numTensors;
    const source = {
      kind: 'trained',
      block: 'layer1.1',
      load: async () => trainedProofTensors(model, image, 'layer1.1'),
    } as const;
    const r = await runProof(source, 1, () => false);
    expect(r!.source).toBe('trained');
    expect(r!.inputShape).toEqual([1, 8, 8, 256]);
    expect(r!.maxDiffAB / r!.maxAbs).toBeLessThan(1e-5);
    expect(r!.maxDiffAC / r!.maxAbs).toBeLessThan(1e-5);
    expect(tf.memory().numTensors).toBe(before);
    image.dispose();
  });
});
