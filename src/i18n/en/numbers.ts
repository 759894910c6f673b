export const numbers = {
  'numbers.locale': 'en-US',
  'numbers.intro':
    'The network in numbers: its layout and cost, what the paper reports, what this project measured, and a speed test on your own device.',
  'numbers.group.paper': 'The paper',
  'numbers.group.paperLead':
    'Taken from the ResNeXt paper: its architecture (Table 1) and its results (Tables 3 and 4, and CIFAR-10). Not measured by this project.',
  'numbers.group.ours': 'Our training',
  'numbers.group.oursLead':
    'Measured when this project trained its models: the cardinality family, its seeds, the training curves and times, the long run.',
  'numbers.group.device': 'Your device',
  'numbers.group.deviceLead':
    'Measured here, in this browser on your device, when you start a measurement: the speed test and the cost of grouped convolutions.',
  'numbers.loading': 'Loading…',
  'numbers.source': 'Source: {source}',
  'numbers.paperCitation':
    'Xie et al., Aggregated Residual Transformations for Deep Neural Networks, CVPR 2017',
  'numbers.chartAlt': 'Data of the chart “{title}”',
  'numbers.axis.cardinality': 'Cardinality C (log₂ scale)',
  'numbers.axis.epoch': 'Epoch',

  'numbers.arch.title': 'Architecture, stage by stage',
  'numbers.arch.intro':
    'The paper’s Table 1: ResNet-50 and ResNeXt-50 (32×4d) have almost the same parameters and cost. Counts come from this project’s counting code, applied to the same specs that build the models. Hover over or focus a row to find the same stage in the other tables.',
  'numbers.arch.resnet50': 'ResNet-50',
  'numbers.arch.resnext50': 'ResNeXt-50 (32×4d)',
  'numbers.arch.resnext29': 'ResNeXt-29 (32×4d) — this project’s CIFAR-10 model',
  'numbers.arch.col.stage': 'Stage',
  'numbers.arch.col.output': 'Output',
  'numbers.arch.col.layers': 'Layers',
  'numbers.arch.col.params': 'Params',
  'numbers.arch.col.macs': 'MACs',
  'numbers.arch.stage.output': 'output',
  'numbers.arch.stem': '{k}×{k}, {c}, stride {s}',
  'numbers.arch.maxpool': '{k}×{k} max pool, stride {s}',
  'numbers.arch.head': 'global average pool, {n}-d fc, softmax',
  'numbers.arch.total': 'Total',
  'numbers.arch.macsNote':
    'MACs (multiply–accumulates, the paper’s “FLOPs”) for one {size}×{size} image. Params include BatchNorm scales and shifts.',
  'numbers.arch.blocksNote':
    'Per block and per stage: the Overview draws a stage’s repeated block, which reads as many channels as it writes. Each stage’s first block differs: it reads the previous stage’s output and adds a projection shortcut ({proj} weights in conv2). In conv2 ResNeXt-50’s repeated block has {xRep} convolution weights against ResNet-50’s {rRep}, but its first block, reading {firstIn} channels, has {xFirst} against {rFirst}, so the stage has fewer parameters. In conv3 the first block’s first 1×1 still runs on the {side}×{side} map, before its stride-2 3×3, and ResNeXt’s is wider: that block needs {xFirstMacs} MACs against {rFirstMacs}, most of the stage’s extra MACs.',
  'numbers.arch.sourceText':
    'layout: Xie et al., Table 1; counts: this project’s counting code (src/resnext/counting.ts)',

  'numbers.paper.title': 'What the paper reports',
  'numbers.paper.intro':
    'Figures quoted from the paper (ImageNet-1K, 224×224 single crop, and CIFAR-10). They are not measured by this project.',
  'numbers.paper.t3.title': 'Higher cardinality, lower error at equal complexity (Table 3)',
  'numbers.paper.t3.note':
    'C = 1 (1×64d) is ResNet-{depth50} and ResNet-{depth101}; each line keeps MACs and parameters fixed as C grows and d shrinks.',
  'numbers.paper.col.model': 'Model',
  'numbers.paper.col.params': 'Params',
  'numbers.paper.col.cifar10': 'CIFAR-10 error (%)',
  'numbers.paper.t4.title': 'Doubling complexity: more groups beat deeper or wider (Table 4)',
  'numbers.paper.cifar.title': 'CIFAR-10 against Wide ResNet (Table 7)',
  'numbers.paper.cifar.params': '{n}',
  'numbers.paper.cifar.ours':
    'The paper’s ResNeXt-29 is not the one this site runs. Ours is {ours}: {c} paths of width {d}, {oursParams} parameters, trained for {epochs} epochs, {oursErr}% test error. The paper’s {paper} has {paperC} paths of width {paperD} and {paperParams} parameters ({times}× ours, counted by the same code) and reaches {paperErr}%.',
  'numbers.paper.speed.title': 'Training speed',
  'numbers.paper.speed.text':
    'On {gpus} GPUs, ResNeXt-101 (32×4d) trains at {resnext} s per mini-batch against {resnet} s for ResNet-101 of similar MACs: {ratio}× the time, because grouped convolutions use the hardware less efficiently.',

  'numbers.ours.title': 'What this project measured on CIFAR-10',
  'numbers.ours.intro':
    '{count} ResNeXt-29 models of equal complexity ({first} to {last}) trained for {epochsFamily} epochs each, and the {long} model trained for {epochsLong} epochs, on one {device} with batches of {batch} images.',
  'numbers.ours.sourceText': 'metrics.json written by the training runs ({device}, PyTorch {torch})',
  'numbers.how.summary': 'How this was measured',
  'numbers.how.precision':
    'Training ran in PyTorch with bf16 (bfloat16, 16-bit floating point) mixed precision; throughput is measured both in bf16 and in float32.',
  'numbers.how.testCopy':
    'Our test images were decoded from a JPEG copy of CIFAR-10 and shuffled; the official file differs slightly, so figures on it differ slightly too.',
  'numbers.ours.curves.title': 'Test error per epoch, the {count} {epochs}-epoch models',
  'numbers.ours.curves.y': 'CIFAR-10 test error',
  'numbers.ours.train.title': 'Training error per epoch, the {count} {epochs}-epoch models',
  'numbers.ours.train.y': 'CIFAR-10 training error',
  'numbers.ours.train.item': '{setting} {err}',
  'numbers.ours.train.paper':
    'The paper finds that more paths lower the training error as well as the test error (its Figure 5): cardinality makes a stronger representation, not a regulariser, which would trade a higher training error for a lower test error.',
  'numbers.ours.train.falls':
    'Here too, after {epochs} epochs the training error falls with every step up in C: {list}.',
  'numbers.ours.train.mixed':
    'After {epochs} epochs our training errors do not fall steadily with C ({list}): on this short schedule with one run each, the differences are as small as those of the test accuracies, and as noisy.',
  'numbers.how.trainError':
    'Training error is measured on the training batches as they are seen during each epoch, with data augmentation (random crops, flips and Cutout), so it is not the error on the unaugmented training set.',
  'numbers.ours.step.title': 'Training step time at equal MACs',
  'numbers.ours.step.y': 'ms per {batch}-image batch',
  'numbers.ours.step.series': 'step time',
  'numbers.ours.step.ratio':
    '32×4d against 1×64d: {ours}× the step time here, beside the paper’s {paper}× (ResNeXt-101 32×4d against ResNet-101). Grouped models are slower at equal MACs.',
  'numbers.ours.thr.title': 'Inference throughput at batch {batch}',
  'numbers.ours.thr.y': 'Images per second',
  'numbers.ours.thr.bf16': '16-bit floats',
  'numbers.ours.thr.fp32': '32-bit floats',
  'numbers.ours.run80.title': 'ResNeXt-29 32×4d trained for {epochs} epochs',
  'numbers.ours.run80.y': 'Error',
  'numbers.ours.run80.train': 'train error (augmented)',
  'numbers.ours.run80.test': 'test error',
  'numbers.ours.run80.acc':
    'Test accuracy {acc} on the {images} CIFAR-10 test images, measured in PyTorch after training.',
  'numbers.ours.tfjs':
    'The same weights in TensorFlow.js, as this page runs them, on the same test images: {value}.',
  'numbers.how.tfjsCommand': 'The TensorFlow.js figure is printed by this command:',
  'numbers.ours.tfjsValue': '{acc} on {images} images',
  'numbers.ours.notMeasured': 'not measured yet',
  'numbers.ours.col.model': 'Model',
  'numbers.ours.col.epoch': 'Epoch',
  'numbers.ours.col.accuracy': 'Test accuracy',
  'numbers.ours.col.stepMs': 'Step time (ms)',
  'numbers.ours.loadError': 'The measurements could not be loaded: {message}',

  'numbers.speed.title': 'Speed test on your device',
  'numbers.speed.intro':
    'Times one conv2 block ({channels}-d) on this page’s TensorFlow.js backend: the dense ResNet bottleneck (1×64d) and the ResNeXt block (32×4d) in its three equivalent forms. Their MAC counts are almost equal, so any difference in time is how well this backend handles split and grouped work.',
  'numbers.speed.run': 'Run the speed test',
  'numbers.speed.progress': 'Speed test progress',
  'numbers.speed.backend': 'Backend: {backend}',
  'numbers.speed.block.resnet': 'ResNet bottleneck (1×64d)',
  'numbers.speed.block.a': 'ResNeXt 32×4d, form (a): split–transform–merge',
  'numbers.speed.block.b': 'ResNeXt 32×4d, form (b): early concatenation',
  'numbers.speed.block.c': 'ResNeXt 32×4d, form (c): grouped convolution',
  'numbers.speed.short.resnet': 'ResNet',
  'numbers.speed.short.a': '(a)',
  'numbers.speed.short.b': '(b)',
  'numbers.speed.short.c': '(c)',
  'numbers.speed.input': '{size}×{size} input',
  'numbers.speed.col.block': 'Block',
  'numbers.speed.col.macs': 'MACs',
  'numbers.speed.col.median': '{backend}: median (ms)',
  'numbers.speed.col.ratio': '{backend}: × ResNet',
  'numbers.speed.y': 'Median time (ms)',
  'numbers.speed.chartTitle': 'Median time per block, {backend}',
  'numbers.speed.none': 'No results yet: press the button to measure.',
  'numbers.speed.error': 'The speed test failed: {message}',
  'numbers.speed.note':
    'Medians of several timed runs after a warm-up, batch 1, kept for this visit per backend: switch the backend and run again to add a column.',
  'numbers.speed.macsNote':
    'MACs per image from this project’s counting code: the four blocks cost about the same.',
} as const;
