import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { WeightsError, type WeightsErrorCode } from './errors';
import { MAX_HEADER_BYTES, parseSafetensors, verifySha256, type SafetensorsFile } from './safetensors';
import { seededUniform } from './node/random';

/*
 * Seeded mutations of a small, valid safetensors file. Every mutated file must either parse to exactly the
 * original tensors (bit for bit) or be rejected with a WeightsError that names the file. A failing case
 * prints its seed, so it can be replayed alone.
 */

const FILE = 'fuzz-case.safetensors';

/** Deterministic integers, bytes and picks from a seed. */
function rng(seed: number) {
  const next = seededUniform(seed);
  const int = (n: number) => Math.floor(next() * n);
  return {
    int,
    /** an integer in [lo, hi] */
    between: (lo: number, hi: number) => lo + int(hi - lo + 1),
    pick: <T>(items: readonly T[]): T => items[int(items.length)],
    byte: () => int(256),
  };
}
type Rng = ReturnType<typeof rng>;

interface Expected {
  dtype: 'F32' | 'F16' | 'BF16' | 'I8';
  shape: number[];
  /** raw little-endian bytes as stored */
  raw: Uint8Array;
  /** float32 bit patterns the parser must produce, worked out from the formats' definitions */
  bits: number[];
}

const f32Bits = (v: number) => new Uint32Array(new Float32Array([v]).buffer)[0];

function f32Tensor(shape: number[], values: number[]): Expected {
  const raw = new Uint8Array(values.length * 4);
  const view = new DataView(raw.buffer);
  values.forEach((v, i) => view.setFloat32(4 * i, v, true));
  return { dtype: 'F32', shape, raw, bits: values.map(f32Bits) };
}

/** binary16 bit patterns with the exact value each stands for */
function f16Tensor(shape: number[], halves: [number, number][]): Expected {
  const raw = new Uint8Array(halves.length * 2);
  const view = new DataView(raw.buffer);
  halves.forEach(([h], i) => view.setUint16(2 * i, h, true));
  return { dtype: 'F16', shape, raw, bits: halves.map(([, v]) => f32Bits(v)) };
}

/** bfloat16 is the upper half of a float32, so the float32 bits are the stored bits shifted left. */
function bf16Tensor(shape: number[], words: number[]): Expected {
  const raw = new Uint8Array(words.length * 2);
  const view = new DataView(raw.buffer);
  words.forEach((w, i) => view.setUint16(2 * i, w, true));
  return { dtype: 'BF16', shape, raw, bits: words.map((w) => (w << 16) >>> 0) };
}

// Names of different lengths (and unlike "__metadata__"), so no single-byte change turns one into another.
const ORIGINAL = new Map<string, Expected>([
  // 1.5 first: the data section starts with a byte (0x00) that is not JSON whitespace
  ['w', f32Tensor([2, 3], [1.5, -2, 0.1, 3e-39, 65504, -0])],
  [
    'half',
    f16Tensor(
      [5],
      [
        [0x3800, 0.5],
        [0xc000, -2],
        [0x0001, 2 ** -24],
        [0x7bff, 65504],
        [0xfc00, -Infinity],
      ],
    ),
  ],
  ['brain.fp', bf16Tensor([3, 2], [0x3f80, 0xbf00, 0x4049, 0x0001, 0x7f7f, 0x8000])],
  ['fc.weight.tail', f32Tensor([7], [1, 2, 3, 4, 5, 6, 7])],
]);
const METADATA = { name: 'fuzz', classes: '["x","y"]' };

interface Built {
  bytes: Uint8Array;
  headerLength: number;
  /** where each header field's text lies, for aimed mutations */
  spans: { kind: 'dtype' | 'shape' | 'offsets' | 'name' | 'metadata'; from: number; to: number }[];
}

/** Writes the file by hand: no padding after the JSON, so any change of the length field is detectable. */
function buildFile(
  entries: Map<string, Expected> = ORIGINAL,
  edit?: (header: Record<string, Record<string, unknown>>) => void,
): Built {
  const header: Record<string, Record<string, unknown>> = { __metadata__: { ...METADATA } };
  let offset = 0;
  for (const [name, t] of entries) {
    header[name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + t.raw.byteLength] };
    offset += t.raw.byteLength;
  }
  edit?.(header);
  const json = JSON.stringify(header);
  const head = new TextEncoder().encode(json);
  const bytes = new Uint8Array(8 + head.byteLength + offset);
  new DataView(bytes.buffer).setUint32(0, head.byteLength, true);
  bytes.set(head, 8);
  let at = 8 + head.byteLength;
  for (const t of entries.values()) {
    bytes.set(t.raw, at);
    at += t.raw.byteLength;
  }
  const spans: Built['spans'] = [];
  const find = (kind: Built['spans'][number]['kind'], pattern: RegExp) => {
    for (const m of json.matchAll(pattern)) {
      // the JSON is ASCII, so character and byte positions agree
      spans.push({ kind, from: 8 + m.index, to: 8 + m.index + m[0].length });
    }
  };
  find('dtype', /"dtype":"[^"]*"/g);
  find('shape', /"shape":\[[^\]]*\]/g);
  find('offsets', /"data_offsets":\[[^\]]*\]/g);
  find('name', /"[^"]+":\{"dtype"/g);
  find('metadata', /"__metadata__":\{[^}]*\}/g);
  return { bytes, headerLength: head.byteLength, spans };
}

const BASE = buildFile();

/** The bytes as the parser sees them: sometimes a view at an odd offset inside a larger buffer. */
function present(bytes: Uint8Array, r: Rng): Uint8Array {
  if (r.int(2) === 0) return bytes.slice();
  const pad = r.between(1, 13);
  const big = new Uint8Array(pad + bytes.byteLength + pad).fill(0xee);
  big.set(bytes, pad);
  return big.subarray(pad, pad + bytes.byteLength);
}

type Outcome = { ok: true; file: SafetensorsFile } | { ok: false; error: WeightsError };

function run(bytes: Uint8Array): Outcome {
  try {
    return { ok: true, file: parseSafetensors(bytes, FILE) };
  } catch (e) {
    if (e instanceof WeightsError) return { ok: false, error: e };
    throw new Error(`not a WeightsError: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`, {
      cause: e,
    });
  }
}

const bitsOf = (data: Float32Array) => Array.from(new Uint32Array(data.buffer, data.byteOffset, data.length));

function sameTensor(
  got: SafetensorsFile['tensors'] extends Map<string, infer T> ? T : never,
  want: Expected,
) {
  if (got.dtype !== want.dtype || JSON.stringify(got.shape) !== JSON.stringify(want.shape)) return false;
  const bits = bitsOf(got.data);
  return bits.length === want.bits.length && bits.every((b, i) => b === want.bits[i]);
}

/**
 * Problems with a successful parse: tensors that differ from the original in any bit, and allocations over
 * twice the file size. `renames` is how many tensors may carry another name (a changed byte inside a name
 * yields a valid file whose tensors are still the original ones).
 */
function checkParsed(
  file: SafetensorsFile,
  fileBytes: number,
  renames: number,
  original: Map<string, Expected> = ORIGINAL,
  /** int8 data grow fourfold when dequantised */
  growth = 2,
): string[] {
  const problems: string[] = [];
  if (file.source !== FILE) problems.push(`source ${file.source}`);
  const allocated = [...file.tensors.values()].reduce((s, t) => s + t.data.byteLength, 0);
  if (allocated > growth * fileBytes)
    problems.push(`allocated ${allocated} bytes for a ${fileBytes}-byte file`);
  if (file.tensors.size !== original.size) problems.push(`${file.tensors.size} tensors`);
  const unmatched = new Map(original);
  const strangers: string[] = [];
  for (const [name, t] of file.tensors) {
    const want = unmatched.get(name);
    if (want && sameTensor(t, want)) unmatched.delete(name);
    else strangers.push(name);
  }
  if (strangers.length > renames) problems.push(`unexpected tensors ${JSON.stringify(strangers)}`);
  for (const name of strangers) {
    const match = [...unmatched].find(([, want]) => sameTensor(file.tensors.get(name)!, want));
    if (!match) problems.push(`tensor ${JSON.stringify(name)} matches no original tensor bit for bit`);
    else unmatched.delete(match[0]);
  }
  return problems;
}

function checkRejected(error: WeightsError, codes: readonly WeightsErrorCode[] | null): string[] {
  const problems: string[] = [];
  if (codes && !codes.includes(error.code)) problems.push(`code ${error.code}, expected ${codes.join('|')}`);
  if (error.params.file !== FILE || !error.message.includes(FILE))
    problems.push(`message does not name the file: ${error.message}`);
  return problems;
}

interface Case {
  label: string;
  bytes: Uint8Array;
  /** null: either outcome may be right; otherwise the parse must fail with one of these codes */
  rejectWith: readonly WeightsErrorCode[] | null;
  renames: number;
}

/** Runs `count` seeded cases from `make`; returns one line per case that went wrong. */
function fuzz(
  seedBase: number,
  count: number,
  make: (r: Rng) => Case,
  original: Map<string, Expected> = ORIGINAL,
  growth = 2,
): { failures: string[]; rejected: number } {
  const failures: string[] = [];
  let rejected = 0;
  for (let i = 0; i < count; i++) {
    const seed = seedBase + i;
    const r = rng(seed);
    const c = make(r);
    let problems: string[];
    try {
      const outcome = run(present(c.bytes, r));
      if (outcome.ok) {
        problems =
          c.rejectWith === null
            ? checkParsed(outcome.file, c.bytes.byteLength, c.renames, original, growth)
            : [`parsed, expected ${c.rejectWith.join('|')}`];
      } else {
        rejected++;
        problems = checkRejected(outcome.error, c.rejectWith);
      }
    } catch (e) {
      problems = [e instanceof Error ? e.message : String(e)];
    }
    if (problems.length) failures.push(`seed ${seed} (${c.label}): ${problems.join('; ')}`);
  }
  return { failures, rejected };
}

const withByte = (bytes: Uint8Array, at: number, value: number) => {
  const out = bytes.slice();
  out[at] = value;
  return out;
};

const setLength = (bytes: Uint8Array, length: bigint) => {
  const out = bytes.slice();
  new DataView(out.buffer).setBigUint64(0, length, true);
  return out;
};

const HEADER_END = 8 + BASE.headerLength;
const spansOf = (kind: Built['spans'][number]['kind']) => BASE.spans.filter((s) => s.kind === kind);

describe('parseSafetensors under 1,000 seeded mutations', () => {
  it('reads the unmutated fixture exactly (the reference every case is held to)', () => {
    const file = parseSafetensors(BASE.bytes, FILE);
    expect(checkParsed(file, BASE.bytes.byteLength, 0)).toEqual([]);
    expect(file.metadata).toEqual(METADATA);
    expect(spansOf('dtype')).toHaveLength(ORIGINAL.size);
    expect(spansOf('shape')).toHaveLength(ORIGINAL.size);
    expect(spansOf('offsets')).toHaveLength(ORIGINAL.size);
    expect(spansOf('name')).toHaveLength(ORIGINAL.size);
  });

  it('truncation at 150 random lengths is always rejected', () => {
    const { failures, rejected } = fuzz(1_000, 150, (r) => {
      const length = r.int(BASE.bytes.byteLength);
      let codes: WeightsErrorCode[];
      if (length < 8) codes = ['truncated'];
      else if (length < HEADER_END) codes = ['header-length'];
      else codes = ['truncated'];
      return { label: `cut to ${length}`, bytes: BASE.bytes.slice(0, length), rejectWith: codes, renames: 0 };
    });
    expect(failures).toEqual([]);
    expect(rejected).toBe(150);
  });

  it('150 changes to the 8-byte header length are rejected', () => {
    const { failures } = fuzz(2_000, 150, (r) => {
      const at = r.int(8);
      const bytes = BASE.bytes;
      let value = r.int(3) === 0 ? bytes[at] ^ (1 << r.int(8)) : r.byte();
      if (value === bytes[at]) value ^= 0x01;
      return {
        label: `length byte ${at} → ${value}`,
        bytes: withByte(bytes, at, value),
        // a shorter header loses its closing brace, a longer one takes in data bytes: neither is valid JSON
        rejectWith: ['header-length', 'header-json'],
        renames: 0,
      };
    });
    expect(failures).toEqual([]);
  });

  it('50 huge declared header lengths are rejected before anything is read', () => {
    const huge = [
      2n ** 64n - 1n,
      2n ** 63n,
      2n ** 53n + 1n,
      2n ** 32n,
      2n ** 32n - 1n,
      BigInt(MAX_HEADER_BYTES) + 1n,
      BigInt(BASE.bytes.byteLength - 7),
    ];
    const { failures } = fuzz(3_000, 50, (r) => {
      const length =
        r.int(3) === 0 ? r.pick(huge) : BigInt(BASE.bytes.byteLength - 7) + BigInt(r.int(2 ** 31));
      return {
        label: `declared length ${length}`,
        bytes: setLength(BASE.bytes, length),
        rejectWith: ['header-length'],
        renames: 0,
      };
    });
    expect(failures).toEqual([]);
  });

  it('300 byte changes aimed at dtypes, shapes, offsets, names, metadata and anywhere in the JSON', () => {
    const kinds = ['dtype', 'shape', 'offsets', 'name', 'metadata', 'any'] as const;
    const { failures, rejected } = fuzz(4_000, 300, (r) => {
      const kind = r.pick(kinds);
      let at: number;
      if (kind === 'any') at = r.between(8, HEADER_END - 1);
      else {
        const span = r.pick(spansOf(kind));
        at = r.between(span.from, span.to - 1);
      }
      const old = BASE.bytes[at];
      const choices = [r.byte(), 0x30 + r.int(10), 0x20 + r.int(95), old ^ (1 << r.int(8))];
      let value = r.pick(choices);
      if (value === old) value = old ^ 0x04;
      return {
        label: `${kind}: byte ${at} ${old} → ${value}`,
        bytes: withByte(BASE.bytes, at, value),
        rejectWith: null,
        // a name or metadata may change into another valid one; a dtype, shape or offset never can
        renames: kind === 'name' || kind === 'any' ? 1 : 0,
      };
    });
    expect(failures).toEqual([]);
    // most of these break the header; a handful only rename a tensor or edit metadata
    expect(rejected).toBeGreaterThan(200);
  });

  it('150 rewritten header fields with wrong dtypes, shapes and offsets are rejected', () => {
    const names = [...ORIGINAL.keys()];
    const badDtypes = ['F64', 'I32', 'U8', 'f32', 'BOOL', '', null, 4, ['F32'], { F32: 1 }];
    const badShapes = [
      [-1, 6],
      [2.5],
      '6',
      null,
      [1e20],
      [2 ** 31, 2 ** 31],
      [2 ** 26, 2 ** 26],
      [1e6, 1e6],
      [],
      [6, 'x'],
      [1, 1, 1, 1, 1, 1, 1, 1, 1, 7],
    ];
    const { failures, rejected } = fuzz(5_000, 150, (r) => {
      const target = r.pick(names);
      const want = ORIGINAL.get(target)!;
      const what = r.pick(['dtype', 'shape', 'offsets', 'huge', 'overlap', 'not-object'] as const);
      let codes: WeightsErrorCode[] = [];
      let detail = '';
      const { bytes } = buildFile(ORIGINAL, (h) => {
        const entry = h[target];
        const [begin, end] = entry.data_offsets as number[];
        switch (what) {
          case 'dtype':
            entry.dtype = r.pick(badDtypes);
            codes = ['dtype'];
            break;
          case 'shape':
            entry.shape = r.pick(badShapes);
            // some are not shapes at all, the rest hold a different number of values than the offsets span
            codes = ['shape', 'offsets'];
            break;
          case 'offsets': {
            const n = end - begin;
            entry.data_offsets = r.pick([
              [begin, end + r.between(1, 8)],
              [end, begin],
              [-n, 0],
              [begin],
              [begin, end, end],
              `${begin},${end}`,
              [1e300, 1e300 + n],
              [begin + 0.5, end + 0.5],
              [String(begin), end],
            ]);
            codes = ['offsets'];
            break;
          }
          case 'huge': {
            // consistent shapes and offsets claiming terabytes: must fail on the sizes, not on allocation
            const count = r.pick([1e6 * 1e6, 2 ** 40, 2 ** 50 / 4]);
            const size = count * (want.dtype === 'F32' ? 4 : 2);
            entry.shape = [count];
            entry.data_offsets = [begin, begin + size];
            codes = ['truncated'];
            break;
          }
          case 'overlap': {
            const other = h[r.pick(names.filter((n) => n !== target))].data_offsets as number[];
            const shift = r.int(Math.min(other[1] - other[0], end - begin));
            entry.data_offsets = [other[0] + shift, other[0] + shift + (end - begin)];
            // the moved span may also run past the data section
            codes = ['overlap', 'truncated'];
            break;
          }
          case 'not-object':
            h[target] = r.pick([null, 1, 'F32', [want.dtype, want.shape]]) as never;
            codes = ['header-json'];
            break;
        }
        detail = JSON.stringify(h[target]);
      });
      return { label: `${what} of ${target}: ${detail}`, bytes, rejectWith: codes, renames: 0 };
    });
    expect(failures).toEqual([]);
    expect(rejected).toBe(150);
  });

  it('100 files with garbage appended still read exactly the original tensors', () => {
    const { failures, rejected } = fuzz(6_000, 100, (r) => {
      const extra = r.int(10) === 0 ? r.between(1_000, 5_000) : r.between(1, 64);
      const bytes = new Uint8Array(BASE.bytes.byteLength + extra);
      bytes.set(BASE.bytes);
      for (let i = BASE.bytes.byteLength; i < bytes.length; i++) bytes[i] = r.byte();
      return { label: `${extra} bytes appended`, bytes, rejectWith: null, renames: 0 };
    });
    expect(failures).toEqual([]);
    expect(rejected).toBe(0);
  });

  it('100 runs of random bytes over the header are rejected or read the original tensors', () => {
    const { failures, rejected } = fuzz(7_000, 100, (r) => {
      const from = r.int(HEADER_END);
      const length = Math.min(r.between(2, 16), HEADER_END - from);
      const bytes = BASE.bytes.slice();
      for (let i = from; i < from + length; i++) bytes[i] = r.byte();
      return { label: `${length} random bytes at ${from}`, bytes, rejectWith: null, renames: 1 };
    });
    expect(failures).toEqual([]);
    expect(rejected).toBeGreaterThan(90);
  });

  it('flipped data bytes pass the parser but never the SHA-256 check', async () => {
    const expected = createHash('sha256').update(BASE.bytes).digest('hex');
    await expect(verifySha256(BASE.bytes, expected, FILE)).resolves.toBeUndefined();
    const r = rng(8_000);
    const dataSize = BASE.bytes.byteLength - HEADER_END;
    const failures: string[] = [];
    // beyond the 1,000 cases above (150 + 150 + 50 + 300 + 150 + 100 + 100)
    for (let i = 0; i < 20; i++) {
      const at = HEADER_END + r.int(dataSize);
      const bytes = withByte(BASE.bytes, at, BASE.bytes[at] ^ (1 << r.int(8)));
      const file = parseSafetensors(bytes, FILE);
      if (file.tensors.size !== ORIGINAL.size) failures.push(`byte ${at}: ${file.tensors.size} tensors`);
      const error = await verifySha256(bytes, expected, FILE).then(
        () => null,
        (e: unknown) => e,
      );
      if (!(error instanceof WeightsError) || error.code !== 'integrity' || !error.message.includes(FILE))
        failures.push(`byte ${at}: ${String(error)}`);
    }
    expect(failures).toEqual([]);
  });
});

/*
 * int8: the stored tensor `conv.w` (I8, two channels) and its scales `conv.w_scale` (F32) parse to one
 * dequantised float32 tensor; the scales are not listed. Any change to either must give that exact tensor
 * or be rejected.
 */
function i8Tensor(shape: number[], values: number[]): Expected {
  return { dtype: 'I8', shape, raw: new Uint8Array(new Int8Array(values).buffer), bits: [] };
}
const Q = [127, -3, 0, 64, -127, 1, 0, -1];
const SCALES = [0.5, 2 ** -10];
const INT8_STORED = new Map<string, Expected>([
  ['conv.w', i8Tensor([2, 4], Q)],
  ['conv.w_scale', f32Tensor([2], SCALES)],
  [
    'bn.gamma',
    f16Tensor(
      [2],
      [
        [0x3c00, 1],
        [0xc000, -2],
      ],
    ),
  ],
]);
const INT8_PARSED = new Map<string, Expected>([
  ['conv.w', { ...i8Tensor([2, 4], Q), bits: Q.map((q, i) => f32Bits(q * SCALES[Math.floor(i / 4)])) }],
  ['bn.gamma', INT8_STORED.get('bn.gamma')!],
]);
const INT8_BASE = buildFile(INT8_STORED);
const INT8_HEADER_END = 8 + INT8_BASE.headerLength;

describe('parseSafetensors on an int8 file under 400 seeded mutations', () => {
  it('reads the unmutated int8 fixture as dequantised float32, without the scale tensor', () => {
    const file = parseSafetensors(INT8_BASE.bytes, FILE);
    expect(checkParsed(file, INT8_BASE.bytes.byteLength, 0, INT8_PARSED, 4)).toEqual([]);
    expect([...file.tensors.keys()].sort()).toEqual(['bn.gamma', 'conv.w']);
    expect(file.tensors.get('conv.w')!.data[0]).toBe(63.5);
  });

  it('200 byte changes anywhere in the header are rejected or read the original tensors', () => {
    const { failures, rejected } = fuzz(
      9_000,
      200,
      (r) => {
        const at = r.between(8, INT8_HEADER_END - 1);
        const old = INT8_BASE.bytes[at];
        let value = r.pick([r.byte(), 0x30 + r.int(10), 0x20 + r.int(95), old ^ (1 << r.int(8))]);
        if (value === old) value = old ^ 0x04;
        return {
          label: `byte ${at} ${old} → ${value}`,
          bytes: withByte(INT8_BASE.bytes, at, value),
          rejectWith: null,
          // only bn.gamma may be renamed: a renamed conv.w or conv.w_scale loses its partner
          renames: 1,
        };
      },
      INT8_PARSED,
      4,
    );
    expect(failures).toEqual([]);
    expect(rejected).toBeGreaterThan(150);
  });

  it('150 broken pairings of an int8 tensor and its scales are rejected', () => {
    const { failures, rejected } = fuzz(
      10_000,
      150,
      (r) => {
        const what = r.pick([
          'bad-scale-value',
          'no-scale',
          'scale-shape',
          'scale-i8',
          'scalar',
          'i8-dtype-on-float',
        ] as const);
        let codes: WeightsErrorCode[] = [];
        let entries = INT8_STORED;
        let edit: ((h: Record<string, Record<string, unknown>>) => void) | undefined;
        switch (what) {
          case 'no-scale':
            entries = new Map([...INT8_STORED].filter(([n]) => n !== 'conv.w_scale'));
            if (r.int(2))
              entries.set(
                r.pick(['conv.w_scales', 'conv.scale', 'w_scale']),
                INT8_STORED.get('conv.w_scale')!,
              );
            codes = ['scale'];
            break;
          case 'scale-shape':
            entries = new Map(INT8_STORED);
            entries.set(
              'conv.w_scale',
              r.pick([f32Tensor([1], [0.5]), f32Tensor([3], [1, 2, 3]), f32Tensor([1, 2], SCALES)]),
            );
            codes = ['scale'];
            break;
          case 'bad-scale-value':
            entries = new Map(INT8_STORED);
            entries.set('conv.w_scale', f32Tensor([2], [0.5, r.pick([-1, -0.25, NaN, Infinity])]));
            codes = ['scale'];
            break;
          case 'scale-i8':
            entries = new Map(INT8_STORED);
            entries.set('conv.w_scale', i8Tensor([2], [1, 2]));
            entries.set('conv.w_scale_scale', f32Tensor([2], [1, 1]));
            codes = ['scale'];
            break;
          case 'scalar':
            entries = new Map(INT8_STORED);
            entries.set('conv.w', i8Tensor([], [5]));
            codes = ['scale'];
            break;
          case 'i8-dtype-on-float':
            // a float tensor relabelled I8 has the wrong byte count for its shape
            edit = (h) => (h['bn.gamma'].dtype = 'I8');
            codes = ['offsets'];
            break;
        }
        return { label: what, bytes: buildFile(entries, edit).bytes, rejectWith: codes, renames: 0 };
      },
      INT8_PARSED,
      4,
    );
    expect(failures).toEqual([]);
    expect(rejected).toBe(150);
  });
});
