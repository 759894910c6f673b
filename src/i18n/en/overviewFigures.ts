export const overviewFigures = {
  // Cost anatomy (Overview).
  'ovfig.cost.heading': 'Where the weights go',
  'ovfig.cost.bars.title': 'Weights of the ResNet block and of the {c}×{d}d ResNeXt block, part by part',
  'ovfig.cost.bars.desc':
    'ResNet: first 1×1 {r1}, 3×3 {r2}, last 1×1 {r3}, {rt} in all. ResNeXt {c}×{d}d: first 1×1 {x1}, grouped 3×3 {x2}, last 1×1 {x3}, {xt} in all.',
  'ovfig.cost.bar.resnet': 'ResNet, 1×{d}d',
  'ovfig.cost.bar.resnext': 'ResNeXt, {c}×{d}d',
  'ovfig.cost.total': '{n} weights',
  'ovfig.cost.part.conv1': 'first 1×1: in·C·d',
  'ovfig.cost.part.conv2': 'grouped 3×3: 9·C·d²',
  'ovfig.cost.part.conv3': 'last 1×1: C·d·out',
  'ovfig.cost.table.caption': 'The three parts, in weights',
  'ovfig.cost.table.part': 'Part',
  'ovfig.cost.table.resnet': 'ResNet',
  'ovfig.cost.table.resnext': 'ResNeXt {c}×{d}d',
  'ovfig.cost.table.total': 'Block total',
  'ovfig.cost.rule':
    'The equal-complexity rule: C·(in·d + 9·d² + d·out) = {c}·({in}·{d} + 9·{d}² + {d}·{out}) = {c}·{per} = {total} weights, against {resnet} for the ResNet block ({ratio}×).',
  'ovfig.cost.notLevel':
    'd must be a whole number, so the cost is not exactly level here: C = {c} with d = {d} costs {ratio}× the ResNet block.',
  'ovfig.cost.repeated':
    'These are a stage’s repeated block, which reads as many channels as it writes. The first block of each stage reads the previous stage’s narrower output and adds a projection shortcut, so a stage’s totals (Numbers, “Architecture, stage by stage”) are not this block’s count times the number of blocks.',
  'ovfig.cost.free':
    '“Keep complexity” is off: d = {d} is chosen freely, so the block costs {ratio}× the ResNet block.',
  'ovfig.cost.grouped.title': 'A 3×3 convolution over all C·d = {width} channels, dense and in {c} groups',
  'ovfig.cost.grouped.desc': 'Dense: {dense} weights. In {c} groups: {grouped} weights.',
  'ovfig.cost.grouped.dense': 'dense 3×3, {width} → {width}',
  'ovfig.cost.grouped.grouped': 'grouped 3×3, {c} groups of {d}',
  'ovfig.cost.grouped.text':
    'A dense 3×3 over all {width} channels would hold 9·{width}² = {dense} weights; in {c} groups of {d} channels it holds {grouped}, 1/{c} of that. That is why the bottleneck can widen from {resnetWidth} (ResNet) to {width} at about the same cost.',
  'ovfig.cost.grouped.one':
    'With C = 1 the 3×3 is dense: 9·{width}² = {dense} weights. Raise C and the same channels split into C groups, each 3×3 seeing only its own d channels: 1/C of the weights.',
  'ovfig.cost.d.title': 'The width d that keeps the cost level, for each C',
  'ovfig.cost.d.desc': 'At this stage the equal-complexity width is {list}.',
  'ovfig.cost.d.item': 'C = {c}: d = {d}',
  'ovfig.cost.d.x': 'cardinality C',
  'ovfig.cost.d.caption':
    'The paper’s Table 2 at conv2: C = 1, 2, 4, 8, 32 → d = 64, 40, 24, 14, 4; later stages double d. Under a C, the cost whole-number d gives where it is 2% or more off level.',
  // Why cardinality (Overview).
  'ovfig.why.train':
    'Not regularisation: in the paper’s training curves (its Figure 5) the models with more paths also reach a lower training error, so cardinality makes a stronger representation. Our own training-error curves per C are in Numbers.',
  'ovfig.why.heading': 'Why cardinality: more paths beat deeper or wider',
  'ovfig.why.t4.title': 'Three ways to double the complexity of ResNet-101 (the paper’s Table 4): {metric}',
  'ovfig.why.t4.desc': 'Starting from ResNet-101 at {base}%: {list}.',
  'ovfig.why.t4.item': '{direction}, {model} {setting}: {value}%',
  'ovfig.why.metric.top1': 'top-1 error',
  'ovfig.why.metric.top5': 'top-5 error',
  'ovfig.why.dir.deeper': 'deeper',
  'ovfig.why.dir.wider': 'wider',
  'ovfig.why.dir.cardinality': 'more paths (cardinality)',
  'ovfig.why.base': 'ResNet-101: {v}',
  'ovfig.why.axis': '{metric} (%), ImageNet-1K; lower is better →',
  'ovfig.why.t4.caption':
    'Each arrow starts at ResNet-101 (1×64d) and ends at a network of about twice its complexity. Top-1 error falls by {deeper} points going deeper, {wider} going wider, and {paths} with more paths.',
  'ovfig.why.t3.title': 'Cardinality at the same complexity (the paper’s Table 3): top-1 error',
  'ovfig.why.t3.desc': 'Top-1 error by cardinality: {list}.',
  'ovfig.why.t3.item': 'C = {c}, d = {d}: ResNeXt-50 {r50}%, ResNeXt-101 {r101}%',
  'ovfig.why.t3.row': 'C = {c}',
  'ovfig.why.t3.sub': '{c}×{d}d',
  'ovfig.why.t3.r50': 'ResNeXt-50 (C = 1 is ResNet-50)',
  'ovfig.why.t3.r101': 'ResNeXt-101 (C = 1 is ResNet-101)',
  'ovfig.why.t3.caption':
    'The row of the C chosen above is highlighted. At the same cost, each step up in C lowers the error; the axis spans only {span} points, so small gaps show.',
} as const;
