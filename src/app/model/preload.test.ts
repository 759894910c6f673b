import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WeightsError } from '../../resnext/errors';
import { MODELS_URL } from './manifest';
import {
  claim,
  isPreloading,
  preload,
  preloadDefaultWeights,
  resetPreloads,
  takeVerified,
  type Hash,
} from './preload';

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

/** SHA-256 through node:crypto, counting the arrays it hashes. */
function countingHash() {
  const hashed: Uint8Array[] = [];
  const hash: Hash = (bytes) => {
    hashed.push(bytes);
    return Promise.resolve(createHash('sha256').update(bytes).digest('hex'));
  };
  return { hash, hashed };
}

const sha256Of = (...b: number[]) => createHash('sha256').update(new Uint8Array(b)).digest('hex');

const tick = () => new Promise((r) => setTimeout(r, 0));

afterEach(resetPreloads);

describe('preload', () => {
  it('hands the download under way to the loader, which follows what arrived and the rest', async () => {
    const f = feeder();
    preload('/models/m.safetensors', { fetchImpl: f.fetchImpl });
    f.push(1, 2);
    f.push(3);
    await tick();
    const seen: number[] = [];
    const loading = takeVerified('/models/m.safetensors', {
      onProgress: (loaded, total) => seen.push(loaded, total ?? -1),
    });
    await tick();
    f.push(4, 5, 6);
    f.end();
    expect([...(await loading)!]).toEqual([1, 2, 3, 4, 5, 6]);
    // what had arrived goes out as one report
    expect(seen).toEqual([0, 6, 3, 6, 6, 6]);
    expect(f.requests()).toBe(1);
    // had whole: the next request is a request of its own
    expect(isPreloading('/models/m.safetensors')).toBe(false);
    expect(await takeVerified('/models/m.safetensors')).toBeNull();
  });

  it('hashes the file once, and the loader and the offline copy get that one verified array', async () => {
    const f = feeder();
    const { hash, hashed } = countingHash();
    const sha256 = sha256Of(1, 2, 3, 4, 5, 6);
    const kept: Uint8Array[] = [];
    preload('/models/m.safetensors', {
      fetchImpl: f.fetchImpl,
      sha256,
      hash,
      onComplete: (b) => kept.push(b),
    });
    f.push(1, 2, 3);
    await tick();
    // the loader takes over midway, expecting the manifest's hash (the same one)
    const loading = takeVerified('/models/m.safetensors', { sha256: sha256.toUpperCase(), hash });
    f.push(4, 5, 6);
    f.end();
    const bytes = (await loading)!;
    await expect.poll(() => kept.length).toBe(1);
    expect([...bytes]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(kept[0]).toBe(bytes);
    expect(hashed).toEqual([bytes]);
  });

  it('a loader that comes after the end gets the array checked then, hashed no more', async () => {
    const f = feeder();
    const { hash, hashed } = countingHash();
    const kept: Uint8Array[] = [];
    preload('/models/m.safetensors', {
      fetchImpl: f.fetchImpl,
      sha256: sha256Of(1, 2, 3),
      hash,
      onComplete: (b) => kept.push(b),
    });
    f.push(1, 2, 3);
    f.end();
    await expect.poll(() => kept.length).toBe(1);
    const bytes = await takeVerified('/models/m.safetensors', { sha256: sha256Of(1, 2, 3), hash });
    expect(bytes).toBe(kept[0]);
    expect(hashed).toHaveLength(1);
  });

  it('a loader expecting another hash than the download was checked against checks it itself', async () => {
    const f = feeder();
    const { hash, hashed } = countingHash();
    preload('/models/m.safetensors', { fetchImpl: f.fetchImpl, hash });
    f.push(1, 2, 3);
    f.end();
    const err = await takeVerified('/models/m.safetensors', { sha256: sha256Of(9), hash }).catch((e) => e);
    expect(err).toBeInstanceOf(WeightsError);
    expect((err as WeightsError).code).toBe('integrity');
    expect(hashed).toHaveLength(1);
  });

  it('a file that does not hash as expected is neither kept nor handed out again', async () => {
    const f = feeder();
    const kept: Uint8Array[] = [];
    preload('/models/m.safetensors', {
      fetchImpl: f.fetchImpl,
      sha256: sha256Of(9, 9, 9),
      hash: countingHash().hash,
      onComplete: (b) => kept.push(b),
    });
    const loading = takeVerified('/models/m.safetensors');
    f.push(1, 2, 3);
    f.end();
    const err = await loading.catch((e) => e);
    expect((err as WeightsError).code).toBe('integrity');
    expect(kept).toEqual([]);
    expect(isPreloading('/models/m.safetensors')).toBe(false);
  });

  it('hands the whole file to onComplete, taken over or not', async () => {
    const f = feeder();
    const done: number[][] = [];
    preload('/models/m.safetensors', {
      fetchImpl: f.fetchImpl,
      onComplete: (bytes) => done.push([...bytes]),
    });
    f.push(1, 2, 3);
    f.push(4, 5, 6);
    f.end();
    await expect.poll(() => done).toEqual([[1, 2, 3, 4, 5, 6]]);
  });

  it('starts one download per address', () => {
    const f = feeder();
    preload('/models/m.safetensors', { fetchImpl: f.fetchImpl });
    preload('/models/m.safetensors', { fetchImpl: f.fetchImpl });
    expect(f.requests()).toBe(1);
  });

  it('a reader that gives up leaves the download for the next one', async () => {
    const f = feeder();
    preload('/models/m.safetensors', { fetchImpl: f.fetchImpl });
    const abort = new AbortController();
    const seen: number[] = [];
    const first = takeVerified('/models/m.safetensors', {
      signal: abort.signal,
      onProgress: (loaded) => seen.push(loaded),
    });
    f.push(1, 2, 3);
    await expect.poll(() => seen).toEqual([0, 3]);
    abort.abort();
    await expect(first).rejects.toBeDefined();
    f.push(4, 5, 6);
    f.end();
    const second = await takeVerified('/models/m.safetensors');
    expect([...second!]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('a failed download reaches its reader as a network error and is not handed out again', async () => {
    const f = feeder();
    preload('/models/m.safetensors', { fetchImpl: f.fetchImpl });
    const loading = takeVerified('/models/m.safetensors');
    f.push(1);
    f.fail(new Error('connection reset'));
    const err = await loading.catch((e) => e);
    expect(err).toBeInstanceOf(WeightsError);
    expect((err as WeightsError).code).toBe('network');
    expect(isPreloading('/models/m.safetensors')).toBe(false);
  });

  it('an error status goes to the reader with its status', async () => {
    const f = feeder(404);
    preload('/models/m.safetensors', { fetchImpl: f.fetchImpl });
    const err = await takeVerified('/models/m.safetensors').catch((e) => e);
    expect((err as WeightsError).code).toBe('http');
    expect((err as WeightsError).params).toMatchObject({ status: 404 });
    expect(isPreloading('/models/m.safetensors')).toBe(false);
  });

  it('the default weights: the page preloads them once, unless the loader began its own download first', () => {
    vi.stubEnv('VITE_DEFAULT_WEIGHTS', 'default.safetensors');
    vi.stubEnv('VITE_DEFAULT_WEIGHTS_SHA256', '');
    const asked: string[] = [];
    vi.stubGlobal('fetch', (url: string) => {
      asked.push(String(url));
      return new Promise<Response>(() => {});
    });
    try {
      const url = `${MODELS_URL}default.safetensors`;
      preloadDefaultWeights('');
      preloadDefaultWeights('');
      expect(asked).toEqual([url]);
      expect(isPreloading(url)).toBe(true);
      resetPreloads();
      asked.length = 0;
      // the loader found nothing to take over and downloads the file itself
      claim(url);
      preloadDefaultWeights('');
      expect(asked).toEqual([]);
      expect(isPreloading(url)).toBe(false);
    } finally {
      vi.unstubAllEnvs();
      vi.unstubAllGlobals();
    }
  });
});
