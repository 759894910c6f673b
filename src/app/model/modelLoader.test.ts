import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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

beforeEach(() => {
  requests = [];
  kept = [];
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
});
