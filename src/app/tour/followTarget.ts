import { autoUpdate, computePosition, shift } from '@floating-ui/dom';
import { prefersReducedMotion, whenPanelAppears } from './findPanel';
import { pickTarget, roomAbove, tourLayout, TOUR_MARGIN } from './placement';

// Hand-written (Floating UI only positions): choosing the target, scrolling to it, holding it while it settles.

/** The attribute that marks the element the tour's current step describes (highlighted, and found by tests). */
const TOUR_TARGET_ATTR = 'data-tour-target';

/** How long the target is held in place while the content above it is still rendering. */
const SETTLE_MS = 3_000;

const visible = (el: Element) => el.getClientRects().length > 0;

/** The first visible match of each selector, in the given order of preference, without repeats. */
function candidates(selectors: readonly string[]): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (const sel of selectors) {
    const el = [...document.querySelectorAll<HTMLElement>(sel)].find(visible);
    if (el && !found.includes(el)) found.push(el);
  }
  return found;
}

/** The candidate that fits beside (or above) the card: the preferred one when it fits. */
function choose(selectors: readonly string[], card: HTMLElement | null): HTMLElement | null {
  const all = candidates(selectors);
  const cardHeight = card?.offsetHeight ?? 0;
  const room =
    tourLayout(window.innerWidth) === 'side'
      ? window.innerHeight - 2 * TOUR_MARGIN
      : roomAbove(cardHeight, window.innerHeight);
  const i = pickTarget(
    all.map((el) => el.getBoundingClientRect().height),
    room,
  );
  return i < 0 ? null : all[i];
}

/** The latest placement asked for; an earlier one that resolves after it is dropped. */
let placing = 0;

/**
 * Puts the card beside its target (side layout): level with the target's top and shifted to stay inside the
 * window, by Floating UI; only its top is set (the page's CSS gives the card its column). Docked at the bottom,
 * or with no target, the card keeps its CSS place.
 */
function placeCard(card: HTMLElement | null, target: HTMLElement | null): void {
  const mine = ++placing;
  if (!card) return;
  if (!target || tourLayout(window.innerWidth) !== 'side') {
    card.style.top = '';
    return;
  }
  void computePosition(target, card, {
    strategy: 'fixed',
    placement: 'right-start',
    middleware: [shift({ padding: TOUR_MARGIN })],
  }).then(({ y }) => {
    if (mine === placing) card.style.top = `${Math.round(y)}px`;
  });
}

/**
 * Points the tour at a step's target once it has rendered: marks it, scrolls it to the top of the window
 * and keeps the card beside it (or the target above a docked card). While the content above settles the
 * target is held in place, until the reader scrolls. Returns a function that undoes all of it.
 */
export function followTarget(selectors: readonly string[], card: () => HTMLElement | null): () => void {
  let target: HTMLElement | null = null;
  let held = true;
  const cleanups: (() => void)[] = [];

  const scrollToTarget = (smooth: boolean) => {
    if (!target) return;
    const top = window.scrollY + target.getBoundingClientRect().top - TOUR_MARGIN;
    window.scrollTo({ top: Math.max(0, top), behavior: smooth ? 'smooth' : 'auto' });
  };
  const follow = () => placeCard(card(), target);
  /** Floating UI's updates of the card's place while the current target scrolls, resizes or moves. */
  let stopFollowing = () => {};
  const followCurrent = () => {
    stopFollowing();
    const c = card();
    stopFollowing = target && c ? autoUpdate(target, c, follow) : () => {};
  };

  /** Chooses the target again (a preferred one may have rendered since); true when it changed. */
  const point = (): boolean => {
    const next = choose(selectors, card());
    if (next === target || (!next && target?.isConnected)) return false;
    target?.removeAttribute(TOUR_TARGET_ATTR);
    target = next;
    target?.setAttribute(TOUR_TARGET_ATTR, '');
    return true;
  };

  const stopWaiting = whenPanelAppears(selectors, () => {
    point();
    scrollToTarget(!prefersReducedMotion());
    followCurrent();
    let lastTop = target?.getBoundingClientRect().top ?? 0;
    // Held while the content above settles; the reader scrolling takes over for good.
    let settling = true;
    const release = () => {
      held = false;
    };
    const events = ['wheel', 'touchstart', 'mousedown'] as const;
    for (const e of events) window.addEventListener(e, release, { passive: true });
    const ro = new ResizeObserver(() => {
      // A preferred target that renders later (a figure after its loading notice) takes over.
      const changed = point();
      const top = target?.getBoundingClientRect().top ?? 0;
      if (held && (changed || (settling && Math.abs(top - lastTop) > 1))) scrollToTarget(false);
      lastTop = target?.getBoundingClientRect().top ?? 0;
      if (changed) followCurrent();
      else follow();
    });
    ro.observe(document.getElementById('main') ?? document.body);
    const c = card();
    if (c) ro.observe(c);
    const timer = window.setTimeout(() => {
      settling = false;
    }, SETTLE_MS);
    cleanups.push(() => {
      for (const e of events) window.removeEventListener(e, release);
      ro.disconnect();
      window.clearTimeout(timer);
      stopFollowing();
    });
  });

  return () => {
    stopWaiting();
    for (const c of cleanups.splice(0)) c();
    target?.removeAttribute(TOUR_TARGET_ATTR);
    placeCard(card(), null);
  };
}
