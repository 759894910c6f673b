/**
 * The step-through's walk through one block as data: each step's texts, the trace tensors it reads and shows,
 * the diagram node it lights, its layers and the panel beside its maps. The tensors come from the engine
 * (src/resnext/stepThrough.ts).
 */
import type { BlockStep } from '../../../resnext/model';
import type { BlockSpec } from '../../../resnext/spec';
import { layersCost, type LayerRole, type LayersCost } from '../../../resnext/stepThrough';

export const STEP_IDS = [
  'input',
  'split',
  'bn1-relu',
  'transform',
  'bn2-relu',
  'merge',
  'bn3',
  'shortcut',
  'add',
  'output',
] as const;
type StepId = (typeof STEP_IDS)[number];

/** Nodes of the block diagram a step lights up. */
export type DiagramNode =
  'input' | 'conv1' | 'bn1' | 'conv2' | 'bn2' | 'conv3' | 'bn3' | 'shortcut' | 'add' | 'output';

/** What a step shows beside its activation maps. */
type StepPanel = 'maps' | 'group' | 'merge';

/** Message keys of the step texts. */
type StepTextKey =
  | `step.${StepId}.title`
  | `step.${StepId}.explain`
  | `step.${StepId}.formula`
  | 'step.shortcut.explainProjection'
  | 'step.shortcut.formulaProjection';

export interface StepDef {
  id: StepId;
  titleKey: StepTextKey;
  explanationKey: StepTextKey;
  formulaKey?: StepTextKey;
  /** other texts for a block whose shortcut is a projection */
  projection?: { explanationKey: StepTextKey; formulaKey: StepTextKey };
  /** the trace tensors the step's operation reads */
  inputs: readonly BlockStep[];
  /** the trace tensors shown, the step's result last */
  tensors: readonly BlockStep[];
  highlight: DiagramNode;
  /** the layers this step runs, for its parameter and MAC counts */
  layers: readonly LayerRole[];
  panel: StepPanel;
}

const step = (
  id: StepId,
  inputs: readonly BlockStep[],
  tensors: readonly BlockStep[],
  highlight: DiagramNode,
  layers: readonly LayerRole[],
  panel: StepPanel = 'maps',
): StepDef => ({
  id,
  titleKey: `step.${id}.title`,
  explanationKey: `step.${id}.explain`,
  formulaKey: `step.${id}.formula`,
  inputs,
  tensors,
  highlight,
  layers,
  panel,
});

/** The walk through one block, in order. */
export const STEPS: readonly StepDef[] = [
  step('input', [], ['in'], 'input', []),
  step('split', ['in'], ['conv1'], 'conv1', ['conv1']),
  step('bn1-relu', ['conv1'], ['bn1', 'relu1'], 'bn1', ['bn1']),
  step('transform', ['relu1'], ['conv2'], 'conv2', ['conv2'], 'group'),
  step('bn2-relu', ['conv2'], ['bn2', 'relu2'], 'bn2', ['bn2']),
  step('merge', ['relu2'], ['conv3'], 'conv3', ['conv3'], 'merge'),
  step('bn3', ['conv3'], ['bn3'], 'bn3', ['bn3']),
  {
    ...step('shortcut', ['in'], ['shortcut'], 'shortcut', ['downsample.0', 'downsample.1']),
    projection: {
      explanationKey: 'step.shortcut.explainProjection',
      formulaKey: 'step.shortcut.formulaProjection',
    },
  },
  step('add', ['bn3', 'shortcut'], ['add'], 'add', []),
  step('output', ['add'], ['out'], 'output', []),
];

/** The explanation and formula keys of a step for this block (identity or projection shortcut). */
export function stepTextKeys(
  def: StepDef,
  spec: BlockSpec,
): { explanationKey: StepTextKey; formulaKey?: StepTextKey } {
  if (spec.projection && def.projection) return def.projection;
  return { explanationKey: def.explanationKey, formulaKey: def.formulaKey };
}

/** Index of a step id in STEPS; an unknown id counts as the first step. */
export function stepIndex(id: string): number {
  return Math.max(0, STEP_IDS.indexOf(id as StepId));
}

/** Parameters and multiply-accumulates of one step of block `spec` on a side×side input. */
export function stepCost(def: StepDef, spec: BlockSpec, side: number): LayersCost {
  return layersCost(spec, side, def.layers);
}
