import { describe, expect, it } from 'vitest';
import {
  BLOCKS,
  CARDINALITIES,
  SECTIONS,
  SECTION_FIELDS,
  canonicalState,
  STAGES,
  defaultState,
  hasLangParam,
  normalizeState,
  parseState,
  serializeState,
  type AppState,
} from './appState';
import { blockConfig } from '../block/blockConfig';

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
  more: true,
  form: 'c',
  colors: 'shared',
  channel: 255,
  bnView: 'bn',
  at: '5,17',
  labC: '1,2,8',
  labSeeds: 5,
  labEpochs: 2,
  labImages: 512,
};

describe('parseState', () => {
  it('returns the defaults for an empty query', () => {
    expect(parseState('')).toEqual(defaultState);
    expect(parseState('?')).toEqual(defaultState);
  });

  it('reads every field', () => {
    const q =
      'section=step&lang=zh&backend=wasm&cardinality=8&d=14&keepComplexity=0&stage=c29-2&layer=layer2.0.conv2' +
      '&block=layer3.2&step=group-conv&group=63&model=resnext29_8x14d&sample=cifar-17&tour=0&more=1' +
      '&form=c&colors=shared&channel=255&bnView=bn&at=5,17&labC=8,1,2&labSeeds=5&labEpochs=2&labImages=512';
    expect(parseState(q)).toEqual(custom);
    expect(parseState('?' + q)).toEqual(custom);
  });

  it('reads the lab’s settings and falls back on bad ones', () => {
    const s = parseState('section=lab&labC=4,1&labSeeds=1&labEpochs=1&labImages=512');
    expect([s.labC, s.labSeeds, s.labEpochs, s.labImages]).toEqual(['1,4', 1, 1, 512]);
    const bad = parseState('section=lab&labC=3,1&labSeeds=9&labEpochs=0&labImages=10001');
    expect([bad.labC, bad.labSeeds, bad.labEpochs, bad.labImages]).toEqual(['1,4', 2, 4, 2000]);
    expect(parseState('labC=1,,4').labC).toBe('1,4');
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
    ['at', '5'],
    ['at', '-1,2'],
    ['at', '1,2,3'],
    ['at', '1000,2'],
    ['at', 'a,b'],
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
    expect(serializeState({ ...defaultState, section: 'step', at: '5,7' })).toBe('section=step&at=5,7');
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
    expect(normalizeState(bad)).toEqual({
      ...custom,
      d: defaultState.d,
      group: 0,
      step: 'input',
      layer: '',
      more: false,
      form: 'a',
      // the lab's settings are shown by the lab only
      labC: defaultState.labC,
      labSeeds: defaultState.labSeeds,
      labEpochs: defaultState.labEpochs,
      labImages: defaultState.labImages,
    });
  });
});

/** What the app does with a reader's change: merge the patch, then normalize (AppStateContext's update). */
const apply = (s: AppState, patch: Partial<AppState>) => normalizeState({ ...s, ...patch });

describe('canonicalState', () => {
  it('stores no free d while "keep complexity" derives it', () => {
    expect(canonicalState({ ...defaultState, d: 2 }).d).toBe(defaultState.d);
    expect(canonicalState({ ...defaultState, keepComplexity: false, d: 2 }).d).toBe(2);
  });

  it('keeps a field only in the sections that show it', () => {
    const withAll = {
      ...defaultState,
      layer: 'conv2.1',
      block: 'layer3.2',
      step: 'merge',
      group: 7,
    } as AppState;
    for (const section of SECTIONS) {
      const c = canonicalState({ ...withAll, section });
      for (const [key, shownIn] of Object.entries(SECTION_FIELDS)) {
        const k = key as keyof AppState;
        expect(c[k], `${key} in ${section}`).toEqual(
          shownIn.includes(section) ? withAll[k] : defaultState[k],
        );
      }
    }
  });

  it('is idempotent and agrees with a URL round trip', () => {
    const c = canonicalState(custom);
    expect(canonicalState(c)).toEqual(c);
    expect(normalizeState(parseState(serializeState(c)))).toEqual(c);
  });

  it('"keep complexity" off, on, then conv5 at C = 64: no stale d, the block shows d = 16', () => {
    let s = apply(defaultState, { cardinality: 64 });
    const derived = blockConfig(s);
    expect(derived.networkD).toBe(2);
    s = apply(s, { keepComplexity: false, d: derived.networkD });
    expect(new URLSearchParams(serializeState(s)).get('d')).toBe('2');
    s = apply(s, { keepComplexity: true });
    s = apply(s, { stage: 'r50-conv5' });
    const q = new URLSearchParams(serializeState(s));
    expect(q.has('d')).toBe(false);
    expect(q.has('keepComplexity')).toBe(false);
    expect(blockConfig(s).d).toBe(16);
    // The URL, read back, shows the same block.
    expect(blockConfig(parseState(serializeState(s)))).toEqual(blockConfig(s));
  });

  it('leaving the Step section drops its block, step and group from the URL', () => {
    let s = apply(defaultState, { section: 'step', block: 'layer2.0', step: 'merge', group: 3 });
    expect(serializeState(s)).toBe('section=step&block=layer2.0&step=merge&group=3');
    s = apply(s, { section: 'classify' });
    expect(serializeState(s)).toBe('section=classify');
  });
});

describe('hasLangParam', () => {
  it('detects an explicit language', () => {
    expect(hasLangParam('?lang=en')).toBe(true);
    expect(hasLangParam('section=forms')).toBe(false);
  });
});
