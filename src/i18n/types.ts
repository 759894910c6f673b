/** A catalog in another language must have exactly the English catalog's keys. */
export type Catalog<T> = { [K in keyof T]: string };
export type Lang = 'en' | 'zh';
export const LANGS: readonly Lang[] = ['en', 'zh'];
