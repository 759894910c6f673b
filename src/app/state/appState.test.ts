import { describe, expect, it } from 'vitest';
import {
  BLOCKS,
  CARDINALITIES,
  STAGES,
  defaultState,
  hasLangParam,
  normalizeState,
  parseState,
  serializeState,
  type AppState,
} from './appState';

const custom: AppState = {
  section: 'step',
  lang: 'zh',
  backend: 'wasm',
  cardinality: 8,
  d: 14,
  keepComplexity: false,
  stage: 'c29-2',
  layer: 'layer2.0.conv2',
  block: 'layer3.2',
  step: 'group-conv',
  group: 63,
  model: 'resnext29_8x14d',
  sample: 'cifar-17',
  tour: 0,
  form: 'c',
  colors: 'shared',
  channel: 255,
  bnView: 'bn',
};

describe('parseState', () => {
  it('returns the defaults for an empty query', () => {
    expect(parseState('')).toEqual(defaultState);
    expect(parseState('?')).toEqual(defaultState);
  });

  it('reads every field', () => {
    const q =
      'section=step&lang=zh&backend=wasm&cardinality=8&d=14&keepComplexity=0&stage=c29-2&layer=layer2.0.conv2' +
      '&block=layer3.2&step=group-conv&group=63&model=resnext29_8x14d&sample=cifar-17&tour=0' +
      '&form=c&colors=shared&channel=255&bnView=bn';
    expect(parseState(q)).toEqual(custom);
    expect(parseState('?' + q)).toEqual(custom);
  });

  it.each([
    ['section', 'classifyy'],
    ['section', 'OVERVIEW'],
    ['lang', 'fr'],
    ['backend', 'webgl2'],
    ['cardinality', '3'],
    ['cardinality', '128'],
    ['cardinality', '32.0'],
    ['d', '0'],
    ['d', '129'],
    ['d', '4.5'],
    ['d', '1e2'],
    ['d', ''],
    ['keepComplexity', 'yes'],
    ['stage', 'r50-conv6'],
    ['layer', 'Layer1'],
    ['layer', 'x'.repeat(41)],
    ['layer', '<script>'],
    ['block', 'layer4.0'],
    ['step', ''],
    ['step', 'Input'],
    ['step', 'a'.repeat(33)],
    ['group', '64'],
    ['group', '-1'],
    ['model', ''],
    ['model', 'resnext-29'],
    ['model', 'm'.repeat(49)],
    ['sample', 'UPPER'],
    ['sample', 's'.repeat(33)],
    ['tour', '-2'],
    ['tour', '51'],
    ['tour', 'NaN'],
    ['form', 'd'],
    ['form', 'A'],
    ['colors', 'global'],
    ['channel', '-1'],
    ['channel', '4096'],
    ['channel', '1.5'],
    ['bnView', 'BN'],
    ['bnView', ''],
  ] as const)('falls back to the default for %s=%j', (key, raw) => {
    const parsed = parseState(new URLSearchParams({ [key]: raw }).toString());
    expect(parsed[key]).toEqual(defaultState[key]);
    expect(parsed).toEqual(defaultState);
  });

  it('keeps valid fields when others are invalid, and ignores unknown keys', () => {
    const parsed = parseState('section=forms&d=999&foo=bar&lang=zh&cardinality=banana');
    expect(parsed).toEqual({ ...defaultState, section: 'forms', lang: 'zh' });
  });

  it('accepts every listed enum value and the integer bounds', () => {
    for (const c of CARDINALITIES) expect(parseState(`cardinality=${c}`).cardinality).toBe(c);
    for (const s of STAGES) expect(parseState(`stage=${s}`).stage).toBe(s);
    for (const b of BLOCKS) expect(parseState(`block=${b}`).block).toBe(b);
    expect(parseState('d=1').d).toBe(1);
    expect(parseState('d=128').d).toBe(128);
    expect(parseState('group=0&tour=50').tour).toBe(50);
    expect(parseState('tour=-1').tour).toBe(-1);
  });

  it('never throws on malformed input', () => {
    for (const q of ['%', '%E0%A4%A', '&&==&', 'section', '?section=&section=forms', '\u0000=\u0000']) {
      expect(() => parseState(q)).not.toThrow();
    }
  });
});

describe('serializeState', () => {
  it('writes nothing for the defaults', () => {
    expect(serializeState(defaultState)).toBe('');
  });

  it('writes only non-default fields', () => {
    expect(serializeState({ ...defaultState, section: 'numbers', d: 64 })).toBe('section=numbers&d=64');
    expect(serializeState({ ...defaultState, keepComplexity: false })).toBe('keepComplexity=0');
    expect(serializeState({ ...defaultState, layer: 'layer1.0.conv1' })).toBe('layer=layer1.0.conv1');
  });

  it('uses a stable field order whatever the object key order', () => {
    const reordered = Object.fromEntries(Object.entries(custom).reverse()) as unknown as AppState;
    expect(serializeState(reordered)).toBe(serializeState(custom));
    const keys = [...new URLSearchParams(serializeState(custom)).keys()];
    expect(keys).toEqual(Object.keys(defaultState));
  });

  it('round-trips through parseState', () => {
    expect(parseState(serializeState(custom))).toEqual(custom);
    const partial = { ...defaultState, lang: 'zh', tour: 3, sample: 'a-1' } as AppState;
    expect(parseState(serializeState(partial))).toEqual(partial);
  });
});

describe('normalizeState', () => {
  it('replaces out-of-range values with defaults', () => {
    const bad = { ...custom, d: 500, group: -3, step: 'Not Valid' } as AppState;
    expect(normalizeState(bad)).toEqual({ ...custom, d: defaultState.d, group: 0, step: 'input' });
  });
});

describe('hasLangParam', () => {
  it('detects an explicit language', () => {
    expect(hasLangParam('?lang=en')).toBe(true);
    expect(hasLangParam('section=forms')).toBe(false);
  });
});
