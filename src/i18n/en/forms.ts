export const forms = {
  'forms.diagrams.heading': 'Forms (a), (b) and (c)',
  'forms.a.title': '(a) Aggregated transformations',
  'forms.b.title': '(b) Early concatenation',
  'forms.c.title': '(c) Grouped convolution',
  'forms.desc.a':
    '{c} paths, each a 1×1 conv {in}→{d}, a 3×3 conv {d}→{d} and a 1×1 conv {d}→{out}; the outputs of the paths are summed and the shortcut is added. {n} weights.',
  'forms.desc.b':
    '{c} paths, each a 1×1 conv {in}→{d} and a 3×3 conv {d}→{d}; the paths are concatenated to {width} channels, then one 1×1 conv {width}→{out}, and the shortcut is added. {n} weights.',
  'forms.desc.c':
    'One 1×1 conv {in}→{width}, one 3×3 grouped conv {width}→{width} with {c} groups, one 1×1 conv {width}→{out}, and the shortcut is added. {n} weights.',
  'forms.in': 'input {shape}',
  'forms.out': 'output {shape}',
  'forms.concat': 'concatenate → {shape}',
  'forms.groups': '{label}, {g} groups',
  'forms.paths': '× {c} paths',
  'forms.total': '{n} weights',
  'forms.note.copies': '{c} × {n}',
  'forms.note.shape': '→ {shape}',
  'forms.note.shapeCopies': '→ {c} × {shape}',
  'forms.layer.conv1': 'first 1×1 conv',
  'forms.layer.conv2': '3×3 conv',
  'forms.layer.conv3': 'last 1×1 conv',
  'forms.ref.path': '{label} — {form}: path {path}, {layer}, {n} weights',
  'forms.ref.whole': '{label} — {form}: {layer} of all {c} paths, {n} weights',
  'forms.ref.wholeSingle': '{label} — {form}: the single {layer}, {n} weights',
  'forms.why':
    'The totals are identical because the three forms hold the same weights arranged differently. In (b), concatenating the paths and applying one {width}→{out} 1×1 conv equals applying each path’s own {d}→{out} slice of it and summing, which is (a). In (c), the first 1×1 conv to {width} channels stacks the {c} paths’ first convs, and a 3×3 conv with {c} groups lets each group of {d} channels see only its own path, exactly as the separate 3×3 convs do.',
  'forms.selection.none': 'No layer selected.',
  'forms.selection.clear': 'Clear selection',
  'forms.sel.conv1.path':
    'Path {path}’s first 1×1 conv ({in}→{d}): its own conv in (a) and (b); in (c), output channels {from}–{to} of the single 1×1 conv ({in}→{width}).',
  'forms.sel.conv2.path':
    'Path {path}’s 3×3 conv ({d}→{d}): its own conv in (a) and (b); in (c), group {path} of the grouped 3×3 conv, reading and writing channels {from}–{to}.',
  'forms.sel.conv3.path':
    'Path {path}’s last 1×1 conv ({d}→{out}): its own conv in (a); in (b) and (c), the column block of input channels {from}–{to} of the single 1×1 conv ({width}→{out}).',
  'forms.sel.conv1.whole':
    'The first 1×1 convs of all {c} paths ({in}→{d} each) together make (c)’s single 1×1 conv {in}→{width}.',
  'forms.sel.conv2.whole':
    'The 3×3 convs of all {c} paths ({d}→{d} each) together make (c)’s grouped 3×3 conv with {c} groups.',
  'forms.sel.conv3.whole':
    'The last 1×1 convs of all {c} paths ({d}→{out} each), side by side, make the single {width}→{out} 1×1 conv of (b) and (c).',
  'forms.totals.caption': 'Weights and MACs of each form',
  'forms.totals.form': 'Form',
  'forms.totals.params': 'Weights',
  'forms.totals.macs': 'MACs',

  'forms.proof.heading': 'Numerical proof: one set of weights, three forms',
  'forms.proof.intro':
    'One set of weights and one input, run through all three forms with TensorFlow.js on your device. If the forms are equivalent, the outputs agree up to float32 rounding (about 10⁻⁶).',
  'forms.proof.sourceRandom': 'Random weights and a random input (seed {seed}), shape {shape}.',
  'forms.proof.sourceTrained':
    'The trained ResNeXt-29 32×4d block {block} (batch norm folded into the convs) on the current image’s activation, shape {shape}.',
  'forms.proof.smallerInput':
    'The diagrams show this block at its stage’s size, {diagram}; the proof runs the same block on {shape}, which is quicker on every device. The size does not matter for the proof: each form applies the same weights at every position of the map.',
  'forms.proof.noTrained':
    'The trained block is used for 32×4d at a CIFAR stage once the model and an image are loaded; until then the proof uses random weights.',
  'forms.proof.running': 'Running the three forms on {backend}…',
  'forms.proof.waiting': 'Waiting for the compute backend…',
  'forms.proof.error': 'The proof could not run: {message}',
  'forms.proof.maxAB': 'max |a − b|',
  'forms.proof.maxAC': 'max |a − c|',
  'forms.proof.scale': 'largest |output|',
  'forms.proof.verdict': 'The three outputs agree to within float32 rounding.',
  'forms.proof.verdictBad': 'The outputs differ by more than float32 rounding explains.',
  'forms.proof.timeHeading': 'Median time of {runs} runs on {backend}',
  'forms.proof.ms': '{ms} ms',
  'forms.proof.timeNote':
    'The same function, not the same speed: how fast each form runs depends on the backend and on how well it handles many small convolutions or grouped ones.',
  'forms.proof.rerun': 'Run again',
} as const;
