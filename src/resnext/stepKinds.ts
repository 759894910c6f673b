/**
 * What kind of tensor each step of a block's trace is, without computing anything (no TensorFlow.js): the
 * step-through's text and colour scales ask before the trace exists.
 */
import type { BlockStep } from './model';
import type { BlockSpec } from './spec';

/**
 * Whether a trace tensor can be negative. Only values just after a ReLU cannot: the block input (the previous
 * block's or the stem's ReLU output), relu1, relu2, the output, and an identity shortcut (which is the input).
 */
export function isSigned(tensor: BlockStep, spec: BlockSpec): boolean {
  if (tensor === 'shortcut') return spec.projection;
  return !['in', 'relu1', 'relu2', 'out'].includes(tensor);
}

/** Tensors of the bottleneck width C·d, which the block handles as C groups of d channels. */
export function isGrouped(tensor: BlockStep): boolean {
  return ['conv1', 'bn1', 'relu1', 'conv2', 'bn2', 'relu2'].includes(tensor);
}
