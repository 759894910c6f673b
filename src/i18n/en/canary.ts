/** Messages of the golden canary: the default model's logits on one synthetic picture against PyTorch's. */
export const canary = {
  'backend.error.canary': 'failed the correctness check',
  'backend.reason.canary':
    '{failed} failed the correctness check (logits off by {diff} from PyTorch’s), switched automatically',
  'canary.switching':
    '{failed} failed the correctness check (logits off by {diff} from PyTorch’s): starting the next backend…',
  'canary.pending': 'Correctness check: runs when the default model is first built on this backend',
  'canary.running': 'Correctness check: running…',
  'canary.passed': 'Correctness check passed in {ms} ms (logits within {diff} of PyTorch’s)',
  'canary.warn':
    'Correctness check failed: logits off by {diff} from PyTorch’s, and no other backend is left to switch to',
  'canary.skipped': 'Correctness check not run: it checks the default model, and another model is loaded',
  'canary.error': 'Correctness check could not run: {message}',
  'canary.explain':
    'On each backend it starts, the default model classifies one small synthetic picture; its logits must be within {tolerance} of PyTorch’s for the same picture and weights, or the next backend takes over.',
} as const;
