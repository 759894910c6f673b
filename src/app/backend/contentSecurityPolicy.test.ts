import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CSP_DIRECTIVES,
  HEADERS_FILE_PATH,
  headerPolicy,
  headersFile,
  hostHeaders,
  metaPolicy,
  parseHeadersFile,
} from './contentSecurityPolicy';

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

  it('public/_headers sends the <meta> policy plus frame-ancestors, and cross-origin isolation, to every file', () => {
    const shipped = readFileSync(new URL('../../../public/_headers', import.meta.url), 'utf8');
    // regenerate: npx tsx -e "import{headersFile as h}from'./src/app/backend/contentSecurityPolicy';import{writeFileSync as w}from'node:fs';w('public/_headers',h())"
    expect(shipped).toBe(headersFile());
    const rules = parseHeadersFile(shipped);
    expect([...rules.keys()]).toEqual([HEADERS_FILE_PATH]);
    const headers = rules.get(HEADERS_FILE_PATH)!;
    expect(headers).toEqual(hostHeaders());
    const sent = directives(headers['Content-Security-Policy']);
    // every directive of the <meta> tag, the same sources, and frame-ancestors on top
    for (const [name, sources] of directives(metaPolicy())) expect(sent.get(name), name).toEqual(sources);
    expect([...sent.keys()]).toEqual([...Object.keys(CSP_DIRECTIVES), 'frame-ancestors']);
    expect(headers).toMatchObject({
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
  });

  it('leaves header-only directives out of the <meta> policy', () => {
    expect(directives(metaPolicy()).has('frame-ancestors')).toBe(false);
    expect(metaPolicy()).not.toMatch(/[<>"]/);
  });
});
