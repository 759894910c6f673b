import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSections, replaceSections, SECTIONS, type SectionStamp } from './record';

const root = path.resolve(import.meta.dirname, '../..');
const stamp = (date: string, sha256: string): SectionStamp => ({
  date,
  defaultModel: { path: 'm.safetensors', bytes: 1, sha256 },
});

describe('bench/results.json sections', () => {
  it('replaces a section whole and keeps the others with their own date and model', () => {
    const old = {
      bench: { ...stamp('2026-01-01T00:00:00.000Z', 'a'), rows: [1, 2] },
      network: { ...stamp('2026-01-01T00:00:00.000Z', 'a'), results: [1], extra: true },
    };
    const fresh = { network: { ...stamp('2026-02-02T00:00:00.000Z', 'b'), results: [2] } };
    expect(replaceSections(old, fresh)).toEqual({ bench: old.bench, network: fresh.network });
  });

  it('reads only sections that say when and on which model they were measured', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'bench-')), 'results.json');
    writeFileSync(
      file,
      JSON.stringify({ date: 'x', rows: [], network: { results: [] }, bench: stamp('undated', 'c') }),
    );
    expect(readSections(file)).toEqual({ bench: stamp('undated', 'c') });
    expect(readSections(path.join(path.dirname(file), 'missing.json'))).toEqual({});
  });

  it('the committed record: every section dated (or marked undated) with the default model’s sha256', () => {
    const sections = readSections(path.join(root, 'bench/results.json'));
    expect(Object.keys(sections).sort()).toEqual([...SECTIONS].sort());
    for (const [name, s] of Object.entries(sections)) {
      expect(s.date === 'undated' || !Number.isNaN(Date.parse(s.date)), `${name}: ${s.date}`).toBe(true);
      expect(s.defaultModel.sha256, name).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});
