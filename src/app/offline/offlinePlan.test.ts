import { describe, expect, it } from 'vitest';
import { cleanupScript, offlinePlan } from './offlinePlan';

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
  it('precaches the small files and the manifest, each revised by its hash, and no weights', () => {
    const plan = offlinePlan(manifest, 'e'.repeat(64));
    expect(plan.precache).toEqual([
      { url: 'models/metrics.json', revision: 'b'.repeat(64) },
      { url: 'models/manifest.json', revision: 'e'.repeat(64) },
    ]);
  });

  it("writes a worker script that deletes other releases' weights caches on activation, keeping its own", async () => {
    const plan = offlinePlan(manifest, 'e'.repeat(64));
    const names = ['resnext-weights-old', plan.weightsCache, 'workbox-precache-v2', 'resnext-weights-older'];
    const deleted: string[] = [];
    let activate: ((e: { waitUntil(p: Promise<unknown>): void }) => void) | null = null;
    let pending: Promise<unknown> = Promise.resolve();
    const self = { addEventListener: (_: string, f: typeof activate) => (activate = f) };
    const caches = {
      keys: () => Promise.resolve(names),
      delete: (n: string) => Promise.resolve(deleted.push(n) > 0),
    };
    new Function('self', 'caches', cleanupScript(plan))(self, caches);
    activate!({ waitUntil: (p) => (pending = p) });
    await pending;
    expect(deleted).toEqual(['resnext-weights-old', 'resnext-weights-older']);
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
