import { afterEach, describe, expect, it } from 'vitest';
import { fetchBytes } from '../../resnext/safetensors';
import { isPreloading, preload, resetPreloads, take } from './preload';

/** A fetch whose response body the test feeds chunk by chunk. */
function feeder(status = 200) {
  let push!: (c: Uint8Array) => void;
  let end!: () => void;
  let fail!: (e: Error) => void;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      push = (x) => c.enqueue(x);
      end = () => c.close();
      fail = (e) => c.error(e);
    },
  });
  let requests = 0;
  const fetchImpl = (() => {
    requests++;
    return Promise.resolve(
      new Response(status === 200 ? body : null, { status, headers: { 'Content-Length': '6' } }),
    );
  }) as typeof fetch;
  return {
    fetchImpl,
    push: (...b: number[]) => push(new Uint8Array(b)),
    end: () => end(),
    fail: (e: Error) => fail(e),
    requests: () => requests,
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

afterEach(resetPreloads);

describe('preload', () => {
  it('hands the download under way to the loader, which reads what arrived and follows the rest', async () => {
    const f = feeder();
    preload('/models/m.safetensors', f.fetchImpl);
    f.push(1, 2);
    f.push(3);
    await tick();
    const seen: number[] = [];
    const loading = fetchBytes('/models/m.safetensors', {
      fetchImpl: (async (u: string, init?: RequestInit) =>
        take(u, init?.signal ?? undefined)) as typeof fetch,
      onProgress: (loaded, total) => seen.push(loaded, total ?? -1),
    });
    await tick();
    f.push(4, 5, 6);
    f.end();
    expect([...(await loading)]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(seen).toEqual([0, 6, 3, 6, 6, 6]);
    expect(f.requests()).toBe(1);
    // read whole: the next request is a request of its own
    expect(isPreloading('/models/m.safetensors')).toBe(false);
    expect(await take('/models/m.safetensors')).toBeNull();
  });

  it('hands the whole file to onComplete, taken over or not', async () => {
    const f = feeder();
    const done: number[][] = [];
    preload('/models/m.safetensors', f.fetchImpl, (bytes) => done.push([...bytes]));
    f.push(1, 2, 3);
    f.push(4, 5, 6);
    f.end();
    await expect.poll(() => done).toEqual([[1, 2, 3, 4, 5, 6]]);
  });

  it('starts one download per address', () => {
    const f = feeder();
    preload('/models/m.safetensors', f.fetchImpl);
    preload('/models/m.safetensors', f.fetchImpl);
    expect(f.requests()).toBe(1);
  });

  it('a reader that gives up leaves the download for the next one', async () => {
    const f = feeder();
    preload('/models/m.safetensors', f.fetchImpl);
    const abort = new AbortController();
    const first = (await take('/models/m.safetensors', abort.signal))!;
    const reader = first.body!.getReader();
    f.push(1, 2, 3);
    await reader.read();
    abort.abort();
    await expect(reader.read()).rejects.toBeDefined();
    f.push(4, 5, 6);
    f.end();
    const second = await take('/models/m.safetensors');
    expect([...new Uint8Array(await second!.arrayBuffer())]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('a failed download reaches its reader as an error and is not handed out again', async () => {
    const f = feeder();
    preload('/models/m.safetensors', f.fetchImpl);
    const res = (await take('/models/m.safetensors'))!;
    f.push(1);
    f.fail(new Error('connection reset'));
    await expect(res.arrayBuffer()).rejects.toThrow('connection reset');
    expect(isPreloading('/models/m.safetensors')).toBe(false);
  });

  it('an error status goes to the reader as it came', async () => {
    const f = feeder(404);
    preload('/models/m.safetensors', f.fetchImpl);
    await expect(
      fetchBytes('/models/m.safetensors', { fetchImpl: ((u: string) => take(u)) as typeof fetch }),
    ).rejects.toThrow();
    expect(isPreloading('/models/m.safetensors')).toBe(false);
  });
});
