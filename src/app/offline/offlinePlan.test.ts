import { describe, expect, it } from 'vitest';
import { offlinePlan } from './offlinePlan';

const manifest = {
  default: 'm.i8.safetensors',
  files: [
    { path: 'family/a.safetensors', sha256: 'a'.repeat(64) },
    { path: 'metrics.json', sha256: 'b'.repeat(64) },
    { path: 'm.i8.safetensors', sha256: 'c'.repeat(64) },
    { path: 'm.safetensors', sha256: 'd'.repeat(64) },
  ],
};

describe('offlinePlan', () => {
  it('precaches the default weights, the small files and the manifest, each revised by its hash', () => {
    const plan = offlinePlan(manifest, 'e'.repeat(64));
    expect(plan.precache).toEqual([
      { url: 'models/metrics.json', revision: 'b'.repeat(64) },
      { url: 'models/m.i8.safetensors', revision: 'c'.repeat(64) },
      { url: 'models/manifest.json', revision: 'e'.repeat(64) },
    ]);
  });

  it('names the runtime weights cache after the manifest, so a new release uses a new cache', () => {
    expect(offlinePlan(manifest, 'e'.repeat(64)).weightsCache).not.toBe(
      offlinePlan(manifest, 'f'.repeat(64)).weightsCache,
    );
  });

  it('matches weights files under any base path, and nothing else', () => {
    const { runtimePattern } = offlinePlan(manifest, 'e'.repeat(64));
    expect(runtimePattern.test('/models/family/a.safetensors')).toBe(true);
    expect(runtimePattern.test('/resnext-explorer/models/m.safetensors')).toBe(true);
    expect(runtimePattern.test('/models/manifest.json')).toBe(false);
    expect(runtimePattern.test('/assets/index.js')).toBe(false);
  });
});
