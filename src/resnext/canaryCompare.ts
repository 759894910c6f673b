import reference from './canaryReference.json';

/**
 * The golden canary's reference and comparison, without TensorFlow.js (the app's shell reads the tolerance
 * before tfjs loads): PyTorch's logits of the default model on one synthetic picture
 * (src/resnext/canaryReference.json, written by training/canary_reference.py). runCanary is in ./canary.
 */

export interface CanaryReference {
  /** file name under public/models/ of the weights the logits were computed with */
  model: string;
  /** SHA-256 of that file (the manifest's) */
  sha256: string;
  input: { size: number; formula: string; sha256: string };
  /** largest |logit − PyTorch's| accepted */
  tolerance: number;
  logits: number[];
  top1: number;
}

export const CANARY_REFERENCE: CanaryReference = reference;

/** Largest |logit − PyTorch's| a backend may show before the app stops trusting it. */
export const CANARY_TOLERANCE = CANARY_REFERENCE.tolerance;

export interface CanaryResult {
  /** max over the logits of |got − PyTorch's| (NaN or Infinity when the backend produced such values) */
  maxAbsDiff: number;
  /** whether the top class is PyTorch's */
  top1Matches: boolean;
  /** milliseconds from the input's upload to the logits read back (the model's run on this backend) */
  ms: number;
}

/**
 * The canary picture, uint8 RGB [size, size, 3] row-major: byte (y, x, c) is
 * (37x + 91y + 53c + 7xy + ((x >> 3) XOR (y >> 3))·29) mod 256. training/canary_reference.py computes the same
 * bytes; the reference records their SHA-256.
 */
export function canaryPixels(size = CANARY_REFERENCE.input.size): Uint8Array {
  const out = new Uint8Array(size * size * 3);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++)
      for (let c = 0; c < 3; c++)
        out[(y * size + x) * 3 + c] =
          (37 * x + 91 * y + 53 * c + 7 * x * y + ((x >> 3) ^ (y >> 3)) * 29) % 256;
  return out;
}

/** True when a result is within tolerance (a NaN difference never is). */
export const canaryPassed = (r: Pick<CanaryResult, 'maxAbsDiff'>, tolerance = CANARY_TOLERANCE): boolean =>
  r.maxAbsDiff <= tolerance;

/** Compares logits with the reference's: the largest difference and whether the top class agrees. */
export function compareLogits(
  got: ArrayLike<number>,
  want: readonly number[] = CANARY_REFERENCE.logits,
): Omit<CanaryResult, 'ms'> {
  if (got.length !== want.length) return { maxAbsDiff: Infinity, top1Matches: false };
  let maxAbsDiff = 0;
  let top1 = 0;
  for (let i = 0; i < want.length; i++) {
    const d = Math.abs(got[i] - want[i]);
    // Once NaN (a NaN logit), it stays NaN: no comparison with it is true, so it never passes.
    if (Number.isNaN(d) || d > maxAbsDiff) maxAbsDiff = d;
    if (got[i] > got[top1]) top1 = i;
  }
  const wantTop1 = want.indexOf(Math.max(...want));
  return { maxAbsDiff, top1Matches: top1 === wantTop1 && Number.isFinite(maxAbsDiff) };
}
