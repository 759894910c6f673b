import type { MessageKey } from '../../i18n';
import { defaultState, type AppState, type SectionId } from '../state/appState';

/**
 * The guided tour as data: each step opens a section, sets the state it needs and points at one panel.
 * Pure data (no React, no DOM), so tests and the browser tests read the same list.
 */
export interface TourStep {
  id: string;
  titleKey: MessageKey;
  textKey: MessageKey;
  section: SectionId;
  /** applied with the section when the step opens; only what the step needs, never language or backend */
  state: Partial<AppState>;
  /**
   * CSS selectors of what the step describes, in order of preference: figure roots first, then what stands
   * for them until they exist. The first one found that fits beside (or above) the card is pointed at.
   */
  targets: readonly string[];
}

const OVERVIEW_BLOCK = { stage: 'r50-conv2', keepComplexity: true } as const;

export const TOUR_STEPS: readonly TourStep[] = [
  {
    id: 'why',
    titleKey: 'tour.why.title',
    textKey: 'tour.why.text',
    section: 'overview',
    state: { ...OVERVIEW_BLOCK, cardinality: 1 },
    targets: ['[data-figure="block"]', '[data-testid="fig1-resnext"]', '[data-story="why"]'],
  },
  {
    id: 'cardinality',
    titleKey: 'tour.cardinality.title',
    textKey: 'tour.cardinality.text',
    section: 'overview',
    state: { ...OVERVIEW_BLOCK, cardinality: 32 },
    targets: [
      '[data-figure="block"]',
      'section[aria-labelledby="ov-figure-heading"]',
      '[data-testid="fig1-resnext"]',
    ],
  },
  {
    id: 'cost',
    titleKey: 'tour.cost.title',
    textKey: 'tour.cost.text',
    section: 'overview',
    state: { ...OVERVIEW_BLOCK, cardinality: 32 },
    // on a phone the whole figure is taller than the screen: its bars stand for it
    targets: ['[data-figure="cost-anatomy"]', '[data-testid="cost-bars"]'],
  },
  {
    id: 'heritage',
    titleKey: 'tour.heritage.title',
    textKey: 'tour.heritage.text',
    section: 'overview',
    state: { ...OVERVIEW_BLOCK, cardinality: 32 },
    targets: [
      '[data-figure="inception"]',
      '[data-story="heritage"] figure',
      '[data-testid="inception-reduced"]',
    ],
  },
  {
    id: 'block',
    titleKey: 'tour.block.title',
    textKey: 'tour.block.text',
    section: 'overview',
    state: { ...OVERVIEW_BLOCK, cardinality: 32 },
    targets: ['[data-figure="neuron"]', '[data-testid="neuron-demo"]', '[data-story="block"]'],
  },
  {
    id: 'why-cardinality',
    titleKey: 'tour.whyCardinality.title',
    textKey: 'tour.whyCardinality.text',
    section: 'overview',
    state: { ...OVERVIEW_BLOCK, cardinality: 32 },
    targets: ['[data-figure="why-cardinality"]', '[data-testid="why-t4-top1"]'],
  },
  {
    id: 'forms',
    titleKey: 'tour.forms.title',
    textKey: 'tour.forms.text',
    section: 'forms',
    state: { ...OVERVIEW_BLOCK, cardinality: 32, layer: 'conv2.1' },
    targets: [
      '[data-figure^="forms"]',
      'section[aria-labelledby="fm-diagrams-heading"]',
      '[data-testid="form-c"]',
    ],
  },
  {
    id: 'grouped',
    titleKey: 'tour.grouped.title',
    textKey: 'tour.grouped.text',
    section: 'step',
    state: { block: 'layer1.1', step: 'transform', group: 0 },
    targets: [
      '[data-testid="group-view"]',
      '[data-figure="step-maps"]',
      '[data-testid="step-strip"]',
      '[data-testid="step-loading"]',
    ],
  },
  {
    id: 'step',
    titleKey: 'tour.step.title',
    textKey: 'tour.step.text',
    section: 'step',
    state: { block: 'layer1.1', step: 'merge', group: 0 },
    targets: [
      '[data-figure^="step"]',
      '[data-testid="merge-view"]',
      '[data-testid="step-strip"]',
      '[data-testid="step-loading"]',
    ],
  },
  {
    id: 'one-output',
    titleKey: 'tour.oneOutput.title',
    textKey: 'tour.oneOutput.text',
    section: 'step',
    state: { block: 'layer2.0', step: 'transform', group: 3, channel: 2, at: '5,7' },
    targets: [
      '[data-figure="one-output"]',
      '[data-testid="group-view"]',
      '[data-testid="step-strip"]',
      '[data-testid="step-loading"]',
    ],
  },
  {
    id: 'classify',
    titleKey: 'tour.classify.title',
    textKey: 'tour.classify.text',
    section: 'classify',
    state: {},
    targets: ['[data-figure="classify-preview"]', 'section[aria-labelledby="classify-input-heading"]'],
  },
  {
    id: 'arch',
    titleKey: 'tour.arch.title',
    textKey: 'tour.arch.text',
    section: 'numbers',
    state: {},
    targets: ['[data-figure="arch-table"]', '[data-story="arch"]'],
  },
  {
    id: 'catch',
    titleKey: 'tour.catch.title',
    textKey: 'tour.catch.text',
    section: 'numbers',
    state: {},
    targets: ['[data-speed-test]', '[data-story="catch"]'],
  },
  {
    id: 'results',
    titleKey: 'tour.results.title',
    textKey: 'tour.results.text',
    section: 'numbers',
    state: {},
    targets: ['[data-figure="paper-table4"]', '[data-figure="paper-table3"]', '[data-story="results"]'],
  },
];

/** Every field some step sets: a step that does not set one puts it back to its default. */
const TOUR_FIELDS = [...new Set(TOUR_STEPS.flatMap((s) => Object.keys(s.state) as (keyof AppState)[]))];

/**
 * The state patch that opens step `index` of the tour (its section, its state and the tour index). Fields
 * that other steps set and this one does not go back to their defaults, so no step leaves its choices in
 * the state (and the URL) of the steps after it.
 */
export function tourPatch(index: number): Partial<AppState> {
  const step = TOUR_STEPS[index];
  if (!step) return { tour: -1 };
  const reset: Record<string, unknown> = {};
  for (const key of TOUR_FIELDS) reset[key] = defaultState[key];
  return { ...(reset as Partial<AppState>), ...step.state, section: step.section, tour: index };
}

/** The step the state's tour index names, or null when the tour is off (or the index is past the end). */
export function currentTourStep(tour: number): TourStep | null {
  return Number.isInteger(tour) && tour >= 0 ? (TOUR_STEPS[tour] ?? null) : null;
}
