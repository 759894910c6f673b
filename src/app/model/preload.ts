/**
 * The default weights start downloading as soon as the page's JavaScript runs (src/main.tsx), before the
 * backend is ready and before any section asks for the model; the loader (fetchShippedFile) then takes over
 * that download instead of requesting the file again. (An HTML <link rel=preload> failed in Chromium with
 * ERR_CACHE_WRITE_FAILURE for a file this size, so this is done from script.)
 *
 * A download is read into memory as it arrives, so it never stalls for want of a reader. When it ends, its
 * pieces are joined into one array and that array is hashed, once: the same verified bytes go to the
 * offline cache (`onComplete`) and to the reader that takes the download over (`takeVerified`), who follows
 * the progress of what has arrived until then. It is handed out until one reader has it whole, then
 * forgotten.
 */

import { WeightsError } from '../../resnext/errors';
import { fileNameOf, sha256Hex, verifySha256, type Hash } from '../../resnext/integrity';
import { fetchResumable } from '../../resnext/resumableFetch';
import { testStallMs } from './stallTimeout';
import { keepForOffline } from '../offline/weightsCache';
import { parseState } from '../state/appState';
import { MODELS_URL } from './manifest';
import { DEFAULT_MODEL_ID } from './modelCatalog';

export type { Hash };

interface Download {
  url: string;
  /** the pieces as they arrived; once the download ends, views of `file`'s one array */
  chunks: Uint8Array[];
  /** the Content-Length, when the response gives one */
  total: number | null;
  /** null until the response arrives */
  response: Response | null;
  ended: boolean;
  error: unknown;
  /** hex SHA-256 the bytes are checked against when the download ends */
  sha256: string | undefined;
  /** the whole file, joined and checked once; null until the download ends */
  file: Promise<Uint8Array> | null;
  /** wakes readers waiting for the response, a chunk, the end or an error */
  wake: Set<() => void>;
  /** how many times the download stalled and restarted (resumableFetch.ts) */
  restarts: number;
  /** set when a restart began again from the start: readers count what has arrived from zero */
  discarded: boolean;
}

const downloads = new Map<string, Download>();

const absolute = (url: string): string =>
  typeof document === 'undefined' ? url : new URL(url, document.baseURI).href;

function notify(d: Download): void {
  const waiting = [...d.wake];
  d.wake.clear();
  for (const w of waiting) w();
}

export interface PreloadOptions {
  fetchImpl?: typeof fetch;
  /** hex SHA-256 the file must have; checked once, when the download ends */
  sha256?: string;
  /** the hash function (Web Crypto's SHA-256 unless a test counts its calls) */
  hash?: Hash;
  /**
   * The whole file, once it has arrived with a success status and hashes as `sha256` says, whether or not a
   * reader took the download over: the very array the reader gets.
   */
  onComplete?: (bytes: Uint8Array) => void;
}

/** Joins the pieces into one array and checks its hash (once). */
async function finish(d: Download, hash: Hash): Promise<Uint8Array> {
  const bytes = concat(d.chunks);
  // the pieces become views of the joined array, so the download holds one copy
  let at = 0;
  d.chunks = d.chunks.map((c) => bytes.subarray(at, (at += c.byteLength)));
  if (d.sha256) await verifySha256(bytes, d.sha256, fileNameOf(d.url), hash);
  return bytes;
}

/**
 * Starts downloading `url` (once; a later call for the same address does nothing). `onComplete` gets the
 * whole file once it has arrived with a success status (and the hash `sha256` names), whether or not a
 * reader took the download over.
 */
export function preload(url: string, options: PreloadOptions = {}): void {
  const { fetchImpl = globalThis.fetch.bind(globalThis), sha256, hash = sha256Hex, onComplete } = options;
  const href = absolute(url);
  if (downloads.has(href)) return;
  const d: Download = {
    url: href,
    chunks: [],
    total: null,
    response: null,
    ended: false,
    error: null,
    sha256,
    file: null,
    wake: new Set(),
    restarts: 0,
    discarded: false,
  };
  downloads.set(href, d);
  const forget = () => {
    if (downloads.get(href) === d) downloads.delete(href);
  };
  const fail = (e: unknown) => {
    d.error = e ?? new Error('download failed');
    // a failed download is not handed out again: the next request starts afresh
    forget();
    notify(d);
  };
  // a stalled download restarts from where it stopped (resumableFetch.ts); readers see the restarts
  fetchResumable(href, {
    fetchImpl,
    stallMs: testStallMs(),
    onResponse: (res) => {
      const length = res.headers.get('content-length');
      d.total = length !== null && Number.isSafeInteger(Number(length)) ? Number(length) : null;
      d.response = res;
      // an error status is handed to one reader, then the next request starts afresh
      if (!res.ok) forget();
      notify(d);
    },
    onChunk: (chunk) => {
      d.chunks.push(chunk);
      notify(d);
    },
    onDiscard: () => {
      d.chunks = [];
      d.discarded = true;
    },
    onRestart: (restart) => {
      d.restarts = restart;
      notify(d);
    },
  })
    .then(async (res) => {
      if (!res.ok) {
        d.ended = true;
        notify(d);
        return;
      }
      d.file = finish(d, hash);
      // a file that fails its check is not handed out again
      d.file.catch(forget);
      d.ended = true;
      notify(d);
      onComplete?.(await d.file);
    }, fail)
    .catch((e: unknown) => {
      if (!d.ended) fail(e);
    });
}

/** Whether a download of `url` started by `preload` can still be taken over. */
export const isPreloading = (url: string): boolean => downloads.has(absolute(url));

/** Files the loader found no download of to take over, and downloads itself: the page's preload leaves them be. */
const claimed = new Set<string>();

/**
 * Says that the loader downloads `url` itself (`isPreloading(url)` was false when it asked), so that a
 * preload of the default weights that comes after it does not download the same file a second time.
 */
export function claim(url: string): void {
  claimed.add(absolute(url));
}

function waitFor(d: Download, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      d.wake.delete(wake);
      reject(signal?.reason);
    };
    const wake = () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    };
    d.wake.add(wake);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface TakeOptions {
  /** hex SHA-256 the reader expects; hashed again only when the download was not checked against it */
  sha256?: string;
  /**
   * bytes arrived so far and the Content-Length: at once, then as more arrive (what has arrived at once), with
   * how many times the download has stalled and restarted
   */
  onProgress?: (loaded: number, total: number | null, restarts: number) => void;
  /** stops this reader only: the download goes on for the next one */
  signal?: AbortSignal;
  hash?: Hash;
}

/**
 * Takes over the preloaded download of `url`: follows its progress and returns the whole file, joined and
 * checked once by the download itself (the array `onComplete` gets too). Null when there is none to take
 * over. Fails as a download of the loader's own would: WeightsError 'network', 'http' or 'integrity'.
 */
export async function takeVerified(url: string, options: TakeOptions = {}): Promise<Uint8Array | null> {
  const { sha256, onProgress, signal, hash = sha256Hex } = options;
  const href = absolute(url);
  const d = downloads.get(href);
  if (!d) return null;
  const file = fileNameOf(href);
  const asWeightsError = (e: unknown) =>
    signal?.aborted || e instanceof WeightsError ? e : new WeightsError('network', { file });
  while (!d.response) {
    if (d.error) throw asWeightsError(d.error);
    await waitFor(d, signal);
  }
  if (!d.response.ok) {
    if (downloads.get(href) === d) downloads.delete(href);
    throw new WeightsError('http', { file, status: d.response.status });
  }
  // what has arrived goes out as one report, at once and then on each wake-up
  let counted = 0;
  let loaded = 0;
  let restarts = 0;
  const report = () => {
    if (d.discarded) {
      d.discarded = false;
      counted = 0;
      loaded = 0;
    }
    if (counted === d.chunks.length && restarts === d.restarts) return;
    for (; counted < d.chunks.length; counted++) loaded += d.chunks[counted].byteLength;
    restarts = d.restarts;
    onProgress?.(loaded, d.total, restarts);
  };
  onProgress?.(0, d.total, 0);
  for (;;) {
    signal?.throwIfAborted();
    report();
    if (d.file) break;
    if (d.error) throw asWeightsError(d.error);
    await waitFor(d, signal);
  }
  const bytes = await d.file;
  signal?.throwIfAborted();
  // had whole: the bytes now belong to this reader
  if (downloads.get(href) === d) downloads.delete(href);
  if (sha256 && sha256.toLowerCase() !== d.sha256?.toLowerCase())
    await verifySha256(bytes, sha256, file, hash);
  return bytes;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/**
 * Starts the default model's weights when the address asks for the default model (the file is the
 * manifest's `default`, and its hash, known at build time: see vite.config.ts). Called once, first thing, by
 * src/main.tsx. Once they have arrived and hash as the manifest says they are kept for offline use, even
 * when no section has asked for the model yet.
 */
export function preloadDefaultWeights(search = globalThis.location?.search ?? '', hash?: Hash): void {
  const file = import.meta.env.VITE_DEFAULT_WEIGHTS as string | undefined;
  const sha256 = import.meta.env.VITE_DEFAULT_WEIGHTS_SHA256 as string | undefined;
  if (!file || parseState(search).model !== DEFAULT_MODEL_ID) return;
  const url = `${MODELS_URL}${file}`;
  // the loader came first (a section asked for the model before the first figure had painted)
  if (claimed.has(absolute(url))) return;
  preload(url, {
    // unchecked bytes are never kept: without a hash there is nothing to keep
    sha256: sha256 || undefined,
    hash,
    onComplete: (bytes) => {
      if (sha256) void keepForOffline(url, bytes);
    },
  });
}

/** Forgets every download (tests). */
export function resetPreloads(): void {
  downloads.clear();
  claimed.clear();
}
