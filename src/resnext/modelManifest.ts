// No TensorFlow.js here: the app reads the manifest (sizes for the progress bar) while tfjs still loads.
import { WeightsError } from './errors';
import { fileNameOf } from './safetensors';

/** One file under public/models/, path relative to the manifest. */
export interface ManifestEntry {
  path: string;
  bytes: number;
  /** lowercase hex SHA-256 */
  sha256: string;
  /** for weights files: the model name from the file's metadata */
  name?: string;
  /** for weights files: storage dtype of the weights (F32, F16, BF16) */
  dtype?: string;
}

export interface ModelManifest {
  /** path of the weights the explorer loads first */
  default: string;
  files: ManifestEntry[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validates a parsed manifest.json; a WeightsError 'manifest' names what is wrong. */
export function parseManifest(json: unknown, file = 'manifest.json'): ModelManifest {
  const fail = (reason: string) => new WeightsError('manifest', { file, reason });
  if (!isRecord(json) || !Array.isArray(json.files)) throw fail('no files list');
  const files = json.files.map((e, i): ManifestEntry => {
    if (!isRecord(e) || typeof e.path !== 'string' || !e.path) throw fail(`entry ${i} has no path`);
    if (typeof e.bytes !== 'number' || !Number.isSafeInteger(e.bytes) || e.bytes < 0)
      throw fail(`${e.path}: bytes`);
    if (typeof e.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(e.sha256)) throw fail(`${e.path}: sha256`);
    const entry: ManifestEntry = { path: e.path, bytes: e.bytes, sha256: e.sha256 };
    if (typeof e.name === 'string') entry.name = e.name;
    if (typeof e.dtype === 'string') entry.dtype = e.dtype;
    return entry;
  });
  if (typeof json.default !== 'string' || !files.some((f) => f.path === json.default)) {
    throw fail('default is not one of its files');
  }
  return { default: json.default, files };
}

export async function fetchManifest(
  url: string,
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
): Promise<ModelManifest> {
  const file = fileNameOf(url);
  let res: Response;
  try {
    res = await fetchImpl(url);
  } catch {
    throw new WeightsError('network', { file });
  }
  if (!res.ok) throw new WeightsError('http', { file, status: res.status });
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new WeightsError('manifest', { file, reason: 'not JSON' });
  }
  return parseManifest(json, file);
}

/** URL of a manifest entry: its path resolved against the manifest's folder. */
export const manifestFileUrl = (manifestUrl: string, path: string): string =>
  manifestUrl.split(/[?#]/)[0].replace(/[^/]*$/, '') + path;
