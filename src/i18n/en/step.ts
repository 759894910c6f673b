export const step = {
  'step.keyboardHint':
    'With this panel focused, ← and → move one step, Home and End jump to the first and last step. Point at a map, or focus it and use the arrow keys, to read a value.',

  'step.block.label': 'Block',
  'step.block.option': '{block} ({row}): {in} → {out} channels, {c}×{d}d, {h}×{w}',
  'step.block.optionShort': '{block}: {in} → {out}, {c}×{d}d',
  'step.image.label': 'Image',
  'step.image.own': 'your picture: {name}',
  'step.loading.model': 'Loading the trained model…',
  'step.loading.trace': 'Computing block {block} for this image…',
  'step.noImage': 'No image is chosen yet. Pick one in the Classify section, then come back.',
  'step.error.model': 'The trained model could not be loaded: {message}',
  'step.error.trace': 'The block could not be computed: {message}',

  'step.controls.label': 'Step controls',
  'step.prev': 'Previous',
  'step.next': 'Next',
  'step.play': 'Play',
  'step.pause': 'Pause',
  'step.scrubber': 'Step',
  'step.position': 'Step {n} of {total}: {title}',

  'step.strip.title': 'Where this step is in block {block}',
  'step.strip.desc': 'The block as a chain of operations with the shortcut above it. Current step: {title}.',
  'step.node.input': 'x',
  'step.node.conv1': '1×1 conv',
  'step.node.conv1.sub': '{in} → {width}',
  'step.node.bn1': 'BN + ReLU',
  'step.node.conv2': '3×3 grouped',
  'step.node.conv2.sub': 'C = {c}',
  'step.node.bn2': 'BN + ReLU',
  'step.node.conv3': '1×1 conv',
  'step.node.conv3.sub': '{width} → {out}',
  'step.node.bn3': 'BN',
  'step.node.output': 'ReLU → y',
  'step.node.shortcut.identity': 'identity shortcut',
  'step.node.shortcut.projection': 'projection shortcut: 1×1 conv, stride {stride} + BN',

  'step.details.operation': 'Operation',
  'step.details.shapes': 'Tensor shapes',
  'step.details.input': 'in',
  'step.details.output': 'out',
  'step.details.cost': 'Parameters and MACs',
  'step.details.costValue': '{params} parameters · {macs} MACs',
  'step.details.costNone': 'no parameters, no MACs',
  'step.details.costLayer': '{layer}: weights {shape}',
  'step.details.formula': 'Formula',
  'step.shape.grouped': '{shape} ({c}×{d}d)',

  'step.input.title': 'Input x',
  'step.input.explain':
    'The block starts from x, the activation the trained network computes for this image just before {block}: {in} channels, each a {h}×{w} map (one small map per channel).',
  'step.input.formula': 'x ∈ ℝ^({h}×{w}×{in})',

  'step.split.title': 'Split: 1×1 convolution into {c} groups of {d}',
  'step.split.explain':
    'A 1×1 convolution maps the {in} channels to {width} = {c} × {d}. Read its output as {c} groups of d = {d} channels (framed in the grid): each group is the low-dimensional embedding of one path. This is the “split” of split-transform-merge; the number of paths, C = {c}, is the cardinality.',
  'step.split.formula': 'u = W₁x, W₁: 1×1, {in} → {width};  u = [u₁ | u₂ | … | u{c}], uᵢ ∈ ℝ^({h}×{w}×{d})',

  'step.bn1-relu.title': 'Batch norm, then ReLU',
  'step.bn1-relu.explain':
    'Batch normalisation scales and shifts every channel with the statistics learned in training; ReLU then sets the negative values to zero. The groups stay as they are. Switch between the batch-norm output (signed) and the ReLU output.',
  'step.bn1-relu.formula': 'BN(u) = γ ⊙ (u − μ) / √(σ² + ε) + β;  a = max(0, BN(u))',

  'step.transform.title': 'Transform: grouped 3×3 convolution',
  'step.transform.explain':
    'The 3×3 convolution is a grouped convolution with {c} groups: output group i is computed from input group i alone, with its own {d}×{d}×3×3 kernel. So the {c} paths transform their embeddings independently. Pick a group to see its {d} input maps, its kernel and its {d} output maps.',
  'step.transform.formula': 'vᵢ = Kᵢ ∗ aᵢ (i = 1 … {c}), Kᵢ: 3×3, {d} → {d}, stride {stride}',

  'step.bn2-relu.title': 'Batch norm, then ReLU',
  'step.bn2-relu.explain':
    'The same as after the first convolution: each of the {width} channels is normalised, then negative values are cut to zero. Every group still holds its own path.',
  'step.bn2-relu.formula': 'bᵢ = max(0, BN(vᵢ))',

  'step.merge.title': 'Merge: 1×1 convolution as a sum over the groups',
  'step.merge.explain':
    'The last 1×1 convolution maps the {width} channels to {out}. Split its weights by input group and it becomes a sum: Tᵢ(x) is what group i alone contributes (the convolution applied to that group’s {d} channels only). The {c} contributions add up to the convolution’s output exactly: the “merge” of split-transform-merge. The sum is taken before the third batch norm; batch norm is affine per channel, so it acts once on the sum.',
  'step.merge.formula': 'conv3(b) = Σᵢ Tᵢ(x), Tᵢ(x) = W₃,ᵢ bᵢ, W₃,ᵢ: 1×1, {d} → {out}',

  'step.bn3.title': 'Batch norm (no ReLU yet)',
  'step.bn3.explain':
    'The third batch norm normalises the merged output channel by channel. There is no ReLU here: the shortcut is added first, so the branch F(x) can push each value up or down.',
  'step.bn3.formula': 'F(x) = BN₃(Σᵢ Tᵢ(x))',

  'step.shortcut.title': 'Shortcut',
  'step.shortcut.explain':
    'Identity shortcut: the input x itself goes around the branch unchanged, because the shapes already match ({in} channels in and out, {h}×{w}).',
  'step.shortcut.formula': 'shortcut(x) = x',
  'step.shortcut.explainProjection':
    'Projection shortcut: this first block of its stage changes the shape ({in} → {out} channels, stride {stride}), so x goes through a 1×1 convolution with stride {stride} and a batch norm to match the branch.',
  'step.shortcut.formulaProjection': 'shortcut(x) = BN(Wₛx), Wₛ: 1×1, {in} → {out}, stride {stride}',

  'step.add.title': 'Add: the residual connection',
  'step.add.explain':
    'The residual connection adds the shortcut to the branch, value by value: the block learns only the change F(x) on top of its input. Nothing is learned in this step.',
  'step.add.formula': 'z = shortcut(x) + F(x) = shortcut(x) + BN₃(Σᵢ Tᵢ(x))',

  'step.output.title': 'ReLU: the block output',
  'step.output.explain': 'A final ReLU gives the block output y, which feeds {next}.',
  'step.output.formula': 'y = max(0, z)',
  'step.output.nextBlock': 'block {block}',
  'step.output.pool': 'the global average pooling and the classifier',

  'step.tensor.in': 'x',
  'step.tensor.conv1': 'conv1 output',
  'step.tensor.bn1': 'after batch norm',
  'step.tensor.relu1': 'after ReLU',
  'step.tensor.conv2': 'conv2 output',
  'step.tensor.bn2': 'after batch norm',
  'step.tensor.relu2': 'after ReLU',
  'step.tensor.conv3': 'conv3 output',
  'step.tensor.bn3': 'after batch norm',
  'step.tensor.shortcut': 'shortcut',
  'step.tensor.add': 'sum',
  'step.tensor.out': 'y',
  'step.tensor.choice': 'Show',
  'step.mapDialog.channel': 'Channel {channel}',
  'step.mapDialog.hint': 'A click on a map, or Enter on the read-out point’s map, opens it larger.',
  'step.mapDialog.close': 'Close',

  'step.maps.caption': '{name}: {channels} maps of {h}×{w}',
  'step.maps.captionGrouped': '{name}: {channels} maps of {h}×{w}, framed as {c} groups of {d}',
  'step.maps.label':
    '{name}, {channels} activation maps. Arrow keys move the read-out point, Page Up and Page Down change the channel.',
  'step.norm.label': 'Colour scale',
  'step.norm.channel': 'each map on its own scale',
  'step.norm.shared': 'one scale for all maps',
  'step.legend.diverging': 'signed values, before a ReLU: blue < 0 < red',
  'step.legend.sequential': 'values ≥ 0, after a ReLU',
  'step.legend.max': 'max',
  'step.legend.negMax': '−max',
  'step.probe': 'channel {channel}, x {x}, y {y}: {value}',
  'step.probe.kernelMap': 'kernel from input channel {i} to output channel {o}',
  'step.probe.channelOnly': 'channel {channel}',

  'step.group.label': 'Group',
  'step.group.option': 'group {n} (channels {first}–{last})',
  'step.group.inputs': 'Its {d} input maps (after the first batch norm and ReLU)',
  'step.group.kernel':
    'Its kernel, {d} × {d} × 3 × 3: one row per output channel, one column per input channel',
  'step.group.outputs': 'Its {d} output maps',
  'step.group.all': 'All {c} groups of the output',

  'step.merge.channel': 'Output channel',
  'step.merge.terms': 'Tᵢ(x) of output channel {k}, one map per group i = 1 … {c} (group {n} framed)',
  'step.merge.sum': 'Σᵢ Tᵢ(x)',
  'step.merge.conv3': 'conv3 output',
  'step.merge.diff':
    'Measured max |Σᵢ Tᵢ − conv3| over all {count} values: {diff} (largest |conv3|: {scale}).',
  'step.merge.allChannels': 'All {out} channels of conv3',
} as const;
