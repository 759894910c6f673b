export const story = {
  // The story told above the panels.
  'story.label': 'The story',
  'story.loading': 'Loading…',

  'story.why.heading': 'Why ResNeXt?',
  'story.why.p1':
    'To make a network more accurate, the usual moves are to make it deeper (more layers) or wider (more channels). Both work, and both cost more: more computation, more parameters, and, for hand-designed modules, more design choices to tune.',
  'story.why.p2':
    'ResNeXt (Saining Xie, Ross Girshick, Piotr Dollár, Zhuowen Tu and Kaiming He, CVPR 2017) asks how to gain accuracy without adding complexity. Its answer is cardinality: the number of identical, parallel transformations inside a block. Cardinality is a third dimension beside depth and width, and the paper finds that raising it gains more accuracy than going deeper or wider at the same cost.',
  'story.why.depth': 'Depth: how many layers are stacked.',
  'story.why.width': 'Width: how many channels a layer has.',
  'story.why.cardinality': 'Cardinality: how many identical paths a block runs side by side.',
  'story.why.lead':
    'Deeper or wider networks are more accurate, and cost more. ResNeXt adds a third dimension, cardinality: C identical paths side by side in every block. Drag C below: the one wide ResNet path splits into many thin ones at about the same cost.',
  'story.more': 'Read more',
  'story.less': 'Read less',

  'story.heritage.heading': 'Heritage: Inception’s split-transform-merge',
  'story.heritage.p1':
    'ResNeXt builds on an older idea. The Inception module of GoogLeNet splits its input into branches, transforms each with a different operation (1×1, 3×3 and 5×5 convolutions and a 3×3 max-pool) and merges them by concatenation. Every branch has its own filter size and width: many hyper-parameters to choose, module by module. The reason for several filter sizes side by side is scale: a 1×1 sees one position, a 3×3 and a 5×5 ever larger patches, so one module looks at its input at several scales at once and the next layer can use them all.',
  'story.heritage.p2':
    'The naive module runs the large filters on all {in} input channels, which is costly. Inception (3a) puts 1×1 convolutions in front of the 3×3 and 5×5 filters, and after the pool, to reduce the channels first. Counted layer by layer at {s}×{s}×{in}: the naive module has {naiveParams} parameters and needs {naiveMacs} MACs; with the reductions, {params} parameters and {macs} MACs, {ratio}× fewer.',
  'story.heritage.p3':
    'ResNeXt keeps split-transform-merge but drops the hand-tuning: every path has the same topology (1×1, 3×3, 1×1) and the paths are summed, not concatenated. What is left to choose is one number, the cardinality C.',
  'story.inception.caption':
    'GoogLeNet’s Inception (3a) at {s}×{s}×{in}: naive, and with 1×1 reductions (tinted). Each box reads “filter, output channels” over its MACs; the bars compare the two modules’ MACs on one scale. Parameters include biases.',
  'story.inception.naive': 'Naive Inception module',
  'story.inception.reduced': 'Inception (3a), 1×1 reductions',
  'story.inception.input': 'input {s}×{s}×{c}',
  'story.inception.conv': '{k}×{k} conv, {out}',
  'story.inception.pool': '{k}×{k} max-pool',
  'story.inception.concat': 'concatenate → {c} channels',
  'story.inception.boxMacs': '{macs} MACs',
  'story.inception.total': '{params} params · {macs} MACs',
  'story.inception.desc':
    '{title}. Input {s}×{s}×{in}. Branches: {branches}. The outputs are concatenated into {out} channels. In total {params} parameters and {macs} MACs.',
  'story.inception.descBranch': '{layers} ({macs} MACs)',
  'story.inception.descJoin': ', then ',
  'story.inception.descSep': '; ',

  'story.block.heading': 'The block: many paths, one sum',
  'story.block.p1':
    'A single neuron is already the simplest split-transform-merge. Its inner product Σᵢ wᵢxᵢ splits the input x into its coordinates xᵢ, transforms each one by scaling it, wᵢxᵢ, and merges the results by summing them.',
  'story.block.p2':
    'ResNeXt replaces each wᵢxᵢ by a small network Tᵢ, all of the same shape, and sums them: F(x) = Σᵢ Tᵢ(x) over C paths, then adds the residual connection, y = x + F(x). In ResNeXt-50’s conv2 the ResNet bottleneck has one path of width {resnetWidth}; the ResNeXt block has {c} paths of width {d} ({c}×{d}d) and nearly the same cost: {params} weights against {resnetParams}.',
  'story.block.p3':
    'The animation below walks through split, transform and merge for the C and d chosen above: one Tᵢ per path, each embedding as wide as d.',
  'story.neuron.caption': 'A neuron as split-transform-merge: move the weights and watch the sum.',
  'story.neuron.col.i': 'i',
  'story.neuron.col.x': 'split: xᵢ',
  'story.neuron.col.w': 'weight wᵢ',
  'story.neuron.col.wx': 'transform: wᵢxᵢ',
  'story.neuron.weight': 'Weight w{i}',
  'story.neuron.sum': 'merge: Σᵢ wᵢxᵢ',
  'story.neuron.reset': 'Reset the weights',

  'story.forms.heading': 'Three forms, one function',
  'story.forms.p1':
    'The paper draws the ResNeXt block in three ways. (a) is the block as described: C paths of 1×1, 3×3, 1×1, summed. (b) concatenates the paths’ 3×3 outputs and applies one 1×1 convolution; it resembles the Inception-ResNet module, except that every path is the same. (c) joins the first 1×1 layers into one wide 1×1 and the C 3×3 convolutions into one grouped convolution with C groups. Seen this way, split-transform-merge is general: the Inception-ResNet module is form (b) with paths of different shapes, a network of grouped convolutions is form (c), and ResNeXt is the case in which every path is the same.',
  'story.forms.p2':
    'A sum of C 1×1 convolutions is one 1×1 convolution over their concatenated inputs, and C convolutions on separate channel slices are exactly a grouped convolution. So (a), (b) and (c) compute the same function with the same weights: for the block below, (a) {a}, (b) {b} and (c) {c} weights. That is why ResNeXt is simple to implement: form (c) is a ResNet bottleneck whose 3×3 convolution has groups = C.',
  'story.forms.p3':
    'Select any weights below and they light up in all three forms; the numerical proof underneath runs the three forms on the same input.',

  'story.step.heading': 'Split, transform, merge on real activations',
  'story.step.p1':
    'Here the block is no longer a diagram: it is a block of the trained ResNeXt-29, running on a real image in your browser. The first 1×1 convolution splits the input into C groups of channels, the grouped 3×3 transforms each group on its own, the last 1×1 merges them by a weighted sum, F(x) = Σᵢ Tᵢ(x), and the residual connection adds x back.',

  'story.classify.heading': 'A real trained network',
  'story.classify.p1':
    'Everything on this site runs a real ResNeXt-29 trained on CIFAR-10, here in your browser with TensorFlow.js: your image never leaves your device. The picture you choose here is the one the Step-through section walks through, so you can classify an image, then watch it pass through a block.',

  'story.arch.heading': 'ResNeXt-50 next to ResNet-50',
  'story.arch.p1':
    'For a fair comparison ResNeXt-50 (32×4d) keeps the layout of ResNet-50: the same stages, the same number of blocks, the same widths between blocks. Only the middle of each block changes: the 3×3 convolution becomes a grouped convolution with {c} groups, and the bottleneck widens (in conv2 from {resnetWidth} to {resnextWidth} channels) so the cost stays level.',
  'story.arch.p2':
    'Counted from the two specifications at 224×224: ResNet-50 has {resnetParams} parameters and needs {resnetMacs} MACs per image; ResNeXt-50 (32×4d) has {resnextParams} parameters and needs {resnextMacs}. The tables below list them stage by stage.',

  'story.catch.heading': 'The catch: grouped convolution runs slower',
  'story.catch.p1':
    'Equal MACs are not equal time. A grouped convolution runs many small matrix products instead of one large one, which hardware does less efficiently. The paper reports {grouped} s per mini-batch for ResNeXt-101 (32×4d) against {dense} s for ResNet-101 at similar MACs, on {gpus} GPUs: {ratio}× the time.',
  'story.catch.ours':
    'Our own training on one {device} saw the same: a training step of ResNeXt-29 {grouped} took {groupedMs} ms against {denseMs} ms for {dense}, {ratio}× the time, at about the same MACs.',
  'story.catch.p2': 'Try the live speed test below: it times a dense and a grouped block on your device.',
  'story.catch.go': 'Go to the speed test',

  'story.results.heading': 'Results',
  'story.results.paper':
    'On ImageNet-1K at the same complexity, ResNeXt-50 (32×4d) has {resnext}% top-1 error against {resnet}% for ResNet-50. Doubling the complexity of ResNet-101 ({base}%) by going deeper gives {deeper}%, by going wider {wider}%, and by raising the cardinality ({setting}) {cardinality}%.',
  'story.results.ours':
    'Our CIFAR-10 runs: ResNeXt-29 {setting} trained for {epochs} epochs reaches {acc} test accuracy; it is the network used across this site. In {familyEpochs}-epoch runs at equal complexity, {base} reached {baseAcc} and {grouped} {groupedAcc}; the {n} settings ranged from {worst} to {best}. Each is a single short run, so gaps this small are weak evidence.',
  'story.results.setting': '{acc} ({setting})',
  'story.results.p2': 'The charts below show the paper’s tables and our training curves.',

  // The guided tour.
  'tour.start': 'Guided tour',
  'tour.progress': 'Step {n} of {total}',
  'tour.back': 'Back',
  'tour.next': 'Next',
  'tour.finish': 'Finish',
  'tour.close': 'Leave the tour',
  'tour.keys': '← → or Enter to move, Esc to leave.',

  'tour.why.title': 'Why cardinality?',
  'tour.why.text':
    'Deeper or wider networks are more accurate but cost more. ResNeXt adds a third dimension, cardinality. Here C = 1: the block is the ResNet bottleneck, a single path.',
  'tour.cardinality.title': '{c} paths at the same cost',
  'tour.cardinality.text':
    'Now C = {c}: the one wide path becomes {c} paths of width {d}, and the weights and MACs stay about the same. Try the slider yourself.',
  'tour.cost.title': 'Where the weights go',
  'tour.cost.text':
    'The block’s weights, part by part: splitting the 3×3 into C groups divides its weights by C, and that is what pays for the wider bottleneck. The equal-complexity rule picks the d that keeps the total level.',
  'tour.heritage.title': 'Inception’s legacy',
  'tour.heritage.text':
    'Inception also splits, transforms and merges, with hand-picked branches. Compare the naive module with the one that reduces channels with 1×1 convolutions first.',
  'tour.block.title': 'A neuron, and a block',
  'tour.block.text':
    'A neuron’s Σ wᵢxᵢ is the simplest split-transform-merge. ResNeXt sums C small networks instead: F(x) = Σᵢ Tᵢ(x). Move the weights to see the sum change.',
  'tour.whyCardinality.title': 'Why cardinality: the paper’s results',
  'tour.whyCardinality.text':
    'The paper’s Tables 3 and 4 as pictures: at the same cost, more paths lower the ImageNet error, and doubling the cost through cardinality beats going deeper or wider.',
  'tour.forms.title': 'Three equivalent forms',
  'tour.forms.text':
    'Forms (a), (b) and (c) compute the same function. The 3×3 weights of path 1 are selected: see where they sit in each form; in (c) they are one group of a grouped convolution.',
  'tour.grouped.title': 'The grouped 3×3, on real activations',
  'tour.grouped.text':
    'Block layer1.1 of the trained network at the transform step: the 3×3 is a grouped convolution, so each group, one path, turns its own d input maps into d output maps with its own kernel. Pick another group to compare.',
  'tour.step.title': 'A real block, merging',
  'tour.step.text':
    'Block layer1.1 of the trained network at the merge step: the last 1×1 convolution sums the outputs of the 32 paths. Use the step controls to walk through the whole block.',
  'tour.classify.title': 'Your picture, a real network',
  'tour.classify.text':
    'Classify a sample or your own image with the trained ResNeXt-29. The picture you choose is the one the step-through shows.',
  'tour.arch.title': 'ResNeXt-50 next to ResNet-50',
  'tour.arch.text':
    'The same layout, and parameters and MACs within a few percent; only the inside of each block changes: the 3×3 becomes a grouped convolution and the bottleneck width C·d grows.',
  'tour.catch.title': 'The catch',
  'tour.catch.text':
    'Grouped convolutions run slower than dense ones with the same MACs. Run the speed test to see it on your device.',
  'tour.results.title': 'Results',
  'tour.results.text':
    'The paper’s ImageNet results and our CIFAR-10 measurements. This is the end of the tour: Finish or Esc closes it.',
} as const;
