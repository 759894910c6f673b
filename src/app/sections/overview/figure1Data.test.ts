import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type Params } from '../../../i18n';
import { blockConfig } from '../../block/blockConfig';
import { figure1Columns } from './figure1Data';

const t = (key: MessageKey, params?: Params) => translate('en', key, params);

describe('figure1Columns', () => {
  it("labels the 256-d stage like the paper's Figure 1", () => {
    const cfg = blockConfig({ stage: 'r50-conv2', cardinality: 32, d: 4, keepComplexity: true });
    const { resnet, resnext, scale } = figure1Columns(t, 'en', cfg);
    expect(resnet.layers).toEqual(['256, 1×1, 64', '64, 3×3, 64', '64, 1×1, 256']);
    expect(resnext.layers).toEqual(['256, 1×1, 4', '4, 3×3, 4', '4, 1×1, 256']);
    expect(resnet.inLabel).toBe('256-d in');
    expect(resnext.pathsLabel).toBe('total 32 paths');
    expect(resnet.params.label).toBe('69,632 weights');
    expect(resnext.params.label).toBe('70,144 weights');
    // to scale: both columns share one scale, set by the wider bottleneck (32 × 4 = 128 > 64)
    expect(scale.maxChannels).toBe(128);
    expect(scale.maxParams).toBe(70144);
  });

  it('translates every label', () => {
    const cfg = blockConfig({ stage: 'c29-2', cardinality: 8, d: 4, keepComplexity: true });
    const zh = (key: MessageKey, params?: Params) => translate('zh', key, params);
    const en = figure1Columns(t, 'en', cfg).resnext;
    const cn = figure1Columns(zh, 'zh', cfg).resnext;
    for (const k of ['title', 'inLabel', 'outLabel', 'pathsLabel', 'description'] as const) {
      expect(cn[k]).not.toBe(en[k]);
    }
    expect(cn.layers).toEqual(en.layers);
  });
});
