import { describe, expect, it } from 'vitest';
import { imagenetSpec, makeSpec, resnext29Spec } from '../../resnext/spec';
import { translate, type MessageKey, type Params } from '../../i18n';
import { describeVariant, variantText } from './variant';

const en = (key: MessageKey, params?: Params) => translate('en', key, params);
const zh = (key: MessageKey, params?: Params) => translate('zh', key, params);

describe('describeVariant', () => {
  it('names the torchvision ImageNet models', () => {
    expect(describeVariant(imagenetSpec(50, 32, 4)).label).toBe('ResNeXt-50 (32×4d)');
    expect(describeVariant(imagenetSpec(101, 32, 8)).label).toBe('ResNeXt-101 (32×8d)');
    expect(describeVariant(imagenetSpec(50, 1, 64))).toMatchObject({
      label: 'ResNet-50',
      depth: 50,
      cardinality: 1,
      d: 64,
      dataset: 'imagenet',
    });
  });
  it('names the CIFAR models by their cardinality and width', () => {
    expect(describeVariant(resnext29Spec(8, 14))).toMatchObject({
      label: 'ResNeXt-29 (8×14d)',
      depth: 29,
      cardinality: 8,
      d: 14,
      dataset: 'cifar',
    });
    expect(describeVariant(resnext29Spec(1, 64)).label).toBe('ResNeXt-29 (1×64d)');
  });
  it('counts depth from the blocks', () => {
    const spec = makeSpec({
      stem: 'imagenet',
      blocksPerStage: [3, 8, 36, 3],
      cardinality: 1,
      d: 64,
      numClasses: 1000,
    });
    expect(describeVariant(spec).label).toBe('ResNet-152');
  });
  it('writes the name for the reader with the language’s brackets', () => {
    const cifar = describeVariant(resnext29Spec(32, 4));
    expect(variantText(cifar, en)).toBe('ResNeXt-29 (32×4d)');
    expect(variantText(cifar, zh)).toBe('ResNeXt-29（32×4d）');
    // the data attribute keeps the language-neutral name
    expect(cifar.label).toBe('ResNeXt-29 (32×4d)');
    const resnet = describeVariant(imagenetSpec(50, 1, 64));
    expect(variantText(resnet, zh)).toBe('ResNet-50');
    expect(variantText(describeVariant(imagenetSpec(50, 32, 4)), zh)).toBe('ResNeXt-50（32×4d）');
  });
});
