/**
 * Scrolling to the figure a link names (`?section=…#figure-id`). Sections render on demand and their
 * figures a moment later, so this waits for the element, scrolls it to the top of the window, and keeps it
 * there while the content above it settles (images, lazy panels), until the reader scrolls themselves.
 */

/** How long to wait for the element, and how long to hold it in place once found. */
const WAIT_MS = 15_000;
const SETTLE_MS = 2_500;

/** The id a location hash names ('' when none). */
export function hashId(hash: string): string {
  const raw = hash.replace(/^#/, '');
  if (!raw) return '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return '';
  }
}

/** Scrolls the element with `id` into view once it exists; returns a function that stops waiting. */
export function scrollToAnchor(id: string): () => void {
  let stopped = false;
  const cleanups: (() => void)[] = [];
  const stop = () => {
    stopped = true;
    for (const c of cleanups.splice(0)) c();
  };

  const place = (el: HTMLElement) => el.scrollIntoView({ block: 'start', behavior: 'auto' });

  const hold = (el: HTMLElement) => {
    place(el);
    let lastTop = el.getBoundingClientRect().top;
    const reader = () => stop();
    const events = ['wheel', 'touchstart', 'keydown', 'mousedown'] as const;
    for (const e of events) window.addEventListener(e, reader, { passive: true, once: true });
    const ro = new ResizeObserver(() => {
      if (stopped || !el.isConnected) return;
      const top = el.getBoundingClientRect().top;
      if (Math.abs(top - lastTop) > 1) place(el);
      lastTop = el.getBoundingClientRect().top;
    });
    const main = document.getElementById('main') ?? document.body;
    ro.observe(main);
    const timer = window.setTimeout(stop, SETTLE_MS);
    cleanups.push(() => {
      for (const e of events) window.removeEventListener(e, reader);
      ro.disconnect();
      window.clearTimeout(timer);
    });
  };

  const found = document.getElementById(id);
  if (found) {
    hold(found);
    return stop;
  }
  const observer = new MutationObserver(() => {
    const el = document.getElementById(id);
    if (!el || stopped) return;
    observer.disconnect();
    hold(el);
  });
  observer.observe(document.body, { childList: true, subtree: true });
  const giveUp = window.setTimeout(() => observer.disconnect(), WAIT_MS);
  cleanups.push(() => {
    observer.disconnect();
    window.clearTimeout(giveUp);
  });
  return stop;
}
