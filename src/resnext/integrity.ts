import { WeightsError } from './errors';

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

/** Hex SHA-256 of the bytes, or null where there is no Web Crypto to hash with. */
export type Hash = (bytes: Uint8Array) => Promise<string | null>;

/** Hex SHA-256 with Web Crypto (the browser's crypto.subtle, node:crypto's webcrypto in Node). */
export const sha256Hex: Hash = async (bytes) => {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null; // browsers expose it only in secure contexts
  const digest = await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
};

/**
 * Throws WeightsError 'integrity' when the bytes do not hash to `expected`; passes where `hash` cannot hash
 * (an insecure context), where no download can be checked.
 */
export async function verifySha256(
  bytes: Uint8Array,
  expected: string,
  file: string,
  hash: Hash = sha256Hex,
): Promise<void> {
  const actual = await hash(bytes);
  if (actual === null) return;
  if (actual !== expected.toLowerCase()) throw new WeightsError('integrity', { file, expected, actual });
}
