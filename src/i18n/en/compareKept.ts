/** Compare cardinalities: what the page keeps for the next comparison. */
export const compareKept = {
  'classify.compare.kept':
    'Kept for the next comparison: the weights, and {count} built models holding {size} of memory (let go when you leave this section or change backend).',
};
