/*
 * bench/results.json as sections, each from one run and saying when and on which default model it was
 * measured: `bench` (npm run bench: backends, convolutions, forms, app start-up) and `network` (the cold first
 * predictions over emulated networks, written by npm run bench and by npm run bench:network) and `phone` (each
 * section's first figure under the phone profile: npm run bench and npm run bench -- --only phone). A run replaces
 * the sections it measured, whole, and leaves the others as they were, with their own date and model.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const SECTIONS = ['bench', 'network', 'phone'] as const;
export type SectionName = (typeof SECTIONS)[number];

/** The weights file the app served by default when a section was measured. */
export interface DefaultModelStamp {
  /** path in public/models/ */
  path: string;
  bytes: number | null;
  sha256: string;
}

export interface SectionStamp {
  /** ISO time the run wrote the section, or "undated" for rows kept from a run that recorded none */
  date: string;
  defaultModel: DefaultModelStamp;
  /** how the stamp was established when the run itself did not write it */
  note?: string;
}

export type BenchResults = Partial<Record<SectionName, SectionStamp & Record<string, unknown>>>;

interface Manifest {
  default: string;
  files: { path: string; bytes: number; sha256?: string }[];
}

/** The default model as public/models/manifest.json names it, with the sha256 of the file on disk. */
export function defaultModelStamp(root: string): DefaultModelStamp {
  const models = path.join(root, 'public/models');
  const manifest = JSON.parse(readFileSync(path.join(models, 'manifest.json'), 'utf8')) as Manifest;
  const entry = manifest.files.find((f) => f.path === manifest.default);
  const sha256 = createHash('sha256')
    .update(readFileSync(path.join(models, manifest.default)))
    .digest('hex');
  if (entry?.sha256 && entry.sha256 !== sha256)
    throw new Error(`${manifest.default}: sha256 ${sha256} differs from the manifest's ${entry.sha256}`);
  return { path: manifest.default, bytes: entry?.bytes ?? null, sha256 };
}

/** The sections already in `file` (none when it is missing, not JSON or not in sections). */
export function readSections(file: string): BenchResults {
  if (!existsSync(file)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
  const out: BenchResults = {};
  if (parsed && typeof parsed === 'object')
    for (const name of SECTIONS) {
      const s = (parsed as Record<string, unknown>)[name];
      if (isSection(s)) out[name] = s;
    }
  return out;
}

function isSection(s: unknown): s is SectionStamp & Record<string, unknown> {
  if (!s || typeof s !== 'object') return false;
  const { date, defaultModel } = s as Partial<SectionStamp>;
  return (
    typeof date === 'string' &&
    !!defaultModel &&
    typeof defaultModel.path === 'string' &&
    typeof defaultModel.sha256 === 'string'
  );
}

/** `old` with the sections of `fresh` in place of its own, whole (nothing of an old section is kept). */
export function replaceSections(old: BenchResults, fresh: BenchResults): BenchResults {
  const out: BenchResults = {};
  for (const name of SECTIONS) {
    const s = fresh[name] ?? old[name];
    if (s) out[name] = s;
  }
  return out;
}
