import {
  canonicalState,
  hasLangParam,
  parseState,
  serializeState,
  type AppLang,
  type AppState,
} from './appState';

/** The reader's browser language, used only when the URL does not name one. */
function browserLang(): AppLang {
  const lang = typeof navigator === 'undefined' ? '' : navigator.language;
  return /^zh\b/i.test(lang) ? 'zh' : 'en';
}

/** The state the current URL describes, in its canonical form. */
export function readLocationState(): AppState {
  const search = window.location.search;
  const state = canonicalState(parseState(search));
  return hasLangParam(search) ? state : { ...state, lang: browserLang() };
}

/**
 * Takes out of the address bar what the page does not show (a stale d, a field of another section) and adds
 * the language when it is missing, without adding a history entry. Everything else in the URL stays as written.
 */
export function tidyLocation(): void {
  const params = new URLSearchParams(window.location.search);
  const written = parseState(window.location.search);
  const fixed = canonicalState(written);
  let changed = false;
  // The address always names the language the page is shown in (the browser's, when the URL named none).
  if (!params.has('lang')) {
    params.set('lang', readLocationState().lang);
    changed = true;
  }
  for (const key of Object.keys(fixed) as (keyof AppState)[]) {
    if (fixed[key] !== written[key] && params.has(key)) {
      params.delete(key);
      changed = true;
    }
  }
  if (!changed) return;
  const query = params.toString().replace(/%2C/g, ',');
  const href = window.location.pathname + (query ? `?${query}` : '') + window.location.hash;
  window.history.replaceState(window.history.state, '', href);
}

/**
 * A same-page URL (path, query, hash) for a state. The hash names a figure of the current section, so it is
 * kept only while the section stays the same.
 */
export function stateHref(state: AppState): string {
  const query = linkQuery(state);
  const hash = state.section === readLocationState().section ? window.location.hash : '';
  return window.location.pathname + `?${query}` + hash;
}

/**
 * The query of a link the app writes: the state's fields that differ from their defaults, and always the
 * language, so that a shared link opens in the language it was copied in whatever the reader's browser prefers.
 */
export function linkQuery(state: AppState): string {
  const params = new URLSearchParams(serializeState(state));
  if (!params.has('lang')) params.set('lang', state.lang);
  return params.toString().replace(/%2C/g, ',');
}

/** The full address (origin, path, query, `#id`) of a figure of the current section as the page shows it. */
export function figureAddress(state: AppState, id: string): string {
  return `${window.location.origin}${window.location.pathname}?${linkQuery(state)}#${encodeURIComponent(id)}`;
}

/** Records the state in the address bar: a new history entry, or a replacement of the current one. */
export function writeLocationState(state: AppState, mode: 'push' | 'replace'): void {
  const href = stateHref(state);
  const current = window.location.pathname + window.location.search + window.location.hash;
  if (href === current) return;
  if (mode === 'push') window.history.pushState(null, '', href);
  else window.history.replaceState(null, '', href);
}
