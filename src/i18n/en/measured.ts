/** The seeded cardinality experiment (Numbers) and the model's reliability on the test set (Classify). */
export const measured = {
  'family.title': 'Does cardinality help at equal complexity? Every run shown',
  'family.intro':
    '{count} ResNeXt-29 settings of equal complexity, {epochs} epochs each, {seeds} per setting. Each dot is one training run; where there are several seeds, the bar spans the lowest to the highest accuracy and the tick marks the mean. The accuracy axis spans {span} percentage points, so the differences look as large as they are.',
  'family.seeds': '{n} seeds',
  'family.seeds.one': 'one seed',
  'family.acc.title': 'Test accuracy against cardinality C',
  'family.acc.y': 'CIFAR-10 test accuracy',
  'family.acc.series': 'test accuracy',
  'family.time.title': 'Training time per epoch against C',
  'family.time.y': 'Seconds per epoch',
  'family.time.alone': 'alone on the GPU',
  'family.time.together': '{n} runs side by side',
  'family.time.note':
    'At equal MACs the grouped settings train more slowly: C = {high} takes {ratio}× the time per epoch of C = {low}, each alone on the GPU.',
  'family.verdict.one-seed':
    'Verdict: one seed per setting cannot separate signal from noise (C = {high} minus C = {low}: {diff} points).',
  'family.verdict.above-noise-higher':
    'Verdict: C = {high} beats C = {low} by {diff} points, more than the seeds’ spread of {spread} points — above the noise.',
  'family.verdict.above-noise-lower':
    'Verdict: C = {high} is {diff} points below C = {low}, more than the seeds’ spread of {spread} points — above the noise, against the paper’s claim.',
  'family.verdict.within-noise':
    'Verdict: C = {high} minus C = {low} is {diff} points, within the seeds’ spread of {spread} points — within the noise.',
  'family.col.setting': 'Setting',
  'family.col.seeds': 'Accuracy per seed',
  'family.col.mean': 'Mean',
  'family.col.spread': 'Min–max',
  'family.col.alone': 'Seconds per epoch, alone',
  'family.col.together': 'Seconds per epoch, side by side',
  'family.notMeasured': 'not measured',
  'family.source': 'Source: the family’s metrics.json ({device}, PyTorch {torch})',

  'reliability.title': 'What the probabilities mean',
  'reliability.explain':
    'The model knows ten classes only, so every picture becomes one of them, whatever it shows. It was trained with label smoothing (0.1), which keeps its top probability near 90% even when it is certain, and it has never seen pictures unlike CIFAR-10’s 32×32 photos: on a drawing, a screenshot or a face it is often confidently wrong.',
  'reliability.show': 'Show how reliable the confidence is',
  'reliability.hide': 'Hide the reliability view',
  'reliability.chartTitle': 'Accuracy per confidence bin on the test set',
  'reliability.x': 'Confidence (top probability)',
  'reliability.y': 'Accuracy in the bin',
  'reliability.diagonal': 'perfectly calibrated',
  'reliability.summary':
    'On {records} of the {total} CIFAR-10 test images: accuracy {acc}, mean confidence {conf}, expected calibration error {ece}. Bars below the diagonal are over-confident, bars above it under-confident.',
  'reliability.prefix':
    'Measured on the first {records} test images (the test file is shuffled, so a prefix is a fair sample); the full set was too slow on a shared CPU.',
  'reliability.col.bin': 'Confidence',
  'reliability.col.count': 'Images',
  'reliability.col.acc': 'Accuracy',
  'reliability.col.conf': 'Mean confidence',
  'reliability.source': 'Source: {command}',
};
