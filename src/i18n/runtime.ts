/**
 * The catalogs as the app loads them: only the language the page is shown in, as a chunk of its own, so an
 * English reader never downloads the Chinese text nor a Chinese reader the English. `loadCatalog` before the
 * first render (src/main.tsx) and before a change of language (src/app/state/AppStateContext.tsx);
 * `translateLoaded` reads what has loaded. The tests and tools read both catalogs from ./index.ts.
 */
import type { Lang } from './types';
import type { MessageKey, Params } from './index';

type Messages = Record<MessageKey, string>;

const loaders: Record<Lang, () => Promise<Messages>> = {
  en: () => import('./en').then((m) => m.en),
  zh: () => import('./zh').then((m) => m.zh),
};

const loaded: Partial<Record<Lang, Messages>> = {};
const loading = new Map<Lang, Promise<void>>();

export const isCatalogLoaded = (lang: Lang): boolean => loaded[lang] !== undefined;

/** Loads the catalog of `lang` (once). */
export function loadCatalog(lang: Lang): Promise<void> {
  let p = loading.get(lang);
  if (!p) {
    p = loaders[lang]().then((messages) => {
      loaded[lang] = messages;
    });
    // a failed load (offline, a new release's chunk gone) is tried again next time
    p.catch(() => loading.delete(lang));
    loading.set(lang, p);
  }
  return p;
}

/** The message of `key` in `lang` (or in a loaded catalog, or the key itself), with `{name}` filled. */
export function translateLoaded(lang: Lang, key: MessageKey, params?: Params): string {
  const text = (loaded[lang] ?? loaded.en ?? loaded.zh)?.[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Whether `key` is a message of the catalogs (as loaded). */
export function isMessageKey(key: string): key is MessageKey {
  const messages = loaded.en ?? loaded.zh;
  return messages !== undefined && key in messages;
}
