/** Messages of the inference worker: where the network runs (src/app/worker/). */
export const inference = {
  'inference.starting': 'Network: starting its background thread…',
  'inference.ready': 'Network: runs in a background thread, the page stays responsive',
  'inference.software': 'Network: on the page (a software GPU already computes off its main thread)',
  'inference.failed': 'Network: runs on the page, because its background thread {reason}',
  'inference.failed.start': 'could not start {backend}',
  'inference.failed.canary': 'failed the correctness check (logits off by {diff})',
  'inference.failed.error': 'stopped with an error',
  'inference.failed.crashed': 'could not run',
  'inference.failed.timeout': 'did not answer within {seconds} s',
  'inference.explain':
    'Classifications and the layers before the block you step through run in a Web Worker on the same backend, after the same checks; the page only draws. If the worker cannot, the page computes them itself.',
} as const;
