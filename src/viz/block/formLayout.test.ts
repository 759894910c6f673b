import { describe, expect, it } from 'vitest';
import { FORM_FONT, FORM_W, formLayout, textWidth, type FormLayoutInput } from './formLayout';

const input = (form: 'a' | 'b' | 'c', cardinality: number, over: Partial<FormLayoutInput> = {}) =>
  ({
    form,
    cardinality,
    title: `(${form})`,
    inLabel: 'input 56×56×256',
    outLabel: 'output 56×56×256',
    layers: { conv1: '256, 1×1, 4', conv2: '4, 3×3, 4', conv3: '4, 1×1, 256' },
    shortLayers: { conv1: ['1×1', '256→4'], conv2: ['3×3', '4→4'], conv3: ['1×1', '4→256'] },
    concatLabel: 'concatenate → 56×56×128',
    pathsLabel: cardinality > 4 ? `× ${cardinality} paths` : null,
    sumLabel: form === 'a' ? 'Σ paths + x' : '+ x',
    totalLabel: '70,144 weights',
    selection: null,
    ...over,
  }) as FormLayoutInput;

const roles = (form: 'a' | 'b' | 'c', c: number, conv: number) =>
  formLayout(input(form, c))
    .cells.filter((x) => x.key.startsWith(`conv${conv}.`))
    .map((x) => x.role);

describe('formLayout', () => {
  it('draws every path up to 4, then paths 1, 2, …, C', () => {
    expect(roles('a', 4, 1)).toEqual(['path', 'path', 'path', 'path']);
    expect(
      formLayout(input('a', 32))
        .cells.filter((x) => x.key.startsWith('conv1.'))
        .map((x) => x.key),
    ).toEqual(['conv1.1', 'conv1.2', 'conv1.32']);
    expect(formLayout(input('a', 32)).texts.some((x) => x.key === 'conv1.…')).toBe(true);
  });

  it('morphs by key: (b) turns the last 1×1s into a strip, (c) the first 1×1s and 3×3s too', () => {
    expect([roles('a', 4, 1), roles('a', 4, 2), roles('a', 4, 3)].flat().every((r) => r === 'path')).toBe(
      true,
    );
    expect(roles('b', 4, 1)).toEqual(Array(4).fill('path'));
    expect(roles('b', 4, 2)).toEqual(Array(4).fill('path'));
    expect(roles('b', 4, 3)).toEqual(Array(4).fill('strip'));
    for (const k of [1, 2, 3]) expect(roles('c', 4, k)).toEqual(Array(4).fill('strip'));
    const keys = (f: 'a' | 'b' | 'c') =>
      formLayout(input(f, 8))
        .cells.filter((x) => x.role === 'wide' || x.role === 'concat')
        .map((x) => x.key);
    expect(keys('a')).toEqual([]);
    expect(keys('b')).toEqual(['concat', 'conv3']);
    expect(keys('c')).toEqual(['conv1', 'conv2', 'conv3']);
  });

  it('keeps each strip block inside its wide conv', () => {
    const l = formLayout(input('c', 32));
    for (const s of l.cells.filter((x) => x.role === 'strip')) {
      const wide = l.cells.find((x) => x.key === s.key.split('.')[0])!;
      expect(s.x).toBeGreaterThanOrEqual(wide.x);
      expect(s.x + s.w).toBeLessThanOrEqual(wide.x + wide.w);
      expect(s.y).toBeGreaterThanOrEqual(wide.y);
      expect(s.y + s.h).toBeLessThanOrEqual(wide.y + wide.h);
    }
  });

  it('breaks a path label into two short lines when one line would not fit its box', () => {
    const wide = formLayout(
      input('a', 4, { layers: { conv1: '2048, 1×1, 40', conv2: '40, 3×3, 40', conv3: '40, 1×1, 2048' } }),
    );
    const cell = wide.cells.find((x) => x.key === 'conv1.1')!;
    expect(cell.lines).toEqual(['1×1', '256→4']);
    for (const line of cell.lines) expect(textWidth(line)).toBeLessThanOrEqual(cell.w - 8);
    const one = formLayout(input('a', 1)).cells.find((x) => x.key === 'conv1.1')!;
    expect(one.lines).toEqual(['256, 1×1, 4']);
  });

  it('keeps every edge and box inside the drawing, and the paths count off the sum node in (b)', () => {
    for (const f of ['a', 'b', 'c'] as const) {
      const l = formLayout(input(f, 32));
      for (const c of l.cells) expect(c.x + c.w).toBeLessThanOrEqual(FORM_W);
      for (const e of l.edges.filter((x) => x.key !== 'sum-out'))
        expect(Math.max(e.y1, e.y2)).toBeLessThanOrEqual(l.sum.y - l.sum.r);
      // what enters the sum node ends on it, what leaves starts on it
      const into = l.edges.filter((e) => e.x2 === l.sum.x && e.y2 === l.sum.y - l.sum.r);
      expect(into.length).toBeGreaterThan(0);
      expect(l.edges.find((e) => e.key === 'sum-out')!.y1).toBe(l.sum.y + l.sum.r);
      const sum = l.texts.find((x) => x.key === 'sum')!;
      expect(sum.y).toBe(l.sum.y);
    }
    const paths = formLayout(input('b', 32)).texts.find((x) => x.key === 'paths')!;
    expect(paths.y).toBeLessThan(formLayout(input('b', 32)).sum.y - 100);
    expect(formLayout(input('c', 32)).texts.find((x) => x.key === 'paths')).toBeUndefined();
  });

  it('measures text no smaller than the diagram font', () => {
    expect(FORM_FONT).toBeGreaterThanOrEqual(12);
    expect(textWidth('abc')).toBeCloseTo(3 * 0.6 * FORM_FONT);
    expect(textWidth('2048→192')).toBeLessThan(66);
    expect(textWidth('路径')).toBe(2 * FORM_FONT);
  });
});
