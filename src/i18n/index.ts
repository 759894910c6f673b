import { en, type MessageKey } from './en';
import { zh } from './zh';
import type { Lang } from './types';

export type { MessageKey };
export type { Lang };
export { LANGS } from './types';

export const catalogs: Record<Lang, Record<MessageKey, string>> = { en, zh };

export type Params = Record<string, string | number>;

/** Looks up a message and fills `{name}` placeholders. */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const text = catalogs[lang][key] ?? catalogs.en[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
