/** Texts of the forms morph and the step-through figures. */
export const figures = {
  'forms.sum.a': 'Σ {c} paths + x',
  'forms.sum.bc': '+ x (shortcut)',
  'forms.morph.heading': 'From (a) to (c): the same weights, regrouped',
  'forms.morph.choose': 'Form shown',
  'forms.morph.play': 'Play (a) → (b) → (c)',
  'forms.morph.stop': 'Stop',
  'forms.morph.step.a':
    '(a): {c} separate paths. Each has its own first 1×1 conv ({in}→{d}), 3×3 conv ({d}→{d}) and last 1×1 conv ({d}→{out}); the ⊕ sums the {c} paths and the shortcut.',
  'forms.morph.step.b':
    '(a) → (b): the {c} last 1×1 convs merge. The paths are concatenated to {width} channels and one 1×1 conv ({width}→{out}) replaces the sum; the ⊕ now adds the shortcut alone.',
  'forms.morph.step.c':
    '(b) → (c): the {c} first 1×1 convs merge into one wide 1×1 conv ({in}→{width}), and the {c} 3×3 convs into one grouped 3×3 conv with {c} groups. Block i of each strip is path i’s weights.',
  'forms.notes.caption': 'Layers of {form}',
  'forms.notes.layer': 'Layer',
  'forms.notes.weights': 'Weights',
  'forms.notes.output': 'Output',
  'step.panel.label': 'Maps of this step',
  'step.add.caption':
    'Output channel {k}: the shortcut, the residual branch and their sum, on one colour scale',
  'step.add.x': 'x (the shortcut)',
  'step.add.xProjection': 'shortcut(x)',
  'step.add.f': 'F(x) (the residual branch, after its last batch norm)',
  'step.add.sum': 'x + F(x)',
  'step.add.sumProjection': 'shortcut(x) + F(x)',
  'step.add.all': 'All {out} channels of the sum',
} as const;
