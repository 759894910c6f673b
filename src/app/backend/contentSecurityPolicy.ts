import type { Plugin } from 'vite';
import { inlineScriptSources } from '../startup/inlineScripts';

/*
 * The production build's Content-Security-Policy (used by vite.config.ts, not by the app). The app runs
 * offline from its own origin: everything it loads or connects to is 'self', plus what TensorFlow.js needs.
 * - the classic scripts written into index.html's head (the section preload, the first paint), each by its
 *   hash (src/app/startup/inlineScripts.ts); no other inline script runs.
 * - 'wasm-unsafe-eval': compiling the WASM backend's binaries.
 * - blob: scripts and workers: the multi-threaded WASM backend starts its workers from a blob: URL and
 *   each worker imports the Emscripten factory from another blob: URL.
 * - blob:/data: images and fetches: decoded uploads, canvas snapshots, object URLs of the reader's files.
 * - 'unsafe-inline' styles: style attributes that React and D3 set on elements.
 * The development server gets none of this, so Vite's hot reload keeps working.
 */

export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", ...inlineScriptSources(), "'wasm-unsafe-eval'", 'blob:'],
  'worker-src': ["'self'", 'blob:'],
  'connect-src': ["'self'", 'blob:', 'data:'],
  'img-src': ["'self'", 'blob:', 'data:'],
  'media-src': ["'self'", 'blob:'],
  'font-src': ["'self'", 'data:'],
  'style-src': ["'self'", "'unsafe-inline'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/** Directives a <meta> policy may not carry: browsers honour them only in an HTTP header. */
const HEADER_ONLY_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'frame-ancestors': ["'none'"],
};

function policyText(directives: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** The policy for the <meta> tag of the built index.html. */
export const metaPolicy = (): string => policyText(CSP_DIRECTIVES);

/** The policy for the Content-Security-Policy header of a server that serves the build. */
export const headerPolicy = (): string => policyText({ ...CSP_DIRECTIVES, ...HEADER_ONLY_DIRECTIVES });

/**
 * Cross-origin isolation: lets the WASM backend use threads (SharedArrayBuffer). Only an HTTP header can
 * carry these (the development and preview servers send them; a static host must: public/_headers).
 */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Every header a server of the build sends with every file: the policy (framing included) and isolation. */
export const hostHeaders = (): Record<string, string> => ({
  'Content-Security-Policy': headerPolicy(),
  ...ISOLATION_HEADERS,
});

/** The path pattern of the `_headers` file's one rule: every file of the site. */
export const HEADERS_FILE_PATH = '/*';

/**
 * public/_headers (Netlify and Cloudflare Pages read it; other hosts: README), written from the same
 * directives as the <meta> tag; a unit test keeps the committed file equal to this.
 */
export function headersFile(): string {
  const lines = Object.entries(hostHeaders()).map(([name, value]) => `  ${name}: ${value}`);
  return `# Generated from src/app/backend/contentSecurityPolicy.ts (headersFile); do not edit by hand.\n${HEADERS_FILE_PATH}\n${lines.join('\n')}\n`;
}

/** The headers a `_headers` file gives each path pattern (comments and blank lines skipped). */
export function parseHeadersFile(text: string): Map<string, Record<string, string>> {
  const rules = new Map<string, Record<string, string>>();
  let current: Record<string, string> | null = null;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = {};
      rules.set(line.trim(), current);
      continue;
    }
    const colon = line.indexOf(':');
    if (!current || colon < 0) throw new Error(`_headers: cannot read the line "${line}"`);
    current[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return rules;
}

/** Puts the policy into the built index.html right after <meta charset>, before anything it governs. */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'resnext-explorer:content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const charset = /<meta charset="[^"]*"\s*\/?>/i;
        if (!charset.test(html)) throw new Error('content-security-policy: index.html has no <meta charset>');
        const tag = `<meta http-equiv="Content-Security-Policy" content="${metaPolicy()}" />`;
        return html.replace(charset, (meta) => `${meta}\n    ${tag}`);
      },
    },
  };
}
