import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { WeightsError, type WeightsErrorCode } from './errors';
import { fetchSafetensors, parseSafetensors, readSafetensorsFile, writeSafetensors } from './safetensors';

/** A file from a raw header text and a data section of `dataBytes` zero bytes. */
function rawFile(header: string, dataBytes: number, lengthField?: number): Uint8Array {
  const head = new TextEncoder().encode(header);
  const out = new Uint8Array(8 + head.byteLength + dataBytes);
  const view = new DataView(out.buffer);
  view.setUint32(0, lengthField ?? head.byteLength, true);
  out.set(head, 8);
  return out;
}

const fileWith = (entries: Record<string, unknown>, dataBytes: number) =>
  rawFile(JSON.stringify(entries), dataBytes);

function errorOf(fn: () => unknown): WeightsError {
  try {
    fn();
  } catch (e) {
    if (e instanceof WeightsError) return e;
    throw e;
  }
  throw new Error('expected a WeightsError');
}

const f32 = (shape: number[], begin: number) => ({
  dtype: 'F32',
  shape,
  data_offsets: [begin, begin + 4 * shape.reduce((a, b) => a * b, 1)],
});

describe('parseSafetensors', () => {
  it('reads tensors of every supported dtype and the metadata', () => {
    const bytes = writeSafetensors(
      [
        ['a', { dtype: 'F32', shape: [2, 3], data: new Float32Array([1, 2, 3, 4, 5, 6]) }],
        ['b', { dtype: 'F16', shape: [2], data: new Float32Array([0.5, -1]) }],
        ['c', { dtype: 'BF16', shape: [1], data: new Float32Array([3]) }],
        ['empty', { dtype: 'F32', shape: [0, 4], data: new Float32Array(0) }],
      ],
      { name: 'tiny', classes: '["x","y"]' },
    );
    const file = parseSafetensors(bytes, 'tiny.safetensors');
    expect(file.source).toBe('tiny.safetensors');
    expect(file.metadata).toEqual({ name: 'tiny', classes: '["x","y"]' });
    expect(file.tensors.get('a')).toEqual({
      dtype: 'F32',
      shape: [2, 3],
      data: new Float32Array([1, 2, 3, 4, 5, 6]),
    });
    expect(Array.from(file.tensors.get('b')!.data)).toEqual([0.5, -1]);
    expect(file.tensors.get('b')!.dtype).toBe('F16');
    expect(Array.from(file.tensors.get('c')!.data)).toEqual([3]);
    expect(file.tensors.get('empty')!.shape).toEqual([0, 4]);
  });

  it('reads int8 tensors as their integers times the per-output-channel scales, hiding the scales', () => {
    const bytes = writeSafetensors([
      ['conv', { dtype: 'I8', shape: [2, 1, 1, 2], data: new Float32Array([127, -64, 1, -127]) }],
      ['conv_scale', { dtype: 'F32', shape: [2], data: new Float32Array([0.5, 0.25]) }],
      ['bias', { dtype: 'F16', shape: [2], data: new Float32Array([1, -1]) }],
    ]);
    const file = parseSafetensors(bytes, 'q.safetensors');
    expect([...file.tensors.keys()].sort()).toEqual(['bias', 'conv']);
    expect(file.tensors.get('conv')).toEqual({
      dtype: 'I8',
      shape: [2, 1, 1, 2],
      data: new Float32Array([63.5, -32, 0.25, -31.75]),
    });
  });

  it('rejects an int8 tensor without scales, or with scales of the wrong size or sign', () => {
    type Entry = [string, { dtype: 'I8' | 'F32'; shape: number[]; data: Float32Array }];
    const conv: Entry = ['conv', { dtype: 'I8', shape: [2, 2], data: new Float32Array([1, 2, 3, 4]) }];
    const scale = (shape: number[], values: number[]): Entry => [
      'conv_scale',
      { dtype: 'F32', shape, data: new Float32Array(values) },
    ];
    const cases: Entry[][] = [
      [conv],
      [conv, scale([3], [1, 1, 1])],
      [conv, scale([2, 1], [1, 1])],
      [conv, scale([2], [1, -1])],
    ];
    for (const tensors of cases) {
      const e = errorOf(() => parseSafetensors(writeSafetensors(tensors), 'q.safetensors'));
      expect(e.code).toBe('scale');
      expect(e.params).toMatchObject({
        file: 'q.safetensors',
        tensor: 'conv',
        scale: 'conv_scale',
        channels: 2,
      });
    }
  });

  it('reads a header written by hand with padding spaces', () => {
    const bytes = rawFile(JSON.stringify({ w: f32([2], 0) }) + '    ', 8);
    new DataView(bytes.buffer).setFloat32(bytes.length - 8, 7, true);
    expect(Array.from(parseSafetensors(bytes, 'f').tensors.get('w')!.data)).toEqual([7, 0]);
  });

  const cases: [string, () => Uint8Array, WeightsErrorCode, Record<string, unknown>][] = [
    ['a file shorter than 8 bytes', () => new Uint8Array(5), 'truncated', { expected: 8, actual: 5 }],
    [
      'a header length past the end',
      () => rawFile('{}', 0, 1000),
      'header-length',
      { length: 1000, size: 10 },
    ],
    ['a header length over the cap', () => rawFile('{}', 0, 0xfffffff0), 'header-length', {}],
    ['a header that is not JSON', () => rawFile('{"a": ', 0), 'header-json', {}],
    ['a header that is a JSON array', () => rawFile('[1, 2]', 0), 'header-json', {}],
    [
      'a header that is not UTF-8',
      () => rawFile('\u00ff', 0).map((b, i) => (i === 8 ? 0xff : b)),
      'header-json',
      {},
    ],
    ['an entry that is not an object', () => fileWith({ w: 3 }, 0), 'header-json', {}],
    [
      'a metadata value that is not a string',
      () => fileWith({ __metadata__: { epochs: 80 } }, 0),
      'metadata',
      { key: 'epochs' },
    ],
    ['metadata that is not an object', () => fileWith({ __metadata__: 'x' }, 0), 'metadata', {}],
    [
      'an unsupported dtype',
      () => fileWith({ w: { dtype: 'I64', shape: [1], data_offsets: [0, 8] } }, 8),
      'dtype',
      { tensor: 'w', dtype: 'I64' },
    ],
    [
      'a negative dimension',
      () => fileWith({ w: { dtype: 'F32', shape: [-1], data_offsets: [0, 4] } }, 4),
      'shape',
      { tensor: 'w' },
    ],
    [
      'a fractional dimension',
      () => fileWith({ w: { dtype: 'F32', shape: [1.5], data_offsets: [0, 4] } }, 4),
      'shape',
      { tensor: 'w' },
    ],
    [
      'a shape that is not a list',
      () => fileWith({ w: { dtype: 'F32', shape: '3', data_offsets: [0, 12] } }, 12),
      'shape',
      { tensor: 'w' },
    ],
    [
      'a shape whose size overflows',
      () => fileWith({ w: { dtype: 'F32', shape: [2 ** 30, 2 ** 30, 2 ** 30], data_offsets: [0, 4] } }, 4),
      'shape',
      { tensor: 'w' },
    ],
    [
      'offsets that disagree with the shape',
      () => fileWith({ w: { dtype: 'F32', shape: [3], data_offsets: [0, 8] } }, 12),
      'offsets',
      { tensor: 'w', begin: 0, end: 8, expected: 12 },
    ],
    [
      'offsets in the wrong order',
      () => fileWith({ w: { dtype: 'F32', shape: [0], data_offsets: [8, 4] } }, 12),
      'offsets',
      { tensor: 'w' },
    ],
    ['missing offsets', () => fileWith({ w: { dtype: 'F32', shape: [1] } }, 4), 'offsets', { tensor: 'w' }],
    ['a data section that is too short', () => fileWith({ w: f32([4], 0) }, 12), 'truncated', {}],
    [
      'overlapping tensors',
      () => fileWith({ a: f32([4], 0), b: f32([2], 8) }, 16),
      'overlap',
      { tensor: 'a', other: 'b' },
    ],
  ];

  it.each(cases)('rejects %s', (_what, make, code, params) => {
    const e = errorOf(() => parseSafetensors(make(), 'bad.safetensors'));
    expect(e.code).toBe(code);
    expect(e.params).toMatchObject({ file: 'bad.safetensors', ...params });
    expect(e.message).toContain('bad.safetensors');
    if (typeof params.tensor === 'string') expect(e.message).toContain(params.tensor);
  });
});

/** A fetch that serves `bytes` in chunks of `chunk` bytes. */
function servingFetch(bytes: Uint8Array, chunk: number, init: ResponseInit = {}): typeof fetch {
  return async () => {
    let at = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(at, at + chunk));
        at += chunk;
      },
    });
    return new Response(body, { headers: { 'content-length': String(bytes.length) }, ...init });
  };
}

describe('fetchSafetensors / readSafetensorsFile', () => {
  const bytes = writeSafetensors([
    ['w', { dtype: 'F32', shape: [100], data: new Float32Array(100).fill(2) }],
  ]);
  const sha = createHash('sha256').update(bytes).digest('hex');

  it('streams the body, reports progress and checks the hash', async () => {
    const seen: [number, number | null][] = [];
    const file = await fetchSafetensors('https://x.test/models/w.safetensors?v=1', {
      fetchImpl: servingFetch(bytes, 100),
      onProgress: (loaded, total) => seen.push([loaded, total]),
      expectedSha256: sha,
    });
    expect(file.source).toBe('w.safetensors');
    expect(file.tensors.get('w')!.data[99]).toBe(2);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.at(-1)).toEqual([bytes.length, bytes.length]);
    for (let i = 1; i < seen.length; i++) expect(seen[i][0]).toBeGreaterThanOrEqual(seen[i - 1][0]);
  });

  it('rejects a file whose hash differs', async () => {
    const wrong = sha.replace(/^./, sha[0] === '0' ? '1' : '0');
    await expect(
      fetchSafetensors('/w.safetensors', { fetchImpl: servingFetch(bytes, 64), expectedSha256: wrong }),
    ).rejects.toMatchObject({
      code: 'integrity',
      params: { file: 'w.safetensors', expected: wrong, actual: sha },
    });
  });

  it('turns HTTP and network failures into WeightsErrors', async () => {
    await expect(
      fetchSafetensors('/m/missing.safetensors', {
        fetchImpl: servingFetch(new Uint8Array(0), 1, { status: 404 }),
      }),
    ).rejects.toMatchObject({ code: 'http', params: { file: 'missing.safetensors', status: 404 } });
    const failing: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    await expect(fetchSafetensors('/w.safetensors', { fetchImpl: failing })).rejects.toMatchObject({
      code: 'network',
    });
  });

  it('reads a Blob chosen by the user', async () => {
    const file = await readSafetensorsFile(new File([bytes as Uint8Array<ArrayBuffer>], 'mine.safetensors'));
    expect(file.source).toBe('mine.safetensors');
    expect(file.tensors.get('w')!.shape).toEqual([100]);
    await expect(readSafetensorsFile(new Blob([new Uint8Array(3)]))).rejects.toMatchObject({
      code: 'truncated',
    });
  });
});
