import { parseHTML } from 'linkedom';

/**
 * A DOM in Node, global as in a browser, for drawing the app's first screen at build time: linkedom's
 * document, and what the app touches beyond it (the address and its history, media queries, frames). The
 * reduced-motion query matches, so figures are drawn at their end state without transitions; a frame is a
 * timer.
 */
export function installDom(): { document: Document } {
  const { window, document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  let href = 'http://localhost/';
  const location = {
    get href() {
      return href;
    },
    get search() {
      return new URL(href).search;
    },
    get hash() {
      return new URL(href).hash;
    },
    get pathname() {
      return new URL(href).pathname;
    },
    get origin() {
      return new URL(href).origin;
    },
  };
  const history = {
    state: null,
    replaceState: (_s: unknown, _t: string, url?: string) => {
      if (url) href = new URL(url, href).href;
    },
    pushState: (_s: unknown, _t: string, url?: string) => {
      if (url) href = new URL(url, href).href;
    },
  };
  const noop = () => {};
  const mediaQuery = (query: string) => ({
    matches: /prefers-reduced-motion:\s*reduce/.test(query),
    media: query,
    addEventListener: noop,
    removeEventListener: noop,
    addListener: noop,
    removeListener: noop,
  });
  const storage = { getItem: () => null, setItem: noop, removeItem: noop };
  class Observer {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  const extra = {
    location,
    history,
    matchMedia: mediaQuery,
    localStorage: storage,
    sessionStorage: storage,
    navigator: { language: 'en-US', languages: ['en-US'], userAgent: 'first-paint', hardwareConcurrency: 2 },
    requestAnimationFrame: (f: (t: number) => void) => setTimeout(() => f(performance.now()), 16),
    cancelAnimationFrame: (id: ReturnType<typeof setTimeout>) => clearTimeout(id),
    requestIdleCallback: () => 0,
    cancelIdleCallback: noop,
    scrollTo: noop,
    // no layout here: every style is the empty string, every box empty
    getComputedStyle: () =>
      new Proxy(
        { getPropertyValue: () => '' },
        { get: (t, k) => (k in t ? t[k as 'getPropertyValue'] : '') },
      ),
    ResizeObserver: Observer,
    IntersectionObserver: Observer,
    innerWidth: 1280,
    innerHeight: 900,
    devicePixelRatio: 1,
  };
  Object.assign(window, extra);
  const proto = (window as unknown as { Element: { prototype: Record<string, unknown> } }).Element.prototype;
  proto.getBoundingClientRect ??= () => ({
    x: 0,
    y: 0,
    top: 0,
    left: 0,
    right: 0,
    bottom: 0,
    width: 0,
    height: 0,
  });
  const g = globalThis as Record<string, unknown>;
  for (const [k, v] of Object.entries(extra)) g[k] = v;
  for (const k of [
    'window',
    'document',
    'HTMLElement',
    'Element',
    'Node',
    'SVGElement',
    'Event',
    'CustomEvent',
    'MutationObserver',
    'KeyboardEvent',
    'MouseEvent',
  ]) {
    const v =
      k === 'window'
        ? window
        : k === 'document'
          ? document
          : (window as unknown as Record<string, unknown>)[k];
    if (v !== undefined) g[k] = v;
  }
  g.IS_REACT_ACT_ENVIRONMENT = true;
  return { document: document as unknown as Document };
}
