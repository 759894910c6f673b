/**
 * Finding and showing the panel a tour step points at. Sections load on demand, so the panel may appear a
 * moment after the step opens: watch the document until one of the selectors matches, or give up.
 */

function firstMatch(selectors: readonly string[]): HTMLElement | null {
  for (const sel of selectors) {
    const el = document.querySelector<HTMLElement>(sel);
    if (el) return el;
  }
  return null;
}

/** Calls `found` with the first element matching a selector (in the given order of preference), once. */
export function whenPanelAppears(
  selectors: readonly string[],
  found: (el: HTMLElement) => void,
  timeoutMs = 15_000,
): () => void {
  // The preferred panel may come a little after a fallback (a section's body before its inner panels).
  const preferred = () => document.querySelector<HTMLElement>(selectors[0]);
  let done = false;
  let fallbackTimer: number | undefined;
  const finish = (el: HTMLElement) => {
    if (done) return;
    done = true;
    stop();
    found(el);
  };
  const check = () => {
    const first = preferred();
    if (first) return finish(first);
    const other = firstMatch(selectors);
    if (other && fallbackTimer === undefined) fallbackTimer = window.setTimeout(() => finish(other), 1500);
  };
  const observer = new MutationObserver(check);
  const giveUp = window.setTimeout(() => {
    const other = firstMatch(selectors);
    if (other) finish(other);
    else stop();
  }, timeoutMs);
  function stop() {
    observer.disconnect();
    window.clearTimeout(giveUp);
    if (fallbackTimer !== undefined) window.clearTimeout(fallbackTimer);
  }
  observer.observe(document.body, { childList: true, subtree: true });
  check();
  return () => {
    done = true;
    stop();
  };
}

export function prefersReducedMotion(): boolean {
  return !!window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Scrolls a panel to the top of the window. */
export function showPanel(el: HTMLElement): void {
  el.scrollIntoView({ block: 'start', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
}
