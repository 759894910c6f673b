/** Messages of the whole network on one screen. */
export const networkMap = {
  'networkMap.heading': 'The whole network on one screen',
  'networkMap.intro':
    'Every block of the network from the stem to the classifier, grouped by the stages of the paper’s Table 1 (conv1, conv2, …, fc), with each block’s output shape, its cardinality C and per-group width d, and its parameters. One name per stage, the paper’s: ResNeXt-29’s three stages are conv2, conv3 and conv4, and the block names layer1.0 … layer3.2 are PyTorch’s for the same stages (layer1 = conv2, layer2 = conv3, layer3 = conv4).',
  'networkMap.thumbs.explain':
    'The small map in each block is what the block computes for the current picture: its output, averaged over the channels (dark: weak, bright: strong; each map on its own scale). Click a block, or press Enter on it, to walk through it below.',
  'networkMap.thumb.aria': 'Map of the output of {name} for the current picture, averaged over its channels',
  'networkMap.links.aria': 'Arrows from each stage of the network to the next, stem to classifier',
  'networkMap.network.label': 'Network',
  'networkMap.network.running': 'ResNeXt-{depth} {c}×{d}d (running)',
  'networkMap.network.paper': 'ResNeXt-{depth} {c}×{d}d (paper, Table 1)',
  'networkMap.paper.note':
    'ResNeXt-{depth} does not run here: it is drawn from the paper’s Table 1, for {size}×{size} ImageNet pictures, so its blocks have no maps.',
  'networkMap.overviewStage': 'The Overview’s stage control shows one block of {row}, framed here.',
  'networkMap.loading': 'Loading the model to draw its blocks…',
  'networkMap.thumbs.computing': 'Computing the maps of every block for this picture…',
  'networkMap.thumbs.noImage': 'No picture yet: the maps appear once one is chosen.',
  'networkMap.thumbs.error': 'Could not compute the maps: {message}',
  'networkMap.column.size': '{h}×{w}',
  'networkMap.column.stage': '{n} blocks · {h}×{w}',
  'networkMap.stem.name': 'Stem',
  'networkMap.stem.op': '{k}×{k} conv, {c}',
  'networkMap.stem.opPool': '{k}×{k} conv + max pool',
  'networkMap.head.name': 'Classifier',
  'networkMap.head.op': 'average pool + fc',
  'networkMap.head.classes': '{n} classes',
  'networkMap.card.cd': '{c}×{d}d',
  'networkMap.card.params': '{params} params',
  'networkMap.block.aria': '{lines} ({stage}). Opens the block in the step-through.',
} as const;
