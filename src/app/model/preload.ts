/**
 * The default weights start downloading as soon as the page's JavaScript runs (src/main.tsx), before the
 * backend is ready and before any section asks for the model; the loader (fetchShippedFile) then takes over
 * that download instead of requesting the file again. (An HTML <link rel=preload> failed in Chromium with
 * ERR_CACHE_WRITE_FAILURE for a file this size, so this is done from script.)
 *
 * A download is read into memory as it arrives, so it never stalls for want of a reader; `take` hands it out
 * as a Response whose body replays what has arrived and follows the rest, so the loader reports progress as
 * for any other response. It is handed out until one reader has read it whole, then forgotten.
 */

import { keepForOffline } from '../offline/weightsCache';
import { parseState } from '../state/appState';
import { MODELS_URL } from './manifest';
import { DEFAULT_MODEL_ID } from './modelCatalog';

interface Download {
  url: string;
  chunks: Uint8Array[];
  /** null until the response arrives */
  response: Response | null;
  ended: boolean;
  error: unknown;
  /** wakes readers waiting for the response, a chunk, the end or an error */
  wake: Set<() => void>;
}

const downloads = new Map<string, Download>();

const absolute = (url: string): string =>
  typeof document === 'undefined' ? url : new URL(url, document.baseURI).href;

function notify(d: Download): void {
  const waiting = [...d.wake];
  d.wake.clear();
  for (const w of waiting) w();
}

/**
 * Starts downloading `url` (once; a later call for the same address does nothing). `onComplete` gets the
 * whole file once it has arrived with a success status, whether or not a reader took the download over.
 */
export function preload(
  url: string,
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
  onComplete?: (bytes: Uint8Array) => void,
): void {
  const href = absolute(url);
  if (downloads.has(href)) return;
  const d: Download = { url: href, chunks: [], response: null, ended: false, error: null, wake: new Set() };
  downloads.set(href, d);
  const fail = (e: unknown) => {
    d.error = e ?? new Error('download failed');
    // a failed download is not handed out again: the next request starts afresh
    if (downloads.get(href) === d) downloads.delete(href);
    notify(d);
  };
  fetchImpl(href)
    .then(async (res) => {
      d.response = res;
      notify(d);
      if (!res.ok || !res.body) {
        if (res.ok) d.chunks.push(new Uint8Array(await res.arrayBuffer()));
        // an error status is handed to one reader, then the next request starts afresh
        else if (downloads.get(href) === d) downloads.delete(href);
        d.ended = true;
        notify(d);
        return;
      }
      const reader = res.body.getReader();
      for (;;) {
        const step = await reader.read();
        if (step.done) break;
        d.chunks.push(step.value);
        notify(d);
      }
      d.ended = true;
      notify(d);
      onComplete?.(concat(d.chunks));
    }, fail)
    .catch(fail);
}

/** Whether a download of `url` started by `preload` can still be taken over. */
export const isPreloading = (url: string): boolean => downloads.has(absolute(url));

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

/**
 * The preloaded download of `url` as a Response (status and headers of the real one), or null when there is
 * none to take over. Aborting `signal` stops this reader only: the download goes on for the next one.
 */
export async function take(url: string, signal?: AbortSignal): Promise<Response | null> {
  const href = absolute(url);
  const d = downloads.get(href);
  if (!d) return null;
  while (!d.response) {
    if (d.error) throw d.error;
    await waitFor(d, signal);
  }
  const res = d.response;
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        if (signal?.aborted) {
          controller.error(signal.reason);
          return;
        }
        if (next < d.chunks.length) {
          // what has arrived so far goes out as one piece
          const parts = d.chunks.slice(next);
          next = d.chunks.length;
          controller.enqueue(parts.length === 1 ? parts[0] : concat(parts));
          return;
        }
        if (d.ended) {
          // read whole: the bytes now belong to this reader
          if (downloads.get(href) === d) downloads.delete(href);
          controller.close();
          return;
        }
        if (d.error) {
          controller.error(d.error);
          return;
        }
        try {
          await waitFor(d, signal);
        } catch (e) {
          controller.error(e);
          return;
        }
      }
    },
  });
  return new Response(res.ok ? body : null, {
    status: res.status,
    statusText: res.statusText,
    headers: res.headers,
  });
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
 * manifest's `default`, known at build time: see vite.config.ts). Called once, first thing, by src/main.tsx.
 * Once they have arrived (and hash as the manifest says) they are kept for offline use, even when no
 * section has asked for the model yet.
 */
export function preloadDefaultWeights(search = globalThis.location?.search ?? ''): void {
  const file = import.meta.env.VITE_DEFAULT_WEIGHTS as string | undefined;
  const sha256 = import.meta.env.VITE_DEFAULT_WEIGHTS_SHA256 as string | undefined;
  if (!file || parseState(search).model !== DEFAULT_MODEL_ID) return;
  const url = `${MODELS_URL}${file}`;
  preload(url, undefined, (bytes) => {
    void (async () => {
      const { sha256Hex } = await import('../../resnext/safetensors');
      if (sha256 && (await sha256Hex(bytes)) === sha256) await keepForOffline(url, bytes);
    })().catch(() => undefined);
  });
}

/** Forgets every download (tests). */
export function resetPreloads(): void {
  downloads.clear();
}
