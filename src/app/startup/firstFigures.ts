import type { SectionId } from '../state/appState';

/**
 * Each section's first figure, as the reader sees it: drawn content inside the figure (the phone benchmark
 * waits for it, and the first paint is drawn until it is there). Classify's is a picture on a canvas, which
 * the first paint cannot draw; the lab's first view is text. `picture`: the figure shows the sample photo the
 * address names (the head's script asks for the photo beside the section's chunks: sectionPreloadPlugin.ts).
 */
export const FIRST_FIGURES = {
  overview: { id: 'fig-block', content: 'svg *' },
  forms: { id: 'fig-forms-morph', content: 'svg *' },
  step: { id: 'fig-network', content: 'svg *' },
  classify: { id: 'fig-classify-preview', content: 'canvas', picture: true },
  numbers: { id: 'fig-arch-imagenet', content: 'table tr' },
} as const satisfies Partial<Record<SectionId, { id: string; content: string; picture?: boolean }>>;

export type FirstFigureSection = keyof typeof FIRST_FIGURES;

/**
 * The sections whose first screen is drawn into the build (src/app/startup/firstPaint/): not the step-through,
 * whose network map is laid out for the width of the screen it is on.
 */
export const FIRST_PAINT_SECTIONS = [
  'overview',
  'forms',
  'numbers',
] as const satisfies readonly FirstFigureSection[];

/** Whether the section `id` names has a first figure that shows the sample photo the address names. */
export const showsPicture = (id: string): boolean =>
  (FIRST_FIGURES as Partial<Record<string, { picture?: boolean }>>)[id]?.picture === true;

/** The live figure's content, e.g. `#fig-block svg *`. */
export const liveFigure = (s: FirstFigureSection): string =>
  `#${FIRST_FIGURES[s].id} ${FIRST_FIGURES[s].content}`;

/**
 * The same figure in the first paint, once it is shown (firstPaint/firstPaintScript.js sets `data-first-paint`,
 * and drops `data-first-paint-staging` once a fetched screen is laid out):
 * in either language's copy, or in `lang`'s; `content` what to find in it (by default what marks it drawn).
 */
export const paintedFigure = (
  s: FirstFigureSection,
  lang?: 'en' | 'zh',
  content: string = FIRST_FIGURES[s].content,
): string =>
  `html[data-first-paint]:not([data-first-paint-staging]) #first-paint${lang ? ` > [data-first-paint="${lang}"]` : ''} ` +
  `[data-first-paint-figure="${FIRST_FIGURES[s].id}"] ${content}`;
