/** Messages of the resource budget and the start-up checks. */
export const trust = {
  'trust.proof.reducedPaths':
    'This block ({cardinality} paths of width {d}) would need about {needed} of tensor memory; a view may use {budget}. The proof runs on {paths} of its {cardinality} paths with a {side}×{side} input instead: the three forms agree for any number of paths.',
  'trust.proof.reducedSide':
    'This block on a {full}×{full} input would need about {needed} of tensor memory; a view may use {budget}. The proof runs on a {side}×{side} input instead.',
  'trust.proof.rerunNote': 'Each run draws new random weights and a new input; this one used seed {seed}.',
} as const;
