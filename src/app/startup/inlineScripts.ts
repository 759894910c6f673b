import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * The classic scripts the build writes into the head of index.html (used by the build's plugins and the
 * Content-Security-Policy, not by the app): inline, so that nothing is fetched before the page can start on
 * its first screen and its section's chunks, and each allowed by its hash alone.
 */

const here = path.dirname(fileURLToPath(import.meta.url));

/** Each inline script and its file. */
export const INLINE_SCRIPTS = {
  // asks for the address's section's chunks (sectionPreloadPlugin.ts)
  sectionPreload: 'sectionPreloadScript.js',
  // shows the first paint (firstPaint/firstPaintPlugin.ts)
  firstPaint: 'firstPaint/firstPaintScript.js',
} as const;

export type InlineScript = keyof typeof INLINE_SCRIPTS;

/** The script's file. */
export const inlineScriptFile = (name: InlineScript): string => path.join(here, INLINE_SCRIPTS[name]);

/** The script's text, exactly as it goes between `<script>` and `</script>`. */
export const inlineScript = (name: InlineScript): string => readFileSync(inlineScriptFile(name), 'utf8');

/** The `script-src` source that allows that text and no other. */
export const scriptHashSource = (text: string): string =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The `script-src` sources of every inline script. */
export const inlineScriptSources = (): string[] =>
  (Object.keys(INLINE_SCRIPTS) as InlineScript[]).map((name) => scriptHashSource(inlineScript(name)));
