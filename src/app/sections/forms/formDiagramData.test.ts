import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type Params } from '../../../i18n';
import { blockConfig } from '../../block/blockConfig';
import { describeRef, formDiagramData, formNotes, FORMS } from './formDiagramData';
import { selectionText } from './selectionText';

const t = (key: MessageKey, params?: Params) => translate('en', key, params);
const cfg = blockConfig({ stage: 'r50-conv2', cardinality: 32, d: 4, keepComplexity: true });

describe('formDiagramData', () => {
  it("labels each form's convs the way the paper's Figure 3 does", () => {
    const [a, b, c] = FORMS.map((f) => formDiagramData(t, 'en', cfg, f, null));
    expect(a.layers).toEqual({ conv1: '256, 1×1, 4', conv2: '4, 3×3, 4', conv3: '4, 1×1, 256' });
    expect(b.layers).toEqual({ conv1: '256, 1×1, 4', conv2: '4, 3×3, 4', conv3: '128, 1×1, 256' });
    expect(c.layers).toEqual({
      conv1: '256, 1×1, 128',
      conv2: '128, 3×3, 128, 32 groups',
      conv3: '128, 1×1, 256',
    });
    expect(b.concatLabel).toBe('concatenate → 56×56×128');
  });

  it('gives the same total for the three forms, factored per path where the form has copies', () => {
    const data = FORMS.map((f) => formDiagramData(t, 'en', cfg, f, null));
    expect(new Set(data.map((x) => x.totalLabel))).toEqual(new Set(['70,144 weights']));
    const notes = FORMS.map((f) => formNotes(t, 'en', cfg, f));
    expect(notes[0].conv1.params).toBe('32 × 1,024');
    expect(notes[2].conv1.params).toBe('32,768');
    expect(notes[0].conv3.params).toBe('32 × 1,024');
    expect(notes[1].conv3.params).toBe('32,768');
    expect(notes[0].conv2.shape).toBe('→ 32 × 56×56×4');
    expect(notes[2].conv2.shape).toBe('→ 56×56×128');
  });

  it('puts the paths count on the paths and sums the paths only in (a)', () => {
    const [a, b, c] = FORMS.map((f) => formDiagramData(t, 'en', cfg, f, null));
    expect(a.sumLabel).toBe('Σ 32 paths + x');
    expect(b.sumLabel).toBe('+ x (shortcut)');
    expect(b.sumLabel).not.toContain('paths');
    expect(c.sumLabel).toBe(b.sumLabel);
    expect(a.pathsLabel).toBe('× 32 paths');
    expect(b.pathsLabel).toBe('× 32 paths');
    expect(c.pathsLabel).toBeNull();
    expect(a.shortLayers.conv1).toEqual(['1×1', '256→4']);
    expect(a.shortLayers.conv2).toEqual(['3×3', '4→4']);
  });

  it('describes each form in words for screen readers', () => {
    const [a, b, c] = FORMS.map((f) => formDiagramData(t, 'en', cfg, f, null));
    expect(a.description).toContain('32 paths');
    expect(b.description).toContain('concatenated to 128 channels');
    expect(c.description).toContain('with 32 groups');
    for (const x of [a, b, c]) expect(x.description).toContain('70,144 weights');
  });

  it('names a selected part with its share of the weights', () => {
    const path = describeRef(t, 'en', cfg, 'c', { conv: 3, branch: 4 });
    expect(path).toContain('path 5');
    expect(path).toContain('1,024 weights');
    expect(path).toContain('4, 1×1, 256');
    const whole = describeRef(t, 'en', cfg, 'c', { conv: 2, branch: null });
    expect(whole).toContain('4,608 weights');
  });
});

describe('selectionText', () => {
  it("locates path i's last 1×1 as input channels of the single 1×1 in (b) and (c)", () => {
    const s = selectionText(t, cfg, { conv: 3, branch: 2 });
    expect(s).toContain('Path 3');
    expect(s).toContain('9–12');
    expect(s).toContain('128→256');
  });
  it('says when nothing is selected', () => {
    expect(selectionText(t, cfg, null)).toBe('No layer selected.');
  });
});
