/**
 * CIFAR-10 binary format: records of 1 label byte then 3072 image bytes (1024 red, 1024 green,
 * 1024 blue; each plane row-major 32×32).
 */

const CIFAR_SIDE = 32;
export const CIFAR_PIXELS = CIFAR_SIDE * CIFAR_SIDE;
export const CIFAR_RECORD_BYTES = 1 + 3 * CIFAR_PIXELS;

export interface CifarBatch {
  count: number;
  /** [count, 32, 32, 3] NHWC, values 0..255 */
  images: Float32Array;
  labels: Int32Array;
}

/** Decodes whole records; `bytes.length` must be a multiple of the record size. */
export function decodeCifarRecords(bytes: Uint8Array): CifarBatch {
  if (bytes.length % CIFAR_RECORD_BYTES !== 0) {
    throw new Error(
      `CIFAR-10 binary data of ${bytes.length} bytes is not a whole number of ${CIFAR_RECORD_BYTES}-byte records`,
    );
  }
  const count = bytes.length / CIFAR_RECORD_BYTES;
  const images = new Float32Array(count * 3 * CIFAR_PIXELS);
  const labels = new Int32Array(count);
  for (let r = 0; r < count; r++) {
    const base = r * CIFAR_RECORD_BYTES;
    labels[r] = bytes[base];
    const out = r * 3 * CIFAR_PIXELS;
    for (let p = 0; p < CIFAR_PIXELS; p++) {
      images[out + 3 * p] = bytes[base + 1 + p];
      images[out + 3 * p + 1] = bytes[base + 1 + CIFAR_PIXELS + p];
      images[out + 3 * p + 2] = bytes[base + 1 + 2 * CIFAR_PIXELS + p];
    }
  }
  return { count, images, labels };
}

/** One record as an RGB image { data HWC, width, height } for toImageTensor. */
export function cifarRecordImage(
  bytes: Uint8Array,
  index: number,
): { data: Uint8Array; width: number; height: number; label: number } {
  const base = index * CIFAR_RECORD_BYTES;
  if (!Number.isInteger(index) || index < 0 || base + CIFAR_RECORD_BYTES > bytes.length) {
    throw new Error(
      `CIFAR-10 record ${index} is outside the ${Math.floor(bytes.length / CIFAR_RECORD_BYTES)} records`,
    );
  }
  const data = new Uint8Array(3 * CIFAR_PIXELS);
  for (let p = 0; p < CIFAR_PIXELS; p++) {
    for (let c = 0; c < 3; c++) data[3 * p + c] = bytes[base + 1 + c * CIFAR_PIXELS + p];
  }
  return { data, width: CIFAR_SIDE, height: CIFAR_SIDE, label: bytes[base] };
}

/**
 * Cuts a byte stream into batches of whole records, whatever the chunk boundaries:
 * push() chunks as they arrive, each call returns the batches completed so far; finish() returns the rest
 * and throws if a partial record is left over.
 */
export class CifarRecordReader {
  private pending: Uint8Array = new Uint8Array(0);

  constructor(private readonly batchSize: number) {
    if (!Number.isInteger(batchSize) || batchSize < 1)
      throw new Error(`batch size must be a positive integer, got ${batchSize}`);
  }

  push(chunk: Uint8Array): CifarBatch[] {
    const joined = new Uint8Array(this.pending.length + chunk.length);
    joined.set(this.pending);
    joined.set(chunk, this.pending.length);
    const batchBytes = this.batchSize * CIFAR_RECORD_BYTES;
    const batches: CifarBatch[] = [];
    let at = 0;
    for (; at + batchBytes <= joined.length; at += batchBytes) {
      batches.push(decodeCifarRecords(joined.subarray(at, at + batchBytes)));
    }
    this.pending = joined.slice(at);
    return batches;
  }

  finish(): CifarBatch[] {
    const rest = this.pending;
    this.pending = new Uint8Array(0);
    if (rest.length === 0) return [];
    return [decodeCifarRecords(rest)];
  }
}

/** Batches from an async stream of chunks (e.g. a fetch body or a Node read stream). */
export async function* readCifarBatches(
  chunks: AsyncIterable<Uint8Array>,
  batchSize: number,
  limit = Infinity,
): AsyncGenerator<CifarBatch> {
  const reader = new CifarRecordReader(batchSize);
  let left = limit;
  const take = function* (batches: CifarBatch[]) {
    for (const b of batches) {
      if (left <= 0) return;
      const n = Math.min(b.count, left);
      left -= n;
      yield n === b.count
        ? b
        : { count: n, images: b.images.subarray(0, n * 3 * CIFAR_PIXELS), labels: b.labels.subarray(0, n) };
    }
  };
  for await (const chunk of chunks) {
    yield* take(reader.push(chunk));
    if (left <= 0) return;
  }
  yield* take(reader.finish());
}
