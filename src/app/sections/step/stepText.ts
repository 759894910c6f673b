import type { BlockSpec, NetworkSpec } from '../../../resnext/spec';
import { isGrouped } from '../../../resnext/stepKinds';
import type { BlockStep } from '../../../resnext/model';
import { formatShape } from '../../block/format';
import type { T } from '../../i18n/useT';

/** Placeholder values the step texts use for one block of a network. */
export interface BlockTextParams {
  [name: string]: string | number;
  block: string;
  in: number;
  out: number;
  width: number;
  c: number;
  d: number;
  /** side of the block's input maps */
  h: number;
  w: number;
  stride: number;
  next: string;
}

/** Side of the maps entering each block of a network, by block name. */
export function blockInputSides(spec: NetworkSpec): Map<string, number> {
  const sides = new Map<string, number>();
  // The ImageNet stem (stride-2 conv, stride-2 max-pool) quarters the side before the first block.
  let side = spec.stem === 'imagenet' ? spec.inputSize / 4 : spec.inputSize;
  for (const b of spec.stages.flat()) {
    sides.set(b.name, side);
    side /= b.stride;
  }
  return sides;
}

export function blockTextParams(t: T, spec: NetworkSpec, block: BlockSpec): BlockTextParams {
  const blocks = spec.stages.flat();
  const i = blocks.findIndex((b) => b.name === block.name);
  const nextBlock = blocks[i + 1];
  const side = blockInputSides(spec).get(block.name) ?? spec.inputSize;
  return {
    block: block.name,
    in: block.inChannels,
    out: block.outChannels,
    width: block.width,
    c: block.groups,
    d: block.width / block.groups,
    h: side,
    w: side,
    stride: block.stride,
    next: nextBlock ? t('step.output.nextBlock', { block: nextBlock.name }) : t('step.output.pool'),
  };
}

/** "1×32×32×128 (32 × 4)" for the grouped tensors, plain "1×32×32×256" otherwise. */
export function tensorShapeText(t: T, tensor: BlockStep, shape: readonly number[], block: BlockSpec): string {
  const plain = formatShape(shape);
  if (!isGrouped(tensor)) return plain;
  return t('step.shape.grouped', { shape: plain, c: block.groups, d: block.width / block.groups });
}
