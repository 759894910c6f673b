/**
 * The unused-code check of `npm run lint` (knip.ts): run with the same rules on a small project of its own, it
 * passes on a clean one and fails on a planted unused export, an unused file and an unused dependency.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { rules } from '../knip';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const KNIP = join(ROOT, 'node_modules', '.bin', 'knip');

interface Fixture {
  files: Record<string, string>;
  dependencies?: Record<string, string>;
}

const CLEAN: Fixture = {
  files: {
    'src/main.ts': "import { used } from './used';\nconsole.log(used);\n",
    'src/used.ts': 'export const used = 1;\n',
  },
};

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** Runs knip with the project's rules on the fixture; its exit status and report. */
function knipOn(fixture: Fixture): Promise<{ code: number; out: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'knip-fixture-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(fixture.files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const pkg = { name: 'fixture', private: true, type: 'module', dependencies: fixture.dependencies ?? {} };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg));
  writeFileSync(
    join(dir, 'knip.json'),
    JSON.stringify({ entry: ['src/main.ts'], project: ['src/**/*.ts'], rules }),
  );
  return new Promise((done) => {
    execFile(KNIP, ['--directory', dir, '--no-progress', '--no-config-hints'], (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      done({ code, out: stdout + stderr });
    });
  });
}

describe('the unused-code check', () => {
  it('passes on a project with nothing unused', async () => {
    const r = await knipOn(CLEAN);
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  });

  it('fails on an export no other module uses', async () => {
    const r = await knipOn({
      files: { ...CLEAN.files, 'src/used.ts': 'export const used = 1;\nexport const planted = 2;\n' },
    });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Unused exports[\s\S]*planted/);
  });

  it('fails on an exported type no other module uses', async () => {
    const r = await knipOn({
      files: { ...CLEAN.files, 'src/used.ts': 'export const used = 1;\nexport type Planted = number;\n' },
    });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Unused exported types[\s\S]*Planted/);
  });

  it('fails on a file nothing imports', async () => {
    const r = await knipOn({ files: { ...CLEAN.files, 'src/orphan.ts': 'export const orphan = 1;\n' } });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Unused files[\s\S]*src\/orphan\.ts/);
  });

  it('fails on a dependency nothing imports', async () => {
    const r = await knipOn({ ...CLEAN, dependencies: { 'left-pad': '1.3.0' } });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Unused dependencies[\s\S]*left-pad/);
  });
});
