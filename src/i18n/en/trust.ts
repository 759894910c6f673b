/** Messages of the resource budget and the start-up checks. */
export const trust = {
  'trust.proof.reducedPaths':
    'This block ({cardinality} paths of width {d}) would need about {needed} of tensor memory; a view may use {budget}. The proof runs on {paths} of its {cardinality} paths with a {side}×{side} input instead: the three forms agree for any number of paths.',
  'trust.proof.reducedSide':
    'This block on a {full}×{full} input would need about {needed} of tensor memory; a view may use {budget}. The proof runs on a {side}×{side} input instead.',
  'trust.speed.runningOn': 'Running on {backend}… {done} of {total}',
  'trust.speed.stop': 'Stop',
} as const;
