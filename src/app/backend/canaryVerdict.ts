import { CANARY_TOLERANCE, canaryPassed, type CanaryResult } from '../../resnext/canaryCompare';
import type { BackendAttempt, BackendName } from './types';

/**
 * What the app does with a canary result on the backend that produced it:
 * - 'trust': the logits match PyTorch's; the backend stays.
 * - 'fall-back': they do not; this backend is not used again on this page and the next one starts
 *   (`attempt` is what the backend chooser lists for it).
 * - 'warn': they do not, but this is CPU, the backend every other one falls back to: it stays, and the reader
 *   is told its results differ.
 */
export type CanaryVerdict =
  { action: 'trust' } | { action: 'fall-back'; attempt: BackendAttempt } | { action: 'warn' };

/** What a failed canary measured, as technical detail (not translated): the difference, and the top class. */
export function canaryMismatch(result: Pick<CanaryResult, 'maxAbsDiff' | 'top1Matches'>): string {
  const diff = Number.isNaN(result.maxAbsDiff) ? 'NaN' : result.maxAbsDiff.toPrecision(3);
  return `max |logit − PyTorch| = ${diff}${result.top1Matches ? '' : ', top class differs'}`;
}

/** The backend nothing comes after: it is never given up on. */
export const LAST_RESORT: BackendName = 'cpu';

export function canaryVerdict(
  name: BackendName,
  result: Pick<CanaryResult, 'maxAbsDiff' | 'top1Matches'>,
  tolerance = CANARY_TOLERANCE,
): CanaryVerdict {
  if (canaryPassed(result, tolerance)) return { action: 'trust' };
  if (name === LAST_RESORT) return { action: 'warn' };
  return {
    action: 'fall-back',
    attempt: {
      name,
      error: 'canary',
      maxAbsDiff: result.maxAbsDiff,
      message: canaryMismatch(result),
    },
  };
}
