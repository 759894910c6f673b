import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CIFAR_PIXELS,
  CIFAR_RECORD_BYTES,
  CifarRecordReader,
  cifarRecordImage,
  decodeCifarRecords,
  readCifarBatches,
} from './cifarBinary';
import { cifarTestBatch } from './node/cifarData';

/** Record r: label r % 10, red = pixel index mod 256, green = 10·r, blue = 255 − r. */
function records(count: number): Uint8Array {
  const out = new Uint8Array(count * CIFAR_RECORD_BYTES);
  for (let r = 0; r < count; r++) {
    const base = r * CIFAR_RECORD_BYTES;
    out[base] = r % 10;
    for (let p = 0; p < CIFAR_PIXELS; p++) {
      out[base + 1 + p] = p % 256;
      out[base + 1 + CIFAR_PIXELS + p] = 10 * r;
      out[base + 1 + 2 * CIFAR_PIXELS + p] = 255 - r;
    }
  }
  return out;
}

describe('CIFAR-10 binary records', () => {
  it('decodes planes (CHW) into NHWC pixels', () => {
    const b = decodeCifarRecords(records(3));
    expect(b.count).toBe(3);
    expect(Array.from(b.labels)).toEqual([0, 1, 2]);
    // record 2, row 1, column 3 → pixel index 35
    const at = (2 * CIFAR_PIXELS + 35) * 3;
    expect(Array.from(b.images.subarray(at, at + 3))).toEqual([35, 20, 253]);
  });

  it('returns one record as an RGB image', () => {
    const img = cifarRecordImage(records(2), 1);
    expect([img.width, img.height, img.label]).toEqual([32, 32, 1]);
    expect(Array.from(img.data.subarray(3 * 300, 3 * 300 + 3))).toEqual([300 % 256, 10, 254]);
    expect(() => cifarRecordImage(records(2), 2)).toThrow(/outside/);
  });

  it('rejects a partial record', () => {
    expect(() => decodeCifarRecords(new Uint8Array(CIFAR_RECORD_BYTES + 1))).toThrow(/whole number/);
    const reader = new CifarRecordReader(4);
    reader.push(new Uint8Array(10));
    expect(() => reader.finish()).toThrow(/whole number/);
  });

  it('cuts a stream into batches whatever the chunk boundaries', async () => {
    const bytes = records(5);
    const whole = decodeCifarRecords(bytes);
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 1000) yield bytes.subarray(i, i + 1000);
    }
    const batches = [];
    for await (const b of readCifarBatches(chunks(), 2)) batches.push(b);
    expect(batches.map((b) => b.count)).toEqual([2, 2, 1]);
    const images = batches.flatMap((b) => Array.from(b.images));
    expect(images).toEqual(Array.from(whole.images));
    expect(batches.flatMap((b) => Array.from(b.labels))).toEqual(Array.from(whole.labels));

    const limited = [];
    for await (const b of readCifarBatches(chunks(), 2, 3)) limited.push(b.count);
    expect(limited).toEqual([2, 1]);
  });

  it('reads the 10,000-image test set: 1,000 images of each class', async () => {
    const bytes = new Uint8Array(readFileSync(await cifarTestBatch()));
    const perClass = new Array<number>(10).fill(0);
    async function* one() {
      yield bytes;
    }
    let n = 0;
    for await (const b of readCifarBatches(one(), 2500)) {
      n += b.count;
      b.labels.forEach((y) => perClass[y]++);
    }
    expect(n).toBe(10000);
    expect(perClass).toEqual(new Array(10).fill(1000));
  });
});
