import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../resnext/modelManifest';
import { expectedBytes, withExpectedTotal } from './downloadTotal';
import { CUSTOM_MODEL_ID, DEFAULT_MODEL_ID } from './modelCatalog';

const SHA = 'b'.repeat(64);
const manifest = parseManifest({
  default: 'resnext29_32x4d.safetensors',
  files: [
    { path: 'resnext29_32x4d.f16.safetensors', bytes: 500, sha256: SHA },
    { path: 'resnext29_32x4d.safetensors', bytes: 1000, sha256: SHA },
    { path: 'family/resnext29_8x14d.safetensors', bytes: 70, sha256: SHA },
  ],
});

describe('expectedBytes', () => {
  it('is the size of the file the model downloads: for the default model, the manifest’s default copy', () => {
    // the catalogue lists the int8 copy first, but the manifest's default (float32 here) is what loads
    expect(expectedBytes(DEFAULT_MODEL_ID, manifest)).toBe(1000);
    expect(expectedBytes('family_8x14d', manifest)).toBe(70);
  });

  it('is unknown without a manifest, for a file it does not list, for the reader’s own weights', () => {
    expect(expectedBytes(DEFAULT_MODEL_ID, null)).toBeNull();
    expect(expectedBytes('family_1x64d', manifest)).toBeNull();
    expect(expectedBytes(CUSTOM_MODEL_ID, manifest)).toBeNull();
    expect(expectedBytes('no-such-model', manifest)).toBeNull();
  });

  it('gives the shipped manifest’s size for the default model', () => {
    const shipped = parseManifest(
      JSON.parse(readFileSync(new URL('../../../public/models/manifest.json', import.meta.url), 'utf8')),
    );
    const entry = shipped.files.find((f) => f.path === shipped.default);
    expect(expectedBytes(DEFAULT_MODEL_ID, shipped)).toBe(entry?.bytes);
    expect(expectedBytes(DEFAULT_MODEL_ID, shipped)).toBeGreaterThan(1_000_000);
  });
});

describe('withExpectedTotal', () => {
  it('fills in the manifest’s size while the download has reported no total (0 of total at the start)', () => {
    expect(withExpectedTotal({ loaded: 0, total: null }, 1000)).toEqual({ loaded: 0, total: 1000 });
    expect(withExpectedTotal({ loaded: 300, total: null }, 1000)).toEqual({ loaded: 300, total: 1000 });
  });

  it('keeps a total the download reported, and stays as it is without an expected size or a download', () => {
    expect(withExpectedTotal({ loaded: 10, total: 900 }, 1000)).toEqual({ loaded: 10, total: 900 });
    expect(withExpectedTotal({ loaded: 0, total: null }, null)).toEqual({ loaded: 0, total: null });
    expect(withExpectedTotal(null, 1000)).toBeNull();
  });
});
