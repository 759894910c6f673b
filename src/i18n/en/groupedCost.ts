/** Messages of why grouped convolutions ran slow: arithmetic intensity and the live measurement. */
export const groupedCost = {
  'gcost.title': 'Why grouped convolutions ran slow, and what changed',
  'gcost.intro':
    'At equal complexity the block’s 3×3 convolution does about the same MACs for every cardinality C. What changes is how much work each byte brought from memory carries. A dense 3×3 (C = 1) is one large matrix product: every input value is used by all {width} outputs. C groups are C small products: each group reads only its own d input channels, and each value serves only d outputs. When the work per byte falls, memory rather than arithmetic sets the pace.',
  'gcost.unit.flopPerByte': 'FLOP/byte',
  'gcost.unit.ms': '{v} ms',
  'gcost.unit.times': '{v}×',
  'gcost.axis.x': 'Cardinality C (log₂ scale), with d below',

  'gcost.intensity.title': 'Work per byte moved by the 3×3 layer, at equal complexity',
  'gcost.intensity.y': 'Work per byte ({unit})',
  'gcost.intensity.grouped': 'C groups of d → d',
  'gcost.intensity.dense': 'dense 3×3 of the same MACs',
  'gcost.intensity.caption':
    'Computed from the shapes, not measured: the 3×3 layer of ResNeXt-29’s conv2 ({side}×{side} input, blocks of {channels} channels, d from the equal-complexity rule). Bytes counted: the layer’s input, its weights and its output, each moved once, as float32 ({bytes} bytes a value); caches, padding and copies are left out, so real code moves more. Work: {flops} FLOPs (a multiply and an add) per MAC. From C = 1 to C = {cMax} (d from {d0} to {dMax}) the work per byte falls from {i0} to {iMax} {unit}, {ratio} less. The dashed line is a dense 3×3 with the same MACs: one large product keeps more work per byte.',
  'gcost.intensity.col.macs': 'MACs',
  'gcost.intensity.col.bytes': 'Bytes moved',
  'gcost.intensity.col.grouped': 'Grouped ({unit})',
  'gcost.intensity.col.dense': 'Dense, same MACs ({unit})',
  'gcost.col.c': 'C',
  'gcost.col.d': 'd',

  'gcost.measure.title': 'Measured on this device: grouped against dense, at equal MACs',
  'gcost.measure.intro':
    'The same layers, timed on this page’s TensorFlow.js backend for each C: a dense 3×3 of the same MACs, the grouped 3×3 as this page runs it, and, where this project has a grouped-convolution kernel of its own for the backend, the grouped 3×3 built from tfjs’s own operations. It starts by itself once the chart is in view, runs in small steps for a few seconds, and can be cancelled. The gap is not fixed by the arithmetic: low-level work on how a grouped convolution moves its bytes narrows it, which is what comparing this project’s kernel with the tfjs operations shows.',
  'gcost.measure.run': 'Measure on this device',
  'gcost.measure.again': 'Measure again',
  'gcost.measure.cancel': 'Cancel',
  'gcost.measure.backend': 'Backend: {backend}',
  'gcost.measure.status.idle': 'Not measured yet.',
  'gcost.measure.status.waiting': 'Waiting for the backend to start.',
  'gcost.measure.status.running': 'Measuring on {backend}: {done} of {total} cardinalities…',
  'gcost.measure.status.done': 'Measured {total} cardinalities on {backend}.',
  'gcost.measure.status.cancelled': 'Cancelled after {done} of {total} cardinalities.',
  'gcost.measure.status.error': 'The measurement failed: {message}',
  'gcost.measure.chart': 'Time of the grouped 3×3 over a dense 3×3 of the same MACs, {backend}',
  'gcost.measure.y': 'Time ÷ dense conv (log₂ scale)',
  'gcost.measure.kernel': 'grouped, this project’s kernel',
  'gcost.measure.ops': 'grouped, tfjs operations ({strategy})',
  'gcost.measure.dense': 'dense 3×3 = 1',
  'gcost.measure.col.dense': 'Dense (ms)',
  'gcost.measure.col.grouped': 'Grouped (ms)',
  'gcost.measure.col.kernel': 'Our kernel (ms)',
  'gcost.measure.col.ops': 'tfjs operations (ms)',
  'gcost.measure.gap.narrower':
    'On this device a grouped 3×3 built from tfjs operations took {opsLo} to {opsHi} the time of a dense 3×3 of the same MACs (C = 2 to {cMax}); with this project’s kernel, {kernelLo} to {kernelHi}. The shapes and the arithmetic are the same: low-level work on how the kernel moves the bytes narrows the gap.',
  'gcost.measure.gap.notNarrower':
    'On this device a grouped 3×3 built from tfjs operations took {opsLo} to {opsHi} the time of a dense 3×3 of the same MACs (C = 2 to {cMax}); with this project’s kernel, {kernelLo} to {kernelHi}: here the kernel does not narrow the gap.',
  'gcost.measure.noKernel':
    'This backend has no grouped-convolution kernel of this project’s, so the page builds grouped convolution from tfjs operations ({strategy}), and that is what is timed.',
  'gcost.measure.note':
    'Medians of {runs} timed runs per convolution after a warm-up, one call and one read-back each, batch 1. The channels are those of the chart on work per byte, the input {side}×{side}, 1/{fraction} of its pixels, so that each step stays short on a phone. At C = 1 the grouped and the dense convolution are the same one, so their difference ({noise}) shows how noisy these timings are.',

  'gcost.steps.title': 'The project’s measured times per C, read the same way',
  'gcost.steps.rise':
    'From C = 1 to C = {c} the width d falls from {d0} to {d}, the 3×3 layer’s work per byte from {i0} to {i} {unit}, and the time per image rises in every measurement: {rises}.',
  'gcost.steps.riseItem': '{what} {ratio}',
  'gcost.steps.noRise':
    'The byte count predicts the time per image to rise with C; already from C = 1 to C = {c} not every measurement follows it.',
  'gcost.steps.break':
    'C = {c} (d = {d}) does not fit: its work per byte is lower, yet it is faster than C = {others} in every measurement. The byte count leaves out much of what a GPU does (which kernel its library picks for each shape, for one), so it cannot say why.',
  'gcost.steps.noise.same':
    'Noise? Each setting was timed once per measurement, so the spread between repeats is not known. But the {n} measurements ({list}) put the {k} settings in the same order, which noise alone would rarely do.',
  'gcost.steps.noise.differ':
    'Noise? Each setting was timed once per measurement, so the spread between repeats is not known, and the {n} measurements ({list}) order the settings differently: read the differences between them as noise.',
  'gcost.steps.m.step': 'training step',
  'gcost.steps.m.bf16': 'inference in 16-bit floats',
  'gcost.steps.m.fp32': 'inference in 32-bit floats',
  'gcost.steps.short.step': 'training',
  'gcost.steps.short.bf16': '16-bit',
  'gcost.steps.short.fp32': '32-bit',
  'gcost.steps.col.setting': 'C×d',
  'gcost.steps.col.relative': 'Time per image, × C = 1',
  'gcost.steps.table': 'Work per byte and time per image of each setting, relative to C = 1',
  'gcost.steps.source':
    'Time per image relative to C = 1, from the equal-complexity family’s metrics file ({device}, PyTorch {torch}): the training step at batch {batch} and inference throughput at batch {inferBatch}.',
} as const;
