/**
 * Where the CIFAR-10 binary test set is (Node: tests, scripts, `npm run eval`). Python twin: training/cifar_data.py.
 *
 * In order:
 *   1. `CIFAR10_DIR`: a folder holding `test_batch.bin`, or one holding `cifar-10-batches-bin/`;
 *   2. `../shared/datasets/cifar10/` beside the repository, when present;
 *   3. `.cache/cifar10/cifar-10-batches-bin/`, downloaded on first use from the dataset's official address,
 *      verified by its published MD5 and extracted (the archive is removed afterwards).
 * Offline, the error says what to download, where to put it and which variable to set.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const CIFAR10_URL = 'https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz';
const CIFAR10_MD5 = 'c32a1d4ab5d03f1284b67883e8d87530';
/** The folder the official archive unpacks to. */
const CIFAR10_BATCHES = 'cifar-10-batches-bin';
const CIFAR10_TEST_FILE = 'test_batch.bin';

/** The repository's root (this file is src/resnext/node/cifarData.ts). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

type CifarSource = 'env' | 'shared' | 'cache' | 'download';

export interface CifarLocation {
  /** the folder holding test_batch.bin */
  dir: string;
  testBatch: string;
  source: CifarSource;
}

export interface LocateOptions {
  /** environment to read CIFAR10_DIR from (default process.env) */
  env?: Record<string, string | undefined>;
  /** the shared data folder (default ../shared/datasets/cifar10 beside the repository) */
  sharedDir?: string;
  /** where a download goes (default .cache/cifar10 in the repository) */
  cacheDir?: string;
  url?: string;
  md5?: string;
  /** progress lines (default: stderr) */
  log?: (line: string) => void;
}

export type CifarDataErrorCode = 'env-empty' | 'offline' | 'checksum' | 'archive';

/** A data problem explained for a person: `message` holds what to do; no stack is shown for it. */
export class CifarDataError extends Error {
  constructor(
    readonly code: CifarDataErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CifarDataError';
    // The message is the whole story; a stack of this module's frames would only hide it.
    this.stack = `${this.name}: ${message}`;
  }
}

const DEFAULT_SHARED = resolve(REPO_ROOT, '../shared/datasets/cifar10');
const DEFAULT_CACHE = join(REPO_ROOT, '.cache/cifar10');

const isFile = (p: string) => existsSync(p) && statSync(p).isFile();

/** The folder holding test_batch.bin in `dir` or in `dir/cifar-10-batches-bin`, or null. */
function batchesIn(dir: string): string | null {
  for (const d of [dir, join(dir, CIFAR10_BATCHES)])
    if (isFile(join(d, CIFAR10_TEST_FILE))) return resolve(d);
  return null;
}

const located = (dir: string, source: CifarSource): CifarLocation => ({
  dir,
  testBatch: join(dir, CIFAR10_TEST_FILE),
  source,
});

function howToGetIt(cacheDir: string, url: string): string {
  return [
    `Download ${url} (about 163 MB) and either`,
    `  - unpack it into ${cacheDir} (giving ${join(cacheDir, CIFAR10_BATCHES, CIFAR10_TEST_FILE)}), or`,
    `  - unpack it anywhere and set CIFAR10_DIR to the folder holding ${CIFAR10_BATCHES}/ (or ${CIFAR10_TEST_FILE}).`,
  ].join('\n');
}

/** Without downloading: CIFAR10_DIR, the shared folder or the cache; null when none holds the data. */
export function findCifar10(opts: LocateOptions = {}): CifarLocation | null {
  const env = opts.env ?? process.env;
  const cacheDir = opts.cacheDir ?? DEFAULT_CACHE;
  const fromEnv = env.CIFAR10_DIR;
  if (fromEnv) {
    const dir = batchesIn(resolve(fromEnv));
    if (!dir) {
      throw new CifarDataError(
        'env-empty',
        `CIFAR10_DIR=${fromEnv} holds neither ${CIFAR10_TEST_FILE} nor ${CIFAR10_BATCHES}/${CIFAR10_TEST_FILE}.\n` +
          howToGetIt(cacheDir, opts.url ?? CIFAR10_URL),
      );
    }
    return located(dir, 'env');
  }
  const shared = batchesIn(opts.sharedDir ?? DEFAULT_SHARED);
  if (shared) return located(shared, 'shared');
  const cached = batchesIn(cacheDir);
  return cached ? located(cached, 'cache') : null;
}

/** Streams `url` into `file`, returning the MD5 (hex) of what was written; progress every 10%. */
async function download(url: string, file: string, log: (line: string) => void): Promise<string> {
  const res = await fetch(url);
  if (!res.ok || !res.body) throw new Error(`HTTP ${res.status} ${res.statusText}`);
  const total = Number(res.headers.get('content-length')) || 0;
  const hash = createHash('md5');
  const out = createWriteStream(file);
  let got = 0;
  let shown = -1;
  for await (const chunk of Readable.fromWeb(
    res.body as import('node:stream/web').ReadableStream<Uint8Array>,
  )) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    if (!out.write(bytes)) await new Promise((r) => out.once('drain', r));
    got += bytes.length;
    const tenth = total ? Math.floor((10 * got) / total) : -1;
    if (tenth > shown) {
      shown = tenth;
      log(`CIFAR-10: ${(got / 1e6).toFixed(1)} of ${(total / 1e6).toFixed(1)} MB`);
    }
  }
  await new Promise<void>((ok, fail) => out.end((e?: Error | null) => (e ? fail(e) : ok())));
  return hash.digest('hex');
}

/**
 * The CIFAR-10 test set, downloaded into the cache when no copy is found. The download goes to a temporary
 * folder beside the cache and is moved into place whole, so processes starting at once never see half a file.
 */
export async function locateCifar10(opts: LocateOptions = {}): Promise<CifarLocation> {
  const found = findCifar10(opts);
  if (found) return found;
  const url = opts.url ?? CIFAR10_URL;
  const md5 = opts.md5 ?? CIFAR10_MD5;
  const cacheDir = resolve(opts.cacheDir ?? DEFAULT_CACHE);
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  mkdirSync(dirname(cacheDir), { recursive: true });
  const work = mkdtempSync(`${cacheDir}.download-`);
  try {
    const archive = join(work, 'cifar-10-binary.tar.gz');
    log(`CIFAR-10 test set not found; downloading ${url} into ${cacheDir}`);
    let sum: string;
    try {
      sum = await download(url, archive, log);
    } catch (e) {
      const why = e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e);
      throw new CifarDataError(
        'offline',
        `Could not download the CIFAR-10 test set (${why}).\n${howToGetIt(cacheDir, url)}`,
      );
    }
    if (sum !== md5) {
      throw new CifarDataError(
        'checksum',
        `The download of ${url} has MD5 ${sum}, not the published ${md5}; it was discarded.\n${howToGetIt(cacheDir, url)}`,
      );
    }
    const unpacked = join(work, 'out');
    mkdirSync(unpacked);
    try {
      execFileSync('tar', ['-xzf', archive, '-C', unpacked], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (e) {
      throw new CifarDataError('archive', `Could not unpack ${url}: ${e instanceof Error ? e.message : e}`);
    }
    if (!batchesIn(unpacked)) {
      throw new CifarDataError('archive', `${url} holds no ${CIFAR10_BATCHES}/${CIFAR10_TEST_FILE}`);
    }
    rmSync(archive);
    try {
      renameSync(unpacked, cacheDir);
    } catch (e) {
      // another process moved its copy into place first: use that one
      if (!batchesIn(cacheDir)) throw e;
    }
    const dir = batchesIn(cacheDir);
    if (!dir)
      throw new CifarDataError('archive', `${cacheDir} holds no ${CIFAR10_TEST_FILE} after unpacking`);
    log(`CIFAR-10: ready in ${dir}`);
    return located(dir, 'download');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Path of test_batch.bin (for tests and scripts), downloading it on first use. */
export async function cifarTestBatch(opts: LocateOptions = {}): Promise<string> {
  return (await locateCifar10(opts)).testBatch;
}
