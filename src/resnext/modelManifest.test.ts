import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModelFromManifest } from './modelFromManifest';
import { manifestFileUrl, parseManifest } from './modelManifest';
import { setupNodeBackend } from './node/setupBackend';

const DIR = 'public/models';
const manifestJson = () => JSON.parse(readFileSync(`${DIR}/manifest.json`, 'utf8')) as unknown;

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const rel = prefix ? `${prefix}/${name}` : name;
    return statSync(path.join(dir, name)).isDirectory() ? filesUnder(path.join(dir, name), rel) : [rel];
  });
}

/** Serves public/models/ under https://x.test/models/, without Content-Length; `tamper` flips one byte. */
function localFetch(tamper?: string): typeof fetch {
  return async (input) => {
    const url = String(input);
    const rel = url.replace('https://x.test/models/', '');
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(path.join(DIR, rel)));
    } catch {
      return new Response('not found', { status: 404 });
    }
    if (rel === tamper) bytes[bytes.length - 1] ^= 1;
    return new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]).stream());
  };
}

describe('public/models/manifest.json', () => {
  it('lists every shipped file with its current size and SHA-256 (npm run manifest)', () => {
    const manifest = parseManifest(manifestJson());
    const onDisk = filesUnder(DIR).filter((f) => f !== 'manifest.json');
    expect(manifest.files.map((f) => f.path).sort()).toEqual(onDisk.sort());
    for (const f of manifest.files) {
      const bytes = readFileSync(path.join(DIR, f.path));
      expect(bytes.length, f.path).toBe(f.bytes);
      expect(createHash('sha256').update(bytes).digest('hex'), f.path).toBe(f.sha256);
    }
  });

  it('ships default weights of at most 10 MB, plus the five family members', () => {
    const manifest = parseManifest(manifestJson());
    const def = manifest.files.find((f) => f.path === manifest.default)!;
    expect(def.bytes).toBeLessThanOrEqual(10_000_000);
    const family = manifest.files.filter(
      (f) => f.path.startsWith('family/') && f.path.endsWith('.safetensors'),
    );
    expect(family.map((f) => f.name).sort()).toEqual(
      ['resnext29_1x64d', 'resnext29_2x40d', 'resnext29_4x24d', 'resnext29_8x14d', 'resnext29_32x4d'].sort(),
    );
  });

  it('rejects malformed manifests', () => {
    const good = { default: 'a', files: [{ path: 'a', bytes: 1, sha256: 'a'.repeat(64) }] };
    expect(parseManifest(good).default).toBe('a');
    expect(() => parseManifest({ ...good, default: 'b' })).toThrow(/default/);
    expect(() => parseManifest({ default: 'a', files: [{ path: 'a', bytes: 1, sha256: 'xyz' }] })).toThrow(
      /sha256/,
    );
    expect(() => parseManifest([])).toThrow(/files/);
  });

  it('resolves entries against the manifest folder', () => {
    expect(manifestFileUrl('/base/models/manifest.json?v=2', 'family/x.safetensors')).toBe(
      '/base/models/family/x.safetensors',
    );
  });
});

describe('loadModelFromManifest', () => {
  beforeAll(() => setupNodeBackend('cpu'));

  it('loads the default weights, checking the hash and reporting progress against the listed size', async () => {
    const before = tf.memory().numTensors;
    const seen: [number, number | null][] = [];
    const { model, entry } = await loadModelFromManifest('https://x.test/models/manifest.json', undefined, {
      fetchImpl: localFetch(),
      onProgress: (loaded, total) => seen.push([loaded, total]),
    });
    expect(entry.path).toBe(parseManifest(manifestJson()).default);
    expect(model.meta.name).toBe('resnext29_32x4d');
    expect(seen.at(-1)).toEqual([entry.bytes, entry.bytes]);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses weights whose bytes changed', async () => {
    const path = 'family/resnext29_2x40d.safetensors';
    await expect(
      loadModelFromManifest('https://x.test/models/manifest.json', path, { fetchImpl: localFetch(path) }),
    ).rejects.toMatchObject({ code: 'integrity', params: { file: 'resnext29_2x40d.safetensors' } });
  });

  it('names an entry the manifest does not have', async () => {
    await expect(
      loadModelFromManifest('https://x.test/models/manifest.json', 'nope.safetensors', {
        fetchImpl: localFetch(),
      }),
    ).rejects.toMatchObject({ code: 'manifest' });
  });
});
