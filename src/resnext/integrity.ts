import { WeightsError } from './errors';
import { sha256HexSync } from './sha256';

/**
 * Naming and checking a downloaded file: small and free of TensorFlow.js, so the page's first script (the
 * weights' preload) can use it.
 */

/** Last path segment of a URL or path, for messages. */
export function fileNameOf(url: string): string {
  const path = url.split(/[?#]/)[0];
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name) || url;
  } catch {
    return name || url;
  }
}

/** Hex SHA-256 of the bytes. */
export type Hash = (bytes: Uint8Array) => Promise<string>;

/**
 * Hex SHA-256 with Web Crypto (the browser's crypto.subtle, node:crypto's webcrypto in Node), or, where there
 * is none (browsers give it to secure contexts only: not to plain http on a LAN address), with sha256.ts.
 */
export const sha256Hex: Hash = async (bytes) => {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return sha256HexSync(bytes);
  const digest = await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
};

/** Throws WeightsError 'integrity' when the bytes do not hash to `expected`, in every context. */
export async function verifySha256(
  bytes: Uint8Array,
  expected: string,
  file: string,
  hash: Hash = sha256Hex,
): Promise<void> {
  const actual = await hash(bytes);
  if (actual !== expected.toLowerCase()) throw new WeightsError('integrity', { file, expected, actual });
}
