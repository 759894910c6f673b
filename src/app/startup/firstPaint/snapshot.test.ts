import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { endFirstPaint } from './endFirstPaint';
import { keepControlState, toSnapshot } from './snapshot';

const dom = (body: string) => parseHTML(`<!doctype html><html><body>${body}</body></html>`).document;

describe('the first paint', () => {
  it('keeps no id, test hook or figure mark; a figure keeps its id as data-first-paint-figure', () => {
    const doc = dom(
      '<div id="box"><figure id="fig-block" data-figure="block" data-testid="x" aria-labelledby="h">' +
        '<label for="c">C</label><input id="c" tabindex="0" data-c="4"><a data-figure-link href="?a">link</a>' +
        '</figure><nav><a aria-current="page" href="/">Overview</a></nav></div>',
    );
    const box = doc.getElementById('box') as unknown as Element;
    toSnapshot(box);
    expect(
      box.querySelectorAll('[id], [for], [tabindex], [data-testid], [data-figure], [data-c]').length,
    ).toBe(0);
    expect(box.querySelectorAll('[aria-labelledby], [data-figure-link]').length).toBe(0);
    expect(box.querySelector('figure')?.getAttribute('data-first-paint-figure')).toBe('fig-block');
    // what is not a reference to the page stays
    expect(box.querySelector('nav a')?.getAttribute('aria-current')).toBe('page');
    expect(box.querySelector('figure a')?.getAttribute('href')).toBe('?a');
  });

  it('writes what React set as properties of form controls into their HTML', () => {
    const doc = dom(
      '<div id="box"><input type="checkbox"><input type="checkbox"><input type="range">' +
        '<select><option value="a" selected>a</option><option value="b">b</option></select></div>',
    );
    const box = doc.getElementById('box') as unknown as Element;
    const [on, off, range] = box.querySelectorAll('input') as unknown as HTMLInputElement[];
    on.checked = true;
    off.checked = false;
    range.value = '5';
    const [a, b] = box.querySelectorAll('option') as unknown as HTMLOptionElement[];
    a.selected = false;
    b.selected = true;
    keepControlState(box);
    const html = box.innerHTML;
    expect(html).toContain('<input checked type="checkbox"><input type="checkbox">');
    expect(html).toContain('value="5"');
    expect(html).toContain('<option value="a">a</option><option selected value="b">b</option>');
  });

  it('gives way to the app: the picture and the page’s mark go', () => {
    const doc = dom('<div id="first-paint"><p>picture</p></div><div id="root"></div>');
    doc.documentElement.setAttribute('data-first-paint', 'en');
    doc.documentElement.setAttribute('data-first-paint-fetched', '');
    doc.documentElement.setAttribute('data-first-paint-staging', '');
    endFirstPaint(doc as unknown as Document);
    expect(doc.getElementById('first-paint')).toBeNull();
    expect(doc.documentElement.hasAttribute('data-first-paint')).toBe(false);
    expect(doc.documentElement.hasAttribute('data-first-paint-fetched')).toBe(false);
    expect(doc.documentElement.hasAttribute('data-first-paint-staging')).toBe(false);
    expect(doc.getElementById('root')).not.toBeNull();
  });
});
