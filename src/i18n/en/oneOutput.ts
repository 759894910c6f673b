/** Messages of the one-output detail views of the step-through (src/app/sections/step/oneOutput/). */
export const oneOutput = {
  'one.pickHint': 'Click a value, or press Enter on the read-out point, to follow its arithmetic.',
  'one.prompt':
    'Pick a value of one of the output maps above (click it, or focus the maps, move with the arrow keys and press Enter) to see the sum that makes it.',
  'one.mergePrompt':
    'Pick a position on the conv3 map (click it, or focus it, move with the arrow keys and press Enter) to see the contributions that add up there.',
  'one.title': 'One output followed: output channel {o} (channel {j} of group {g}), x {x}, y {y}',
  'one.reads':
    'It reads {d} of the {cd} input channels: {w} weights, where a dense 3×3 would use {dense} for this one output.',
  'one.strip.label':
    'The {cd} input channels of the grouped 3×3 in {c} groups; the {d} of group {g}, which this output reads, are coloured, the other groups are grey.',
  'one.strip.caption': 'Input channels read: group {g} of {c}',
  'one.window.caption':
    'The 3×3 window on the input (input channel {c} shown; dashed cells are zero padding), stride {s}, and the output value it makes on output channel {o}',
  'one.window.input': 'input, {h}×{w}',
  'one.window.output': 'output, {h}×{w}',
  'one.window.label':
    'The 3×3 window at input rows {y0} to {y1}, columns {x0} to {x1}, making output x {x}, y {y}.',
  'one.play': 'Slide the window',
  'one.pause': 'Pause',
  'one.speed': 'Speed',
  'one.speed.slow': 'slow',
  'one.speed.normal': 'normal',
  'one.speed.fast': 'fast',
  'one.channelRow': 'input channel {c}',
  'one.grid.input': 'input values',
  'one.grid.weight': 'weights',
  'one.grid.product': 'products',
  'one.grid.pad': 'pad',
  'one.subtotal': 'Σ = {v}',
  'one.summary': 'The {n} largest of the {total} products (by size):',
  'one.summary.row': 'input channel {c}, kernel row {ky}, column {kx}: {input} × {weight} = {product}',
  'one.summary.rest': 'The other {n} products add up to {v}.',
  'one.sum': 'Σ of the {n} products = {sum}. The output map shows {value} there (before the batch norm).',
  'one.bn': '{name}: γ · (s − μ) / √(σ² + ε) + β = {gamma} · ({s} − {mean}) / {std} + {beta} = {out}',
  'one.relu': 'ReLU: max(0, {v}) = {out}. The map after batch norm and ReLU shows {shown}.',
  'one.merge.title':
    'One output followed: output channel {k}, x {x}, y {y}, from the {c} groups to the block output',
  'one.merge.chart':
    'The {c} contributions Tᵢ(x) at this position as a running sum, left to right, ending at conv3’s value.',
  'one.merge.axis': 'running sum',
  'one.merge.total': 'Σ',
  'one.merge.sum': 'Σᵢ Tᵢ(x) over the {c} groups = {sum}. conv3 shows {value} there.',
  'one.merge.identity': 'shortcut(x) = x, the block input at this position: {v}.',
  'one.merge.projection':
    'shortcut(x): the projection’s 1×1 sums {n} input channels at x {ix}, y {iy} to {sum}; then {bn}.',
  'one.merge.f': 'F(x) = {v}',
  'one.merge.add': 'z = F(x) + shortcut(x) = {f} + {s} = {z}. The sum map shows {shown}.',
  'one.merge.relu': 'y = ReLU(z) = max(0, {z}) = {y}. The block output shows {shown}.',
  'tour.oneOutput.title': 'One number, followed',
  'tour.oneOutput.text':
    'One output of the grouped 3×3 in block layer2.0, written out: it reads only the input channels of its own group, so its window, weights and products come from those alone, and their sum is the value on the map. Click any other value to follow it.',
};
