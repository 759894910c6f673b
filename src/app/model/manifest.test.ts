import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../resnext/modelManifest';
import { resolveFile } from './manifest';
import { SHIPPED_MODELS } from './modelCatalog';

const SHA = 'a'.repeat(64);

describe('resolveFile', () => {
  const manifest = parseManifest({
    default: 'b.safetensors',
    files: [{ path: 'b.safetensors', bytes: 9, sha256: SHA }],
  });
  it('takes the first candidate the manifest lists, with its hash and size', () => {
    expect(resolveFile(['a.safetensors', 'b.safetensors'], manifest)).toEqual({
      path: 'b.safetensors',
      sha256: SHA,
      bytes: 9,
    });
  });
  it('falls back to the first candidate without a hash (the loader refuses it)', () => {
    expect(resolveFile(['c.safetensors'], manifest)).toEqual({
      path: 'c.safetensors',
      sha256: null,
      bytes: null,
    });
    expect(resolveFile(['c.safetensors'], null).sha256).toBeNull();
  });
});

describe('the shipped manifest', () => {
  // public/models/manifest.json comes with the weights; every model the app offers must be listed in it.
  const models = new URL('../../../public/models/', import.meta.url);
  it('lists every shipped model, with the size of the file on disk', () => {
    const manifest = parseManifest(JSON.parse(readFileSync(new URL('manifest.json', models), 'utf8')));
    for (const m of SHIPPED_MODELS) {
      const entry = resolveFile(m.candidates, manifest);
      expect(entry.sha256, m.id).toMatch(/^[0-9a-f]{64}$/);
      expect(readFileSync(new URL(entry.path, models)).byteLength, m.id).toBe(entry.bytes);
    }
    expect(SHIPPED_MODELS[0].candidates).toContain(manifest.default);
  });
});
