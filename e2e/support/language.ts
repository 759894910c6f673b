import type { Page } from '@playwright/test';
import { catalogs } from '../../src/i18n';

/** Attributes whose text a reader sees or hears. */
const SPOKEN_ATTRIBUTES = [
  'aria-label',
  'aria-valuetext',
  'aria-roledescription',
  'title',
  'alt',
  'placeholder',
];

/**
 * Text a reader of `lang` meets on the page that is in the other language: for Chinese, runs of two or more
 * Latin-script words that no Chinese message contains (names such as "Wide ResNet" are in the Chinese
 * messages where they are meant to stay in English); for English, any CJK character. Visible text, the
 * attributes above and SVG titles and descriptions count; code, and elements marked with another `lang`, do not.
 */
export async function foreignText(page: Page, lang: 'en' | 'zh'): Promise<string[]> {
  const found = await page.evaluate(
    ({ lang, attributes }) => {
      const pattern =
        lang === 'zh'
          ? /[A-Za-z][A-Za-z'’]+(?:[ -]+[A-Za-z][A-Za-z'’]+)+/g
          : /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+/g;
      const ownLang = (el: Element) => {
        const marked = el.closest('[lang]')?.getAttribute('lang') ?? '';
        return lang === 'zh' ? marked.startsWith('zh') : marked.startsWith('en');
      };
      const out: string[] = [];
      const add = (el: Element, where: string, text: string) => {
        if (!ownLang(el)) return;
        for (const m of text.matchAll(pattern)) out.push(`${m[0]}\t${where}: ${text.trim().slice(0, 80)}`);
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        // code is the same in every language
        if (!el || el.closest('script, style, noscript, code, kbd, samp, pre')) continue;
        const inSvgText = el.closest('svg title, svg desc') !== null;
        if (!inSvgText && !el.checkVisibility({ visibilityProperty: true })) continue;
        add(el, `<${el.tagName.toLowerCase()}>`, node.textContent ?? '');
      }
      for (const el of document.body.querySelectorAll(attributes.map((a) => `[${a}]`).join(','))) {
        for (const a of attributes) {
          const value = el.getAttribute(a);
          if (value) add(el, `<${el.tagName.toLowerCase()} ${a}>`, value);
        }
      }
      return out;
    },
    { lang, attributes: SPOKEN_ATTRIBUTES },
  );
  if (lang === 'en') return [...new Set(found.map((f) => f.split('\t')[1]))];
  const messages = Object.values(catalogs.zh).join('\n');
  return [
    ...new Set(found.filter((f) => !messages.includes(f.split('\t')[0])).map((f) => f.replace('\t', ' ← '))),
  ];
}
