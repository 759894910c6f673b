import { describe, expect, it } from 'vitest';
import { countNetwork } from '../../resnext/counting';
import { imagenetSpec, resnext29Spec, type NetworkSpec } from '../../resnext/spec';
import { HEAD_CARD, networkColumns, STEM_CARD } from './networkColumns';
import {
  CARD_H,
  columnMinWidth,
  MAX_COLUMN,
  MAX_VERTICAL,
  minHorizontalWidth,
  networkLayout,
  overlaps,
  textWidth,
  THUMB,
  type NetworkLayout,
} from './networkLayout';

const r29 = resnext29Spec(32, 4);
const r50 = imagenetSpec(50, 32, 4);
/** Columns as the figure lays them out: each card's lines stand in for its text (the width that matters). */
const input = (spec: NetworkSpec, thumbnails: boolean) =>
  networkColumns(spec).map((c) => {
    const cards = c.cards.map((k) => ({
      lines: [
        k.id,
        k.outShape.join('×'),
        `C × d = ${k.groups} × ${k.d}`,
        `${k.params.toLocaleString('en-US')} params`,
      ],
      thumbnail: thumbnails && k.kind !== 'head',
    }));
    return {
      id: c.id,
      cards: c.cards.map((k) => k.id),
      minWidth: columnMinWidth({ title: c.id, sub: `${c.cards.length} blocks`, cards }),
    };
  });

describe('networkColumns', () => {
  it('has the stem, one column per stage and the classifier, every block once in execution order', () => {
    for (const spec of [r29, r50]) {
      const cols = networkColumns(spec);
      expect(cols.map((c) => c.id)).toEqual(['conv1', ...spec.stages.map((_, s) => `conv${s + 2}`), 'fc']);
      const ids = cols.flatMap((c) => c.cards.map((k) => k.id));
      expect(ids).toEqual([STEM_CARD, ...spec.stages.flat().map((b) => b.name), HEAD_CARD]);
    }
  });

  it("adds up to the network count's parameters and MACs", () => {
    for (const spec of [r29, r50]) {
      const count = countNetwork(spec);
      const cards = networkColumns(spec).flatMap((c) => c.cards);
      expect(cards.reduce((s, k) => s + k.params, 0)).toBe(count.params);
      expect(cards.reduce((s, k) => s + k.macs, 0)).toBe(count.macs);
    }
    // The paper's Table 1: ResNeXt-50 (32×4d) has 25.0 × 10⁶ parameters.
    const total = networkColumns(r50)
      .flatMap((c) => c.cards)
      .reduce((s, k) => s + k.params, 0);
    expect(total / 1e6).toBeCloseTo(25.0, 1);
  });

  it('gives each block its output shape, C and d from the spec', () => {
    const cards = new Map(networkColumns(r29).flatMap((c) => c.cards.map((k) => [k.id, k])));
    expect(cards.get(STEM_CARD)).toMatchObject({ outShape: [32, 32, 64], kernel: 3, maxPool: false });
    expect(cards.get('layer1.0')).toMatchObject({ outShape: [32, 32, 256], groups: 32, d: 4 });
    expect(cards.get('layer2.0')).toMatchObject({ outShape: [16, 16, 512], groups: 32, d: 8 });
    expect(cards.get('layer3.2')).toMatchObject({ outShape: [8, 8, 1024], groups: 32, d: 16 });
    expect(cards.get(HEAD_CARD)).toMatchObject({ outShape: [1, 1, 10] });
    // A block's parameters: conv1 + conv2 (grouped) + conv3, their batch norms, and a projection if it has one.
    const b = r29.stages[1][0];
    const expected =
      b.inChannels * b.width +
      (b.width * b.width * 9) / b.groups +
      b.width * b.outChannels +
      2 * (2 * b.width + b.outChannels) +
      b.inChannels * b.outChannels +
      2 * b.outChannels;
    expect(cards.get('layer2.0')!.params).toBe(expected);

    const paper = new Map(networkColumns(r50).flatMap((c) => c.cards.map((k) => [k.id, k])));
    expect(paper.get(STEM_CARD)).toMatchObject({ outShape: [56, 56, 64], kernel: 7, maxPool: true });
    expect(paper.get('layer4.2')).toMatchObject({ outShape: [7, 7, 2048], groups: 32, d: 32 });
  });
});

function expectSound(l: NetworkLayout, width: number) {
  expect(l.width).toBeLessThanOrEqual(width);
  for (const box of [...l.columns, ...l.cards]) {
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.w).toBeLessThanOrEqual(l.width);
    expect(box.y + box.h).toBeLessThanOrEqual(l.height);
  }
  for (const [i, a] of l.cards.entries()) {
    for (const b of l.cards.slice(i + 1)) expect(overlaps(a, b), `${a.id} / ${b.id}`).toBe(false);
    const col = l.columns.find((c) => c.id === a.column)!;
    expect(a.x >= col.x && a.x + a.w <= col.x + col.w, `${a.id} inside ${col.id}`).toBe(true);
    expect(a.y >= col.headerY && a.y + a.h <= col.y + col.h, `${a.id} below ${col.id}'s header`).toBe(true);
  }
  for (const [i, a] of l.columns.entries())
    for (const b of l.columns.slice(i + 1)) expect(overlaps(a, b), `${a.id} / ${b.id}`).toBe(false);
  expect(l.cards.map((c) => c.index)).toEqual(l.cards.map((_, i) => i));
  expect(l.edges.map((e) => e.key)).toEqual(l.cards.slice(1).map((c, i) => `${l.cards[i].id}→${c.id}`));
}

describe('text widths', () => {
  it('counts CJK characters square and others narrower, bold wider', () => {
    expect(textWidth('参数', 13)).toBe(26);
    expect(textWidth('ab', 10)).toBeCloseTo(12);
    expect(textWidth('ab', 10, true)).toBeGreaterThan(textWidth('ab', 10));
  });

  it('makes a column wide enough for its longest line, and for a thumbnail beside it', () => {
    const long = {
      title: 'conv4',
      sub: '3 blocks',
      cards: [{ lines: ['layer3.0', '1,390,592 params'], thumbnail: false }],
    };
    const w = columnMinWidth(long);
    expect(w).toBeGreaterThan(textWidth('1,390,592 params', 13));
    const withThumb = columnMinWidth({ ...long, cards: [{ ...long.cards[0], thumbnail: true }] });
    expect(withThumb - w).toBeGreaterThanOrEqual(THUMB);
    // Ten CJK characters take more room than ten Latin ones.
    const latin = columnMinWidth({
      ...long,
      cards: [{ lines: ['a', 'abcdefghijklmnopqrst'], thumbnail: false }],
    });
    const chinese = columnMinWidth({
      ...long,
      cards: [{ lines: ['a', '一二三四五六七八九十一二三四五六七八九十'], thumbnail: false }],
    });
    expect(chinese).toBeGreaterThan(latin);
  });
});

describe('networkLayout', () => {
  it('stands the columns side by side on a wide screen, each card under the one before it', () => {
    const cols = input(r29, true);
    const l = networkLayout(cols, { width: 1086 });
    expect(l.orientation).toBe('horizontal');
    expectSound(l, 1086);
    const xs = l.columns.map((c) => c.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    // Every column at least as wide as its content needs.
    l.columns.forEach((c, i) => expect(c.w).toBeGreaterThanOrEqual(cols[i].minWidth));
    for (const col of l.columns) {
      const cards = l.cards.filter((c) => c.column === col.id);
      for (let i = 1; i < cards.length; i++) {
        expect(cards[i].x).toBe(cards[0].x);
        expect(cards[i].y).toBeGreaterThan(cards[i - 1].y + CARD_H - 1);
      }
    }
    // Within a column the arrow goes down; between columns it leaves right and enters left.
    expect(l.edges[1].d).toMatch(/^M[\d.]+,[\d.]+ V[\d.]+$/);
    expect(l.edges[0].d).toMatch(/H[\d.]+$/);
    // Far wider than needed, no column grows past its cap.
    const wide = networkLayout(cols, { width: 4000 });
    expect(Math.max(...wide.columns.map((c) => c.w))).toBe(MAX_COLUMN);
  });

  it("fits both networks side by side at the page's widest content (1280 px screen)", () => {
    expect(networkLayout(input(r29, true), { width: 1086 }).orientation).toBe('horizontal');
    expect(networkLayout(input(r50, false), { width: 1086 }).orientation).toBe('horizontal');
  });

  it('runs down one column on a phone', () => {
    const l = networkLayout(input(r29, true), { width: 343 });
    expect(l.orientation).toBe('vertical');
    expectSound(l, 343);
    expect(new Set(l.cards.map((c) => c.x)).size).toBe(1);
    for (let i = 1; i < l.cards.length; i++) expect(l.cards[i].y).toBeGreaterThan(l.cards[i - 1].y);
    const ys = l.columns.map((c) => c.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
  });

  it('turns vertical exactly below the width the columns need, and caps the single column', () => {
    const cols = input(r50, false);
    const need = minHorizontalWidth(cols);
    expect(networkLayout(cols, { width: need }).orientation).toBe('horizontal');
    expect(networkLayout(cols, { width: need - 1 }).orientation).toBe('vertical');
    // Thumbnails make the cards wider, so the same width may no longer hold the columns.
    expect(minHorizontalWidth(input(r50, true))).toBeGreaterThan(need);
    expectSound(networkLayout(cols, { width: need }), need);
    expect(networkLayout(cols, { width: 700 }).width).toBe(MAX_VERTICAL);
  });
});
