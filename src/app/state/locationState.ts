import { hasLangParam, parseState, serializeState, type AppLang, type AppState } from './appState';

/** The reader's browser language, used only when the URL does not name one. */
function browserLang(): AppLang {
  const lang = typeof navigator === 'undefined' ? '' : navigator.language;
  return /^zh\b/i.test(lang) ? 'zh' : 'en';
}

/** The state the current URL describes. */
export function readLocationState(): AppState {
  const search = window.location.search;
  const state = parseState(search);
  return hasLangParam(search) ? state : { ...state, lang: browserLang() };
}

/**
 * A same-page URL (path, query, hash) for a state. The hash names a figure of the current section, so it is
 * kept only while the section stays the same.
 */
export function stateHref(state: AppState): string {
  const query = serializeState(state);
  const hash = state.section === readLocationState().section ? window.location.hash : '';
  return window.location.pathname + (query ? `?${query}` : '') + hash;
}

/** Records the state in the address bar: a new history entry, or a replacement of the current one. */
export function writeLocationState(state: AppState, mode: 'push' | 'replace'): void {
  const href = stateHref(state);
  const current = window.location.pathname + window.location.search + window.location.hash;
  if (href === current) return;
  if (mode === 'push') window.history.pushState(null, '', href);
  else window.history.replaceState(null, '', href);
}
