import { describe, expect, it } from 'vitest';
import { headerPolicy, metaPolicy } from './contentSecurityPolicy';

const directives = (policy: string) =>
  new Map(
    policy.split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );

describe('Content-Security-Policy', () => {
  it('allows no other origin anywhere', () => {
    for (const [name, sources] of directives(headerPolicy())) {
      for (const s of sources) {
        expect(`${name} ${s}`).toMatch(/ ('self'|'none'|'wasm-unsafe-eval'|'unsafe-inline'|blob:|data:)$/);
      }
    }
  });

  it('falls back to the own origin and forbids plugins, base changes and framing', () => {
    const p = directives(headerPolicy());
    expect(p.get('default-src')).toEqual(["'self'"]);
    expect(p.get('object-src')).toEqual(["'none'"]);
    expect(p.get('base-uri')).toEqual(["'none'"]);
    expect(p.get('frame-ancestors')).toEqual(["'none'"]);
    // scripts: the own files and WASM compilation, never eval of JavaScript
    expect(p.get('script-src')).not.toContain("'unsafe-eval'");
    expect(p.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('leaves header-only directives out of the <meta> policy', () => {
    expect(directives(metaPolicy()).has('frame-ancestors')).toBe(false);
    expect(metaPolicy()).not.toMatch(/[<>"]/);
  });
});
