/**
 * The data locator: CIFAR10_DIR, then the shared folder, then the cache, then a download. The download is served by
 * a local HTTP server from a small archive made here, in the official layout; its checksum is passed in.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CIFAR_RECORD_BYTES } from '../cifarBinary';
import { CifarDataError, findCifar10, locateCifar10 } from './cifarData';

const root = mkdtempSync(join(tmpdir(), 'cifar-locator-'));
const nowhere = join(root, 'no-such-folder');
const records = new Uint8Array(3 * CIFAR_RECORD_BYTES).map((_, i) => (i * 7 + 3) % 256);

let server: Server;
let url: string;
let archive: Buffer;
let md5: string;
let requests = 0;

beforeAll(async () => {
  const src = join(root, 'src');
  mkdirSync(join(src, 'cifar-10-batches-bin'), { recursive: true });
  writeFileSync(join(src, 'cifar-10-batches-bin/test_batch.bin'), records);
  writeFileSync(join(src, 'cifar-10-batches-bin/batches.meta.txt'), 'airplane\n');
  execFileSync('tar', ['-czf', join(root, 'cifar.tar.gz'), '-C', src, 'cifar-10-batches-bin']);
  archive = readFileSync(join(root, 'cifar.tar.gz'));
  md5 = createHash('md5').update(archive).digest('hex');
  server = createServer((req, res) => {
    requests++;
    if (req.url !== '/cifar-10-binary.tar.gz') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-length': archive.length, 'content-type': 'application/gzip' });
    res.end(archive);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cifar-10-binary.tar.gz`;
});

afterAll(async () => {
  await new Promise((ok) => server.close(ok));
  rmSync(root, { recursive: true, force: true });
});

const fresh = (name: string) => {
  const d = join(root, name);
  mkdirSync(d, { recursive: true });
  return d;
};

const failure = async (p: Promise<unknown>): Promise<CifarDataError> => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(CifarDataError);
  return e as CifarDataError;
};

describe('findCifar10', () => {
  it('takes CIFAR10_DIR holding test_batch.bin, or holding cifar-10-batches-bin/', () => {
    const flat = fresh('flat');
    writeFileSync(join(flat, 'test_batch.bin'), records);
    const nested = fresh('nested/cifar-10-batches-bin');
    writeFileSync(join(nested, 'test_batch.bin'), records);
    const opts = { sharedDir: nowhere, cacheDir: nowhere };
    expect(findCifar10({ ...opts, env: { CIFAR10_DIR: flat } })).toEqual({
      dir: flat,
      testBatch: join(flat, 'test_batch.bin'),
      source: 'env',
    });
    expect(findCifar10({ ...opts, env: { CIFAR10_DIR: join(root, 'nested') } })?.dir).toBe(nested);
  });

  it('refuses a CIFAR10_DIR without the data, saying what to do', () => {
    const empty = fresh('empty');
    let err: unknown;
    try {
      findCifar10({ env: { CIFAR10_DIR: empty }, sharedDir: nowhere, cacheDir: nowhere });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CifarDataError);
    expect((err as CifarDataError).code).toBe('env-empty');
    expect((err as CifarDataError).message).toContain(`CIFAR10_DIR=${empty}`);
  });

  it('prefers the shared folder to the cache, and finds nothing where neither holds the data', () => {
    const shared = fresh('shared');
    writeFileSync(join(shared, 'test_batch.bin'), records);
    const cache = fresh('cache/cifar-10-batches-bin');
    writeFileSync(join(cache, 'test_batch.bin'), records);
    expect(findCifar10({ env: {}, sharedDir: shared, cacheDir: join(root, 'cache') })?.source).toBe('shared');
    expect(findCifar10({ env: {}, sharedDir: nowhere, cacheDir: join(root, 'cache') })).toEqual({
      dir: cache,
      testBatch: join(cache, 'test_batch.bin'),
      source: 'cache',
    });
    expect(findCifar10({ env: {}, sharedDir: nowhere, cacheDir: nowhere })).toBeNull();
  });
});

describe('locateCifar10 downloads on first use', () => {
  const quiet = () => {};

  it('downloads, verifies and unpacks the archive into the cache, then uses the cache', async () => {
    const cacheDir = join(root, 'dl/cifar10');
    const lines: string[] = [];
    const before = requests;
    const loc = await locateCifar10({
      env: {},
      sharedDir: nowhere,
      cacheDir,
      url,
      md5,
      log: (l) => lines.push(l),
    });
    expect(loc.source).toBe('download');
    expect(loc.testBatch).toBe(join(cacheDir, 'cifar-10-batches-bin/test_batch.bin'));
    expect(new Uint8Array(readFileSync(loc.testBatch))).toEqual(records);
    expect(requests - before).toBe(1);
    expect(lines.some((l) => /CIFAR-10: [\d.]+ of [\d.]+ MB/.test(l))).toBe(true);
    // the archive and the temporary folder are gone
    expect(readdirSync(join(root, 'dl'))).toEqual(['cifar10']);

    const again = await locateCifar10({ env: {}, sharedDir: nowhere, cacheDir, url, md5, log: quiet });
    expect(again.source).toBe('cache');
    expect(requests - before).toBe(1);
  });

  it('refuses a download whose MD5 is not the one given, and keeps nothing', async () => {
    const cacheDir = join(root, 'bad/cifar10');
    const wrong = md5.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const err = await failure(
      locateCifar10({ env: {}, sharedDir: nowhere, cacheDir, url, md5: wrong, log: quiet }),
    );
    expect(err.code).toBe('checksum');
    expect(err.message).toContain(md5);
    expect(existsSync(cacheDir)).toBe(false);
    expect(readdirSync(join(root, 'bad'))).toEqual([]);
  });

  it('offline, says what to download, where to put it and which variable to set', async () => {
    const cacheDir = join(root, 'offline/cifar10');
    const closed = createServer();
    await new Promise<void>((ok) => closed.listen(0, '127.0.0.1', ok));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((ok) => closed.close(ok));
    const deadUrl = `http://127.0.0.1:${port}/cifar-10-binary.tar.gz`;
    const err = await failure(
      locateCifar10({ env: {}, sharedDir: nowhere, cacheDir, url: deadUrl, md5, log: quiet }),
    );
    expect(err.code).toBe('offline');
    expect(err.message).toContain(deadUrl);
    expect(err.message).toContain(join(cacheDir, 'cifar-10-batches-bin/test_batch.bin'));
    expect(err.message).toContain('CIFAR10_DIR');
    expect(err.stack).not.toMatch(/\n\s+at /);
    expect(existsSync(cacheDir)).toBe(false);
  });

  it('treats an HTTP error like being offline', async () => {
    const cacheDir = join(root, 'missing/cifar10');
    const err = await failure(
      locateCifar10({
        env: {},
        sharedDir: nowhere,
        cacheDir,
        url: url.replace('.tar.gz', '.zip'),
        md5,
        log: quiet,
      }),
    );
    expect(err.code).toBe('offline');
    expect(err.message).toContain('HTTP 404');
  });
});
