import { describe, expect, it } from 'vitest';
import { WeightsError } from './errors';
import { fetchResumable, rangeStart } from './resumableFetch';

const FILE = new Uint8Array(1000).map((_, i) => i % 251);

interface Plan {
  /** bytes sent before the body stops (null: the whole rest, then the end) */
  stallAfter: number | null;
  /** whether the server answers a Range request with 206 */
  ranges: boolean;
}

/**
 * A server for one file: each request follows the next plan (the last one repeats); a body that stalls sends
 * its bytes, then nothing, until the request is aborted.
 */
function fakeServer(plans: Plan[]) {
  const requests: { range: string | null; ifRange: string | null }[] = [];
  const fetchImpl = (async (_url: string, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const range = headers.get('range');
    requests.push({ range, ifRange: headers.get('if-range') });
    const plan = plans[Math.min(requests.length - 1, plans.length - 1)];
    const from = range && plan.ranges ? Number(/bytes=(\d+)-/.exec(range)?.[1]) : 0;
    const rest = FILE.subarray(from);
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        const n = plan.stallAfter === null ? rest.length : Math.min(plan.stallAfter, rest.length);
        for (let at = 0; at < n; at += 100) c.enqueue(rest.slice(at, Math.min(n, at + 100)));
        if (plan.stallAfter === null) c.close();
        init?.signal?.addEventListener('abort', () => c.error(init.signal?.reason));
      },
    });
    const partial = from > 0;
    return new Response(body, {
      status: partial ? 206 : 200,
      headers: {
        etag: '"v1"',
        'content-length': String(rest.length),
        ...(partial ? { 'content-range': `bytes ${from}-${FILE.length - 1}/${FILE.length}` } : {}),
      },
    });
  }) as typeof fetch;
  return { fetchImpl, requests };
}

async function download(plans: Plan[], extra: { maxRestarts?: number; signal?: AbortSignal } = {}) {
  const server = fakeServer(plans);
  let chunks: Uint8Array[] = [];
  const restarts: number[] = [];
  let discards = 0;
  const result = fetchResumable('https://example.test/models/w.safetensors', {
    fetchImpl: server.fetchImpl,
    stallMs: 30,
    onChunk: (c) => chunks.push(c),
    onDiscard: () => {
      discards += 1;
      chunks = [];
    },
    onRestart: (n) => restarts.push(n),
    ...extra,
  });
  const joined = async () => {
    const res = await result;
    const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.byteLength;
    }
    return { res, bytes: out };
  };
  return { joined, server, restarts, discards: () => discards };
}

describe('fetchResumable', () => {
  it('reads an unbroken download once', async () => {
    const d = await download([{ stallAfter: null, ranges: true }]);
    const { res, bytes } = await d.joined();
    expect(res.status).toBe(200);
    expect(bytes).toEqual(FILE);
    expect(d.server.requests).toHaveLength(1);
    expect(d.restarts).toEqual([]);
  });

  it('resumes a stalled download from where it stopped (Range, If-Range)', async () => {
    const d = await download([
      { stallAfter: 300, ranges: true },
      { stallAfter: null, ranges: true },
    ]);
    const { res, bytes } = await d.joined();
    expect(res.status).toBe(200);
    expect(bytes).toEqual(FILE);
    expect(d.server.requests).toEqual([
      { range: null, ifRange: null },
      { range: 'bytes=300-', ifRange: '"v1"' },
    ]);
    expect(d.restarts).toEqual([1]);
    expect(d.discards()).toBe(0);
  });

  it('starts again from the start where the server does not resume ranges', async () => {
    const d = await download([
      { stallAfter: 300, ranges: false },
      { stallAfter: null, ranges: false },
    ]);
    const { bytes } = await d.joined();
    expect(bytes).toEqual(FILE);
    expect(d.restarts).toEqual([1]);
    expect(d.discards()).toBe(1);
  });

  it('resumes twice and still joins the bytes in order', async () => {
    const d = await download([
      { stallAfter: 200, ranges: true },
      { stallAfter: 500, ranges: true },
      { stallAfter: null, ranges: true },
    ]);
    const { bytes } = await d.joined();
    expect(bytes).toEqual(FILE);
    expect(d.server.requests.map((r) => r.range)).toEqual([null, 'bytes=200-', 'bytes=700-']);
    expect(d.restarts).toEqual([1, 2]);
  });

  it('gives up with WeightsError "stalled" after the last restart', async () => {
    const d = await download([{ stallAfter: 100, ranges: true }], { maxRestarts: 2 });
    const error = await d.joined().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WeightsError);
    expect((error as WeightsError).code).toBe('stalled');
    expect((error as WeightsError).params).toMatchObject({ restarts: 2 });
    expect(d.server.requests).toHaveLength(3);
    expect(d.restarts).toEqual([1, 2]);
  });

  it('stops at once when the reader aborts, without restarting', async () => {
    const abort = new AbortController();
    const d = await download([{ stallAfter: 100, ranges: true }], { signal: abort.signal });
    setTimeout(() => abort.abort(new Error('left the page')), 5);
    await expect(d.joined()).rejects.toThrow('left the page');
    expect(d.restarts).toEqual([]);
    expect(d.server.requests).toHaveLength(1);
  });

  it('reads the first byte of a Content-Range', () => {
    const res = (v: string) => new Response(null, { status: 206, headers: { 'content-range': v } });
    expect(rangeStart(res('bytes 300-999/1000'))).toBe(300);
    expect(rangeStart(res('bytes 0-9/*'))).toBe(0);
    expect(rangeStart(res('items 1-2/3'))).toBeNull();
  });
});
