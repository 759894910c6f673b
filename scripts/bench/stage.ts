/*
 * What every bench run stands on: the builds (the app in dist/, the benchmark page in .cache/bench/dist/ with
 * onnxruntime-web and the exported ONNX file beside it), vite preview servers for them (COOP/COEP, so WASM
 * threads work) and headless Chromium.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

export const root = path.resolve(import.meta.dirname, '../..');
const cacheDir = path.join(root, '.cache/bench');
const benchDist = path.join(cacheDir, 'dist');
const onnxFile = path.join(cacheDir, 'resnext29_32x4d.onnx');
const BENCH_CONFIG = 'scripts/bench/vite.bench.config.ts';

function sh(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
}

interface ManifestJson {
  default: string;
  files: { path: string; bytes: number }[];
}
export const manifest = (): ManifestJson =>
  JSON.parse(readFileSync(path.join(root, 'public/models/manifest.json'), 'utf8')) as ManifestJson;

export const pkgVersion = (name: string): string =>
  (
    JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

/** Builds the app and, with `benchPage`, the benchmark page with onnxruntime-web and the ONNX model. */
export function build(benchPage: boolean): void {
  console.log(
    benchPage
      ? 'building the app (dist/) and the benchmark page (.cache/bench/dist/)…'
      : 'building the app (dist/)…',
  );
  sh('npx', ['vite', 'build', '--logLevel', 'warn']);
  if (!benchPage) return;
  sh('npx', ['vite', 'build', '--logLevel', 'warn', '--config', BENCH_CONFIG]);
  if (!existsSync(onnxFile)) {
    sh('/usr/bin/python3', ['training/export_onnx.py', 'public/models/' + manifest().default, onnxFile]);
  }
  // onnxruntime-web's scripts and binaries are served by the bench server itself, never from a CDN.
  const ortDir = path.join(benchDist, 'ort');
  mkdirSync(ortDir, { recursive: true });
  const ortDist = path.join(root, 'node_modules/onnxruntime-web/dist');
  for (const f of ['ort.wasm.min.mjs', 'ort-wasm-simd-threaded.mjs', 'ort-wasm-simd-threaded.wasm']) {
    copyFileSync(path.join(ortDist, f), path.join(ortDir, f));
  }
  copyFileSync(onnxFile, path.join(ortDir, 'resnext29_32x4d.onnx'));
}

interface Served {
  server: PreviewServer;
  url: string;
}

async function serve(outDir: string, configFile: string, port: number): Promise<Served> {
  const server = await preview({
    root,
    configFile: path.join(root, configFile),
    logLevel: 'warn',
    build: { outDir },
    preview: { port, strictPort: false, host: '127.0.0.1' },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview gave no URL');
  return { server, url: url.replace(/\/$/, '') };
}

export const serveApp = (): Promise<Served> => serve('dist', 'vite.config.ts', 4317);
export const serveBenchPage = (): Promise<Served> => serve(benchDist, BENCH_CONFIG, 4318);

const BASE_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export const launch = (extra: string[] = []): Promise<Browser> =>
  chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: [...BASE_ARGS, ...extra] });
