import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WeightsError } from '../../resnext/errors';
import { DEFAULT_MODEL_ID, shippedModel } from './modelCatalog';
import { fetchShippedFile } from './modelLoader';
import { preloadDefaultWeights, resetPreloads } from './preload';

/*
 * The default weights taken over from the download started with the page: one request, one SHA-256 of the
 * 4.9 MB, one copy in the weights cache. Web Crypto's digest is counted wherever it is called from.
 */

const MODELS = new URL('../../../public/models/', import.meta.url);
const manifestText = readFileSync(new URL('manifest.json', MODELS), 'utf8');
const manifest = JSON.parse(manifestText) as { default: string; files: { path: string; sha256: string }[] };
const defaultBytes = new Uint8Array(readFileSync(new URL(manifest.default, MODELS)));
const defaultSha = manifest.files.find((f) => f.path === manifest.default)!.sha256;

let requests: string[];
let kept: { url: string; bytes: number }[];
/** what the weights cache held and had deleted */
let cached: Set<string>;
let deleted: string[];

beforeEach(() => {
  requests = [];
  kept = [];
  cached = new Set();
  deleted = [];
  vi.stubEnv('VITE_DEFAULT_WEIGHTS', manifest.default);
  vi.stubEnv('VITE_DEFAULT_WEIGHTS_SHA256', defaultSha);
  vi.stubEnv('VITE_WEIGHTS_CACHE', 'weights-test');
  vi.stubGlobal('fetch', (input: string) => {
    requests.push(input);
    if (input.endsWith('manifest.json')) return Promise.resolve(new Response(manifestText));
    if (input.endsWith(manifest.default))
      return Promise.resolve(
        new Response(defaultBytes.slice(), { headers: { 'Content-Length': String(defaultBytes.length) } }),
      );
    return Promise.resolve(new Response(null, { status: 404 }));
  });
  vi.stubGlobal('caches', {
    open: () =>
      Promise.resolve({
        match: () => Promise.resolve(undefined),
        put: async (url: string, res: Response) => {
          kept.push({ url, bytes: (await res.arrayBuffer()).byteLength });
        },
        delete: (url: string) => {
          deleted.push(url);
          return Promise.resolve(cached.delete(url));
        },
      }),
  });
});

afterEach(() => {
  resetPreloads();
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('fetchShippedFile', () => {
  it('takes over the preloaded default weights: one request, hashed once, kept once', async () => {
    const digest = vi.spyOn(globalThis.crypto.subtle, 'digest');
    preloadDefaultWeights('');
    const file = await fetchShippedFile(shippedModel(DEFAULT_MODEL_ID)!, () => undefined);
    expect(file.tensors.size).toBeGreaterThan(0);
    await expect.poll(() => kept.length).toBe(1);
    expect(kept[0]).toEqual({ url: `/models/${manifest.default}`, bytes: defaultBytes.length });
    expect(requests.filter((r) => r.endsWith('.safetensors'))).toHaveLength(1);
    expect(digest).toHaveBeenCalledTimes(1);
  });

  it('downloads, hashes once and keeps once when nothing was preloaded', async () => {
    const digest = vi.spyOn(globalThis.crypto.subtle, 'digest');
    await fetchShippedFile(shippedModel(DEFAULT_MODEL_ID)!, () => undefined);
    await expect.poll(() => kept.length).toBe(1);
    expect(requests.filter((r) => r.endsWith('.safetensors'))).toHaveLength(1);
    expect(digest).toHaveBeenCalledTimes(1);
  });

  it('a cached copy that fails its hash is deleted, and the file downloaded again from the network', async () => {
    const url = `/models/${manifest.default}`;
    cached.add(url);
    const tampered = defaultBytes.slice();
    tampered[1000] ^= 0x40;
    let served = 0;
    vi.stubGlobal('fetch', (input: string) => {
      requests.push(input);
      if (input.endsWith('manifest.json')) return Promise.resolve(new Response(manifestText));
      // the first answer is the bad copy (the service worker's cache), the next the network's
      return Promise.resolve(new Response(served++ === 0 ? tampered : defaultBytes.slice()));
    });
    preloadDefaultWeights('');
    const file = await fetchShippedFile(shippedModel(DEFAULT_MODEL_ID)!, () => undefined);
    expect(file.tensors.size).toBeGreaterThan(0);
    expect(deleted).toEqual([url]);
    expect(requests.filter((r) => r.endsWith('.safetensors'))).toHaveLength(2);
  });

  it('bad bytes with no cached copy fail at once, with nothing downloaded again', async () => {
    const tampered = defaultBytes.slice();
    tampered[1000] ^= 0x40;
    vi.stubGlobal('fetch', (input: string) => {
      requests.push(input);
      return Promise.resolve(
        input.endsWith('manifest.json') ? new Response(manifestText) : new Response(tampered),
      );
    });
    const err = await fetchShippedFile(shippedModel(DEFAULT_MODEL_ID)!, () => undefined).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'integrity' });
    expect(deleted).toHaveLength(1);
    expect(requests.filter((r) => r.endsWith('.safetensors'))).toHaveLength(1);
  });

  it('refuses a file the manifest does not list, before downloading it', async () => {
    const family = shippedModel('family_1x64d')!;
    const unlisted = { ...family, candidates: ['family/not-listed.safetensors'] };
    const err = await fetchShippedFile(unlisted, () => undefined).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WeightsError);
    expect(err).toMatchObject({ code: 'unlisted', params: { file: 'not-listed.safetensors' } });
    expect(requests.filter((r) => r.endsWith('.safetensors'))).toEqual([]);
  });

  it('without Web Crypto (an insecure context) still verifies: the good file loads, a changed one is refused', async () => {
    vi.stubGlobal('crypto', {});
    const file = await fetchShippedFile(shippedModel(DEFAULT_MODEL_ID)!, () => undefined);
    expect(file.tensors.size).toBeGreaterThan(0);
    const tampered = defaultBytes.slice();
    tampered[tampered.length - 1] ^= 1;
    vi.stubGlobal('fetch', (input: string) =>
      Promise.resolve(input.endsWith('manifest.json') ? new Response(manifestText) : new Response(tampered)),
    );
    const err = await fetchShippedFile(shippedModel(DEFAULT_MODEL_ID)!, () => undefined).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'integrity', params: { expected: defaultSha } });
  });
});
