import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WeightsError } from './errors';
import { sha256Hex, verifySha256 } from './integrity';

const bytes = new Uint8Array(1000).map((_, i) => (i * 7) & 0xff);
const expected = createHash('sha256').update(bytes).digest('hex');

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('verifySha256', () => {
  it('passes the right bytes and refuses changed ones, with Web Crypto', async () => {
    await expect(verifySha256(bytes, expected.toUpperCase(), 'w.safetensors')).resolves.toBeUndefined();
    const changed = bytes.slice();
    changed[500] ^= 0x10;
    await expect(verifySha256(changed, expected, 'w.safetensors')).rejects.toBeInstanceOf(WeightsError);
  });

  it('verifies where there is no crypto.subtle (an insecure context) too, never passing silently', async () => {
    vi.stubGlobal('crypto', {});
    expect(globalThis.crypto.subtle).toBeUndefined();
    expect(await sha256Hex(bytes)).toBe(expected);
    await expect(verifySha256(bytes, expected, 'w.safetensors')).resolves.toBeUndefined();
    const changed = bytes.slice();
    changed[0] ^= 1;
    await expect(verifySha256(changed, expected, 'w.safetensors')).rejects.toMatchObject({
      code: 'integrity',
      params: { file: 'w.safetensors', expected },
    });
  });
});
