/**
 * The shipped int8 weights (scripts/to-int8.ts) against float32: the loader dequantises exactly what the
 * export quantised, and on the PyTorch fixture's 16 test images the logits stay close and the top-1 class
 * is the same.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeFloats, dequantizeInt8, encodeFloats, quantizeInt8 } from './dtypes';
import { nchwToNhwc } from './layout';
import { loadModel } from './model';
import { setupNodeBackend } from './node/setupBackend';
import { parseSafetensors } from './safetensors';

const F32 = 'public/models/resnext29_32x4d.safetensors';
const I8 = 'public/models/resnext29_32x4d.i8.safetensors';
const FIXTURE = '.cache/fixtures/cifar_resnext29_32x4d.safetensors';

const read = (path: string) => {
  if (!existsSync(path)) throw new Error(`${path} is missing (npm run fixtures makes the PyTorch fixtures)`);
  return parseSafetensors(new Uint8Array(readFileSync(path)), path);
};

describe('int8 ResNeXt-29 32×4d', () => {
  it('holds every float32 tensor: weights as their int8 rounding, the rest as float16', () => {
    const f32 = read(F32);
    const i8 = read(I8);
    expect([...i8.tensors.keys()].sort()).toEqual([...f32.tensors.keys()].sort());
    expect(i8.metadata).toMatchObject({ ...f32.metadata, dtype: 'int8' });
    const wrong: string[] = [];
    for (const [name, t] of f32.tensors) {
      const got = i8.tensors.get(name)!;
      if (JSON.stringify(got.shape) !== JSON.stringify(t.shape)) wrong.push(`${name}: shape`);
      let want: Float32Array;
      if (t.shape.length >= 2) {
        if (got.dtype !== 'I8') wrong.push(`${name}: ${got.dtype}`);
        const { q, scale } = quantizeInt8(t.data, t.shape[0]);
        want = dequantizeInt8(q, scale);
      } else {
        if (got.dtype !== 'F16') wrong.push(`${name}: ${got.dtype}`);
        want = decodeFloats(encodeFloats(t.data, 'F16'), 'F16');
      }
      let differ = 0;
      for (let i = 0; i < want.length; i++) if (!Object.is(got.data[i], want[i])) differ++;
      if (differ) wrong.push(`${name}: ${differ} values differ`);
    }
    expect(wrong).toEqual([]);
  });

  it('predicts the float32 model’s top-1 on the fixture’s 16 images, logits within 2% of the largest', async () => {
    await setupNodeBackend('wasm');
    const fixture = read(FIXTURE);
    const input = nchwToNhwc(fixture.tensors.get('input')!);
    const [n, h, w, c] = input.shape;
    const x = tf.tensor4d(input.data, [n, h, w, c]);
    const models = [loadModel(read(F32)), loadModel(read(I8))];
    const [ref, got] = models.map((m) => m.predict(x));
    const refData = ref.dataSync();
    const gotData = got.dataSync();
    let maxRef = 0;
    let maxDiff = 0;
    for (let i = 0; i < refData.length; i++) {
      maxRef = Math.max(maxRef, Math.abs(refData[i]));
      maxDiff = Math.max(maxDiff, Math.abs(refData[i] - gotData[i]));
    }
    expect(maxDiff / maxRef).toBeLessThanOrEqual(0.02);
    expect(Array.from(tf.argMax(got, 1).dataSync())).toEqual(Array.from(tf.argMax(ref, 1).dataSync()));
    console.log(
      `int8 vs float32 on ${n} images: max logit difference ${maxDiff.toFixed(4)} (largest logit ${maxRef.toFixed(2)})`,
    );
    tf.dispose([x, ref, got]);
    models.forEach((m) => m.dispose());
  });
});

afterAll(() => setupNodeBackend('cpu'));
