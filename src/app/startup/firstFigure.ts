/**
 * The first figure comes first: the compute engine (tfjs, its kernels, the backend's start, the canary), the
 * weights download and the service worker wait until the section's first figure has painted, so that on a slow
 * phone nothing the figure does not need runs ahead of it.
 *
 * `watchFirstFigure` (src/main.tsx, before the first render) watches the page for the first figure with
 * content; `afterFirstFigure` resolves once it has painted and the main thread has been idle once, or after
 * `fallbackMs` when no figure appears (a section whose first view is text, an error). Where nothing watches
 * (the unit tests, a page without figures), the gate is open.
 */

/** A figure with something drawn in it: an SVG with content, a canvas, a picture or a table's rows. */
const FIGURE_CONTENT = '[data-figure] svg *, [data-figure] canvas, [data-figure] img, [data-figure] table tr';

/** How long the engine waits for a figure that does not appear. */
const FALLBACK_MS = 4000;

let gate: Promise<void> = Promise.resolve();
let open = true;

/** Resolves once the first figure has painted (at once where nothing watches for it). */
export const afterFirstFigure = (): Promise<void> => gate;

/**
 * Keeps the gate shut for good: the build draws the first paint (src/app/startup/firstPaint/) from the app
 * itself, and nothing of the engine may start there.
 */
export function holdEngine(): void {
  open = false;
  gate = new Promise<void>(() => {});
}

/** Whether the engine may start now (the gate has opened). */
export const firstFigureDone = (): boolean => open;

export interface WatchOptions {
  /** where the figure appears (the document) */
  root?: ParentNode & Node;
  fallbackMs?: number;
}

const nextFrame = (): Promise<void> =>
  new Promise((resolve) =>
    typeof requestAnimationFrame === 'function'
      ? requestAnimationFrame(() => resolve())
      : setTimeout(resolve, 16),
  );

/** The main thread's next idle moment (a task later where the browser has no idle callbacks). */
const idle = (): Promise<void> =>
  new Promise((resolve) =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(() => resolve(), { timeout: 300 })
      : setTimeout(resolve, 0),
  );

/**
 * Starts watching `root` for the first figure with content and closes the gate until it has painted: two
 * animation frames after it is in the document (the frame that paints it has ended), then an idle moment.
 */
export function watchFirstFigure({
  root = document,
  fallbackMs = FALLBACK_MS,
}: WatchOptions = {}): Promise<void> {
  open = false;
  gate = new Promise<void>((resolve) => {
    const painted = () =>
      void nextFrame()
        .then(nextFrame)
        .then(idle)
        .then(() => {
          open = true;
          resolve();
        });
    const present = () => root.querySelector(FIGURE_CONTENT) !== null;
    if (present()) return painted();
    const observer = new MutationObserver(() => {
      if (present()) finish();
    });
    const timer = setTimeout(() => finish(), fallbackMs);
    function finish() {
      observer.disconnect();
      clearTimeout(timer);
      painted();
    }
    observer.observe(root, { childList: true, subtree: true });
  });
  return gate;
}
