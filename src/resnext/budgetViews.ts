import { planProof, type ConvStrategy, type ProofPlan, type ViewWork } from './budget';
import { countNetwork } from './counting';
import { resnext29Spec } from './spec';
import { stagePreset, type StageId } from './stages';

/**
 * The work of every view that allocates tensors, from the app's settings alone: the Forms proof of the chosen
 * block (planned within the budget), the step-through trace of the shipped ResNeXt-29, the speed test and the
 * cardinality comparison. Pure: the app and the tests call it with a state; nothing is allocated.
 */

/** The settings the views depend on (a subset of the app state). */
export interface BudgetSettings {
  stage: StageId;
  cardinality: number;
  d: number;
  keepComplexity: boolean;
  /** name of the tfjs backend ('cpu', 'wasm', 'webgl', 'webgpu'), or null before one runs */
  backend: string | null;
}

/**
 * The grouped-conv strategy whose temporaries are largest among those the backend may use: on CPU and WASM
 * the depthwise workaround (WASM uses it when its kernel failed the start-up check), elsewhere the slices.
 */
export const worstStrategy = (backend: string | null): ConvStrategy =>
  backend === 'cpu' || backend === 'wasm' || backend === null ? 'depthwise' : 'slice';

/**
 * Largest input side of the proof: the plain-JavaScript backend computes on the page's main thread, so it gets
 * a smaller input.
 */
const proofMaxSide = (backend: string | null): number => (backend === 'cpu' ? 16 : 32);

/** The Forms proof of the settings' block with random weights, planned within the budget. */
export function proofPlanFor(s: BudgetSettings, budget?: number): ProofPlan {
  const stage = stagePreset(s.stage);
  const d = stage.dFor(s.cardinality, s.keepComplexity, s.d);
  return planProof(
    {
      inChannels: stage.inChannels,
      outChannels: stage.outChannels,
      cardinality: s.cardinality,
      d,
      spatial: Math.min(stage.spatial, proofMaxSide(s.backend)),
    },
    worstStrategy(s.backend),
    budget,
  );
}

/** ResNeXt-29 32×4d on CIFAR-10: 4.8 M parameters; the largest map is 32×32×512 (stage 1's 1×1 at d = 4·4·32). */
const RESNEXT29_PARAMS = 4_800_000;
const RESNEXT29_LARGEST = 32 * 32 * 512;

/** The ResNeXt-29 settings (C, d) that Compare cardinalities runs. */
const COMPARED = [
  [1, 64],
  [2, 40],
  [4, 24],
  [8, 14],
  [32, 4],
] as const;

/** Their parameter counts, counted once (counting a network walks all of its layers). */
let comparedParams: number[] | null = null;
const comparedModelParams = (): number[] =>
  (comparedParams ??= COMPARED.map(([c, d]) => countNetwork(resnext29Spec(c, d)).params));

/** The fixed-size views: their work does not depend on the settings beyond the backend. */
function fixedViews(backend: string | null): ViewWork[] {
  const strategy = worstStrategy(backend);
  const trace = stagePreset('c29-1');
  return [
    {
      kind: 'trace',
      inChannels: trace.inChannels,
      outChannels: trace.outChannels,
      cardinality: 32,
      d: 4,
      spatial: trace.spatial,
      networkParams: RESNEXT29_PARAMS,
      largestActivation: RESNEXT29_LARGEST,
    },
    { kind: 'speed', strategy, channels: 256, resnetWidth: 64, cardinality: 32, d: 4, sizes: [56, 32] },
    {
      kind: 'compare',
      keepModels: true,
      modelParams: comparedModelParams(),
      pageModelParams: RESNEXT29_PARAMS,
      largestActivation: RESNEXT29_LARGEST,
    },
  ];
}

/** Every view's work for the settings, the proof as planned (reduced where needed). */
export function viewsOfSettings(s: BudgetSettings): { proof: ProofPlan; views: ViewWork[] } {
  const proof = proofPlanFor(s);
  return {
    proof,
    views: [
      ...(proof.refused
        ? []
        : [{ kind: 'proof' as const, strategy: worstStrategy(s.backend), ...proof.block }]),
      ...fixedViews(s.backend),
    ],
  };
}
