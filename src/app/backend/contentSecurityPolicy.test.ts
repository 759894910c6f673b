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
import {
  INLINE_SCRIPTS,
  inlineScript,
  inlineScriptFile,
  inlineScriptSources,
  scriptHashSource,
} from '../startup/inlineScripts';

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
        if (s.startsWith("'sha256-")) continue;
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

  it('runs no inline script but those the build writes into the head, each by its hash', () => {
    const hashes = [...directives(headerPolicy())].flatMap(([name, sources]) =>
      sources.filter((s) => s.startsWith("'sha256-")).map((s) => `${name} ${s}`),
    );
    expect(hashes).toEqual(inlineScriptSources().map((s) => `script-src ${s}`));
    expect(hashes).toHaveLength(Object.keys(INLINE_SCRIPTS).length);
  });

  it("each inline script's hash is the SHA-256 of its file's bytes, and no other text's", async () => {
    for (const name of Object.keys(INLINE_SCRIPTS) as (keyof typeof INLINE_SCRIPTS)[]) {
      const digest = new Uint8Array(
        await crypto.subtle.digest('SHA-256', readFileSync(inlineScriptFile(name))),
      );
      expect(scriptHashSource(inlineScript(name)), name).toBe(
        `'sha256-${btoa(String.fromCharCode(...digest))}'`,
      );
      expect(scriptHashSource(`${inlineScript(name)} `)).not.toBe(scriptHashSource(inlineScript(name)));
    }
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
