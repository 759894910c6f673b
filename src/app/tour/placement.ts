/**
 * Where the tour's card goes, as plain geometry (no DOM), so it can be tested. On wide screens the card
 * sits in a column of its own beside the page (the page makes room for it) and follows its target's top
 * (followTarget.ts, with Floating UI); on narrow screens it is docked at the bottom and the target is
 * scrolled above it.
 */

export type TourLayout = 'side' | 'bottom';

/** Widest viewport (CSS px) that still docks the card at the bottom. */
const SIDE_MIN_WIDTH = 1024;
/** Gap between the card, the target and the window's edges. */
export const TOUR_MARGIN = 12;

export function tourLayout(viewportWidth: number): TourLayout {
  return viewportWidth >= SIDE_MIN_WIDTH ? 'side' : 'bottom';
}

/** The height a target may have to fit between the top of the window and the card (bottom layout). */
export function roomAbove(cardHeight: number, viewportHeight: number): number {
  return viewportHeight - cardHeight - 3 * TOUR_MARGIN;
}

/**
 * Which of the candidate targets (in order of preference, by height) to point at: the first that fits the
 * room, or the first of all when none does.
 */
export function pickTarget(heights: readonly number[], room: number): number {
  if (heights.length === 0) return -1;
  const fitting = heights.findIndex((h) => h <= room);
  return fitting === -1 ? 0 : fitting;
}
