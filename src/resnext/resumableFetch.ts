/**
 * A download that does not stall for ever: when no byte arrives for `stallMs`, the request is aborted and made
 * again, from where it stopped (`Range: bytes=N-`, with `If-Range` when the first response named a validator)
 * where the server answers 206 for that range, else from the start. After `maxRestarts` restarts the download
 * fails with WeightsError 'stalled'.
 */
import { MAX_RESTARTS, STALL_MS } from './downloadLimits';
import { WeightsError } from './errors';
import { fileNameOf } from './integrity';

export interface ResumableOptions {
  fetchImpl?: typeof fetch;
  signal?: AbortSignal;
  stallMs?: number;
  maxRestarts?: number;
  /** The first response, before its body is read; the download reads no body when it is not ok. */
  onResponse?: (response: Response) => void;
  /** Each piece of the body, in order, across restarts. */
  onChunk: (chunk: Uint8Array) => void;
  /** A restart from the start (the server did not resume the range): the pieces so far are to be dropped. */
  onDiscard?: () => void;
  /** A stall was seen and the download restarts: `restart` of at most `of`; `resumed` when from where it stopped. */
  onRestart?: (restart: number, of: number) => void;
}

/** The first byte of a 206 response's Content-Range (`bytes 100-199/200` → 100), or null. */
export function rangeStart(response: Response): number | null {
  const m = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(response.headers.get('content-range') ?? '');
  return m ? Number(m[1]) : null;
}

class Stalled extends Error {}

/**
 * Downloads `url`, handing each piece to `onChunk` as it arrives, and resolves with the first response once the
 * body has ended (or at once when that response is not ok). Fails with WeightsError 'network', 'http' (a resumed
 * request answered with an error status) or 'stalled', or with the abort reason when `signal` aborts.
 */
export async function fetchResumable(url: string, options: ResumableOptions): Promise<Response> {
  const {
    fetchImpl = globalThis.fetch.bind(globalThis),
    signal,
    stallMs = STALL_MS,
    maxRestarts = MAX_RESTARTS,
    onResponse,
    onChunk,
    onDiscard,
    onRestart,
  } = options;
  const file = fileNameOf(url);
  let first: Response | null = null;
  let validator: string | null = null;
  let received = 0;
  let restarts = 0;
  for (;;) {
    signal?.throwIfAborted();
    const attempt = new AbortController();
    const onAbort = () => attempt.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    let stalled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const alive = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        stalled = true;
        attempt.abort(new Stalled());
      }, stallMs);
    };
    try {
      alive();
      const headers: Record<string, string> = {};
      if (received > 0) {
        headers.Range = `bytes=${received}-`;
        if (validator) headers['If-Range'] = validator;
      }
      let res: Response;
      try {
        res = await fetchImpl(url, { signal: attempt.signal, headers });
      } catch (e) {
        if (stalled) throw new Stalled();
        if (signal?.aborted) throw e;
        throw new WeightsError('network', { file });
      }
      alive();
      if (!first) {
        first = res;
        // If-Range compares strongly: a weak ETag cannot serve, a date can
        const etag = res.headers.get('etag');
        validator = etag && !etag.startsWith('W/') ? etag : res.headers.get('last-modified');
        onResponse?.(res);
        if (!res.ok) return res;
      } else if (received > 0 && res.status === 206 && rangeStart(res) === received) {
        // resumed where it stopped
      } else if (res.status === 200) {
        if (received > 0) onDiscard?.();
        received = 0;
      } else {
        throw new WeightsError('http', { file, status: res.status });
      }
      if (!res.body) {
        const bytes = new Uint8Array(await res.arrayBuffer());
        received += bytes.byteLength;
        onChunk(bytes);
        return first;
      }
      const reader = res.body.getReader();
      for (;;) {
        let step: ReadableStreamReadResult<Uint8Array>;
        try {
          step = await reader.read();
        } catch (e) {
          if (stalled) throw new Stalled();
          if (signal?.aborted) throw e;
          throw new WeightsError('network', { file });
        }
        if (step.done) return first;
        alive();
        received += step.value.byteLength;
        onChunk(step.value);
      }
    } catch (e) {
      if (!(e instanceof Stalled)) throw e;
      restarts += 1;
      if (restarts > maxRestarts)
        throw new WeightsError('stalled', { file, seconds: stallMs / 1000, restarts: maxRestarts });
      onRestart?.(restarts, maxRestarts);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      // a body left unread (an error, a stall) is let go of
      attempt.abort();
    }
  }
}
