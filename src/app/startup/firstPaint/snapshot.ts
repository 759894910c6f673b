/**
 * Turns the app's first screen, drawn at build time, into the first paint: a picture of the page that shows
 * until the page's own figure has painted (src/app/startup/firstPaint/endFirstPaint.ts). It must not be
 * taken for the page: no ids (the page has the same ones), nothing that names a figure or a test hook, nothing
 * focusable; each figure keeps its id as `data-first-paint-figure`.
 */
const DROPPED = [
  'id',
  'for',
  'tabindex',
  'data-testid',
  'data-figure-link',
  'aria-controls',
  'aria-labelledby',
  'aria-describedby',
  'aria-activedescendant',
];

export function toSnapshot(root: Element): void {
  for (const el of root.querySelectorAll('[data-figure]')) {
    el.setAttribute('data-first-paint-figure', el.getAttribute('id') ?? '');
    el.removeAttribute('data-figure');
  }
  for (const el of root.querySelectorAll('*')) {
    for (const name of DROPPED) el.removeAttribute(name);
    for (const { name } of [...el.attributes]) {
      if (name.startsWith('data-') && name !== 'data-first-paint-figure') el.removeAttribute(name);
    }
  }
}

/** What React set as properties of the form controls (checked, value, the chosen option), written as HTML attributes. */
export function keepControlState(root: Element): void {
  for (const el of root.querySelectorAll('input')) {
    const input = el as HTMLInputElement;
    if (input.checked === true) input.setAttribute('checked', '');
    if (typeof input.value === 'string' && input.value !== '') input.setAttribute('value', input.value);
  }
  // React marks the chosen option of a select by its `selected` property
  for (const el of root.querySelectorAll('select')) {
    const options = [...el.querySelectorAll('option')] as HTMLOptionElement[];
    if (!options.some((o) => o.selected === true)) continue;
    for (const option of options) {
      if (option.selected === true) option.setAttribute('selected', '');
      else option.removeAttribute('selected');
    }
  }
}
