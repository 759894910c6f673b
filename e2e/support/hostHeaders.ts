import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { HEADERS_FILE_PATH, parseHeadersFile } from '../../src/app/backend/contentSecurityPolicy';

/*
 * The browser tests' server sends, with every file, the headers the build's own `_headers` file (from
 * public/_headers) tells a static host to send: the tests run under the policy and isolation a reader gets.
 */

/** The headers `_headers` in `outDir` gives every file. */
export function hostHeadersOf(outDir: string): Record<string, string> {
  const rules = parseHeadersFile(readFileSync(join(outDir, '_headers'), 'utf8'));
  const all = rules.get(HEADERS_FILE_PATH);
  if (!all || rules.size !== 1)
    throw new Error(`${outDir}/_headers: expected one rule, for ${HEADERS_FILE_PATH}`);
  return all;
}

export function hostHeaders(outDir: string): Plugin {
  const headers = hostHeadersOf(outDir);
  return {
    name: 'resnext-explorer:e2e-host-headers',
    configurePreviewServer: (server) =>
      void server.middlewares.use((_req, res, next) => {
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
        next();
      }),
  };
}
