import {
  decodeFloats,
  dequantizeInt8,
  encodeStored,
  isStoredDtype,
  scaleNameOf,
  storedDtypeSize,
  type StoredDtype,
} from './dtypes';
import { WeightsError, formatShape } from './errors';
import { fileNameOf, verifySha256 } from './integrity';
import { fetchResumable } from './resumableFetch';

export { fileNameOf, verifySha256 } from './integrity';

interface SafetensorsTensor {
  /** as stored; an I8 tensor has been dequantised with its `<name>_scale` tensor, which is not listed */
  dtype: StoredDtype;
  shape: number[];
  /** values decoded to float32, row-major in the stored layout */
  data: Float32Array;
}

export interface SafetensorsFile {
  /** file name or URL, used in messages */
  source: string;
  metadata: Record<string, string>;
  tensors: Map<string, SafetensorsTensor>;
}

/** The safetensors reference implementation rejects headers over 100 MB. */
export const MAX_HEADER_BYTES = 100_000_000;
/** Largest weights file accepted (ResNeXt-101 32×8d in float32 is 356 MB). */
export const MAX_FILE_BYTES = 1 << 30;

interface Entry {
  name: string;
  dtype: StoredDtype;
  shape: number[];
  begin: number;
  end: number;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Parses and validates a complete safetensors file; every float tensor is decoded to float32. */
export function parseSafetensors(bytes: Uint8Array, source: string): SafetensorsFile {
  const file = source;
  if (bytes.byteLength > MAX_FILE_BYTES) {
    throw new WeightsError('too-large', { file, size: bytes.byteLength, max: MAX_FILE_BYTES });
  }
  if (bytes.byteLength < 8)
    throw new WeightsError('truncated', { file, expected: 8, actual: bytes.byteLength });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(4, true) * 2 ** 32 + view.getUint32(0, true);
  if (headerLength > MAX_HEADER_BYTES || headerLength > bytes.byteLength - 8) {
    throw new WeightsError('header-length', { file, length: headerLength, size: bytes.byteLength });
  }
  const header = parseHeader(bytes.subarray(8, 8 + headerLength), file);
  const dataStart = 8 + headerLength;
  const dataSize = bytes.byteLength - dataStart;

  const metadata = readMetadata(header.__metadata__, file);
  const entries: Entry[] = [];
  for (const [name, value] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    entries.push(readEntry(name, value, file, dataSize));
  }

  const needed = entries.reduce((m, e) => Math.max(m, e.end), 0);
  if (needed > dataSize) {
    throw new WeightsError('truncated', { file, expected: dataStart + needed, actual: bytes.byteLength });
  }
  const sorted = entries.filter((e) => e.end > e.begin).sort((a, b) => a.begin - b.begin);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].begin < sorted[i - 1].end) {
      throw new WeightsError('overlap', { file, tensor: sorted[i - 1].name, other: sorted[i].name });
    }
  }

  const tensors = new Map<string, SafetensorsTensor>();
  const quantized: { entry: Entry; q: Int8Array }[] = [];
  for (const e of entries) {
    const raw = bytes.subarray(dataStart + e.begin, dataStart + e.end);
    if (e.dtype === 'I8') quantized.push({ entry: e, q: new Int8Array(raw.slice().buffer) });
    else tensors.set(e.name, { dtype: e.dtype, shape: e.shape, data: decodeFloats(raw, e.dtype) });
  }
  for (const { entry, q } of quantized) {
    tensors.set(entry.name, { dtype: 'I8', shape: entry.shape, data: dequantize(entry, q, tensors, file) });
  }
  return { source, metadata, tensors };
}

/** An I8 tensor times its per-output-channel scales; the scale tensor is taken out of `tensors`. */
function dequantize(
  entry: Entry,
  q: Int8Array,
  tensors: Map<string, SafetensorsTensor>,
  file: string,
): Float32Array {
  const scaleName = scaleNameOf(entry.name);
  const scale = tensors.get(scaleName);
  const channels = entry.shape.length ? entry.shape[0] : 0;
  const ok =
    entry.shape.length > 0 &&
    scale !== undefined &&
    scale.dtype !== 'I8' &&
    scale.shape.length === 1 &&
    scale.shape[0] === channels &&
    scale.data.every((s) => Number.isFinite(s) && s >= 0);
  if (!ok) throw new WeightsError('scale', { file, tensor: entry.name, scale: scaleName, channels });
  tensors.delete(scaleName);
  return dequantizeInt8(q, scale.data);
}

function parseHeader(raw: Uint8Array, file: string): Record<string, unknown> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw new WeightsError('header-json', { file, reason: 'not UTF-8' });
  }
  let header: unknown;
  try {
    header = JSON.parse(text);
  } catch (e) {
    throw new WeightsError('header-json', { file, reason: e instanceof Error ? e.message : String(e) });
  }
  if (!isObject(header)) throw new WeightsError('header-json', { file, reason: 'not an object' });
  return header;
}

function readMetadata(value: unknown, file: string): Record<string, string> {
  if (value === undefined) return {};
  if (!isObject(value)) throw new WeightsError('metadata', { file, key: '__metadata__' });
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw new WeightsError('metadata', { file, key });
    out[key] = v;
  }
  return out;
}

function readEntry(name: string, value: unknown, file: string, dataSize: number): Entry {
  if (!isObject(value))
    throw new WeightsError('header-json', { file, reason: `entry ${name} is not an object` });
  const { dtype, shape, data_offsets: offsets } = value;
  if (!isStoredDtype(dtype)) throw new WeightsError('dtype', { file, tensor: name, dtype: String(dtype) });
  const count = Array.isArray(shape) && shape.every(isCount) ? product(shape) : NaN;
  if (!Number.isSafeInteger(count)) {
    throw new WeightsError('shape', { file, tensor: name, shape: JSON.stringify(shape) ?? 'undefined' });
  }
  const expected = count * storedDtypeSize[dtype];
  const ok = Array.isArray(offsets) && offsets.length === 2 && offsets.every(isCount);
  const [begin, end] = ok ? (offsets as number[]) : [NaN, NaN];
  if (!ok || end - begin !== expected) {
    throw new WeightsError('offsets', {
      file,
      tensor: name,
      begin: ok ? begin : '?',
      end: ok ? end : '?',
      expected,
      dataSize,
    });
  }
  return { name, dtype, shape: shape as number[], begin, end };
}

const product = (shape: readonly number[]): number => shape.reduce((p, n) => p * n, 1);

/**
 * Serialises tensors as safetensors (little-endian, header padded to 8 bytes). An I8 tensor's data are its
 * integers; its scales are a separate F32 tensor `<name>_scale`.
 */
export function writeSafetensors(
  tensors: Iterable<[string, { dtype: StoredDtype; shape: number[]; data: Float32Array }]>,
  metadata: Record<string, string> = {},
): Uint8Array {
  const header: Record<string, unknown> = {};
  if (Object.keys(metadata).length) header.__metadata__ = metadata;
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (const [name, t] of tensors) {
    if (t.data.length !== product(t.shape)) {
      throw new Error(
        `writeSafetensors: ${name} has ${t.data.length} values for shape ${formatShape(t.shape)}`,
      );
    }
    const raw = encodeStored(t.data, t.dtype);
    header[name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + raw.byteLength] };
    chunks.push(raw);
    offset += raw.byteLength;
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - (new TextEncoder().encode(json).byteLength % 8)) % 8);
  const head = new TextEncoder().encode(json);
  const out = new Uint8Array(8 + head.byteLength + offset);
  new DataView(out.buffer).setUint32(0, head.byteLength, true);
  out.set(head, 8);
  let at = 8 + head.byteLength;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export interface FetchWeightsOptions {
  /** called as bytes arrive; total is the Content-Length when the server sends one */
  onProgress?: (loaded: number, total: number | null) => void;
  /** a stalled download restarts (resumableFetch.ts): the restart, of at most how many */
  onRestart?: (restart: number, of: number) => void;
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
  /** hex SHA-256 of the file; a mismatch is a WeightsError 'integrity' */
  expectedSha256?: string;
  /** how long the download may go without a byte before it restarts (STALL_MS) */
  stallMs?: number;
}

/**
 * Downloads a file as bytes, streaming the body to report progress; a download that stalls restarts from where
 * it stopped (resumableFetch.ts).
 */
export async function fetchBytes(url: string, opts: FetchWeightsOptions = {}): Promise<Uint8Array> {
  const file = fileNameOf(url);
  let chunks: Uint8Array[] = [];
  let loaded = 0;
  let total: number | null = null;
  const res = await fetchResumable(url, {
    fetchImpl: opts.fetchImpl,
    signal: opts.signal,
    stallMs: opts.stallMs,
    onRestart: opts.onRestart,
    onResponse: (r) => {
      if (!r.ok) return;
      const header = Number(r.headers.get('content-length'));
      total = r.headers.get('content-length') !== null && isCount(header) ? header : null;
      if (total !== null && total > MAX_FILE_BYTES)
        throw new WeightsError('too-large', { file, size: total, max: MAX_FILE_BYTES });
      opts.onProgress?.(0, total);
    },
    onDiscard: () => {
      chunks = [];
      loaded = 0;
    },
    onChunk: (chunk) => {
      chunks.push(chunk);
      loaded += chunk.byteLength;
      if (loaded > MAX_FILE_BYTES)
        throw new WeightsError('too-large', { file, size: loaded, max: MAX_FILE_BYTES });
      opts.onProgress?.(loaded, total);
    },
  });
  if (!res.ok) throw new WeightsError('http', { file, status: res.status });
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  if (opts.expectedSha256) await verifySha256(bytes, opts.expectedSha256, file);
  return bytes;
}

/** Downloads, verifies (when a hash is given) and parses a safetensors file. */
export async function fetchSafetensors(
  url: string,
  opts: FetchWeightsOptions = {},
): Promise<SafetensorsFile> {
  return parseSafetensors(await fetchBytes(url, opts), fileNameOf(url));
}

/** Reads a user-chosen file (File or Blob). */
export async function readSafetensorsFile(blob: Blob, source?: string): Promise<SafetensorsFile> {
  const file = source ?? (blob as Blob & { name?: string }).name ?? 'file';
  if (blob.size > MAX_FILE_BYTES)
    throw new WeightsError('too-large', { file, size: blob.size, max: MAX_FILE_BYTES });
  return parseSafetensors(new Uint8Array(await blob.arrayBuffer()), file);
}
