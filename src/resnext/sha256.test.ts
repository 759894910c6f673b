import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SHA256_K, sha256, sha256HexSync } from './sha256';

const text = (s: string) => new TextEncoder().encode(s);
const nodeSha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('SHA-256 in TypeScript', () => {
  it('gives the FIPS 180-4 example digests', () => {
    expect(sha256HexSync(text(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256HexSync(text('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    // the 448-bit message: its padding needs a second block
    expect(sha256HexSync(text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(sha256HexSync(new Uint8Array(1_000_000).fill(0x61))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('has the standard round constants (cube roots of the first 64 primes)', () => {
    const primes: number[] = [];
    for (let n = 2; primes.length < 64; n++) if (primes.every((p) => n % p !== 0)) primes.push(n);
    expect(SHA256_K).toEqual(primes.map((p) => Math.floor((Math.cbrt(p) % 1) * 2 ** 32)));
  });

  it('agrees with Node’s crypto on random bytes of every length around the block and padding edges', () => {
    const lengths = [1, 2, 3, 31, 32, 33, 54, 55, 56, 57, 62, 63, 64, 65, 66, 100, 119, 120, 127, 128, 129];
    for (let n = 130; n < 1100; n += 37) lengths.push(n);
    lengths.push(4096, 65_535, 65_536, 200_003);
    for (const n of lengths) {
      const bytes = new Uint8Array(randomBytes(n));
      expect(sha256HexSync(bytes), `${n} bytes`).toBe(nodeSha256(bytes));
    }
  });

  it('hashes a view into a larger buffer by its own bytes only', () => {
    const buffer = new Uint8Array(randomBytes(300));
    const view = buffer.subarray(17, 17 + 130);
    expect(sha256HexSync(view)).toBe(nodeSha256(view));
    expect(sha256(view)).toHaveLength(32);
  });
});
