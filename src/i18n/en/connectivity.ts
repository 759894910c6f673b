/** Messages of the connectivity figure (Overview) and the forms as matrices (Forms). */
export const connectivity = {
  // Connectivity, redrawn with C (Overview).
  'conn.heading': 'Connectivity: the block’s weights as matrices',
  'conn.svg.title': 'The three convolutions of the {c}×{d}d block as weight matrices',
  'conn.svg.desc':
    'First 1×1: {c} row blocks of {d}×{in}, stacked into one {width}×{in} matrix. 3×3: a {width}×{width} matrix of 3×3 kernels with {c} blocks of {d}×{d} on its diagonal and zeros everywhere else. Last 1×1: {c} column blocks of {out}×{d} side by side, one {out}×{width} matrix.',
  'conn.first.title': 'first 1×1',
  'conn.grouped.title.one': '3×3, dense',
  'conn.grouped.title': '3×3, {c} groups',
  'conn.last.title': 'last 1×1',
  'conn.block': 'Block {i} of {c} on the diagonal: path {i}, {d}×{d} kernels of 3×3, {n} weights',
  'conn.axes':
    'Rows are output channels, columns input channels; each cell of the 3×3 matrix is one 3×3 kernel (9 weights). The 1×1 matrices are drawn at a fixed length along their {in} inputs and {out} outputs.',
  'conn.legend.weights': 'weights',
  'conn.legend.zeros': 'zeros: no connection',
  'conn.count.one':
    'At C = 1 the 3×3 is one dense square: 9·{width}² = {n} weights, every output channel reading every input channel.',
  'conn.count':
    'The 3×3 holds 9·C·d² = 9·{c}·{d}² = {n} weights: {c} blocks of {d}×{d} kernels on the diagonal, the middle part of the bars in “Where the weights go”. A dense 3×3 over all {width} channels would hold 9·{width}² = {dense}; the empty cells are the other {empty}.',
  'conn.first.one': 'The first 1×1 is one {width}×{in} matrix ({n} weights).',
  'conn.first':
    'The first 1×1 is {c} row blocks of {d}×{in}, one per path; stacked, they are one wide {width}×{in} 1×1 ({n} weights).',
  'conn.last.one': 'The last 1×1 is one {out}×{width} matrix ({n} weights).',
  'conn.last':
    'The last 1×1 is {c} column blocks {blocks} of {out}×{d}; side by side they are one {out}×{width} 1×1 ({n} weights), and multiplying by it adds up the paths: F(x) = Σᵢ Wᵢ·Tᵢ(x).',
  'conn.hint':
    'Point at or focus a block on the diagonal (arrow keys move along it), or point at a path in the block figure above: the same path lights up in both. Click or press Enter to keep it lit.',
  // The forms as matrices (Forms).
  'conn.forms.readsFirst': 'ch. {from}–{to}',
  'conn.forms.reads': '{from}–{to}',
  'conn.mx.title': 'The weights of form {form} as matrices',
  'conn.mx.one':
    'With C = 1 every form holds the same three dense matrices: {width}×{in}, {width}×{width} (of 3×3 kernels) and {out}×{width}.',
  'conn.mx.a':
    'As matrices: each of the {c} paths has its own {d}×{in} first 1×1, {d}×{d} 3×3 (a matrix of 3×3 kernels) and {out}×{d} last 1×1.',
  'conn.mx.b':
    'As matrices: the {c} last 1×1s, side by side, are one {out}×{width} matrix {blocks}; the first 1×1s and 3×3s are still separate.',
  'conn.mx.c':
    'As matrices: the {c} first 1×1s, stacked, are one {width}×{in} matrix; the {c} 3×3s sit on the diagonal of one {width}×{width} matrix whose other cells are zeros, so group i reads only channels d·(i−1)+1 … d·i of the first 1×1’s output ({first} for group 1).',
  'conn.depth2.heading': 'Depth 2: the forms are trivially equal',
  'conn.depth2.title': 'A block of depth 2 with {c} paths, and the same weights as one wide dense block',
  'conn.depth2.paths': '{c} paths of 2 layers',
  'conn.depth2.paths.one': '1 path of 2 layers',
  'conn.depth2.wide': 'one wide block',
  'conn.depth2.caption':
    'With only two layers (the paper’s Figure 4), path i is a {in}→{d} layer and then a {d}→{out} layer, and the paths are summed. Stacked, the {c} first layers are one dense {width}×{in} layer; side by side, the second layers are one dense {out}×{width} layer whose product already adds up the paths. Neither matrix has an empty cell ({n} weights, in·C·d + C·d·out), so no grouped convolution is left and C only sets the width C·d = {width}: the block is a wider dense block. The forms differ only from depth 3 on, where the middle layer is block-diagonal.',
} as const;
