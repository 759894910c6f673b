import * as tf from '@tensorflow/tfjs-core';
import type { BlockWeights } from '../../../resnext/blockWeights';
import type { ResNeXtModel } from '../../../resnext/model';
import { foldBn, type BlockParams } from '../../../resnext/modelWeights';
import type { ProofTensors } from './proofRunner';

/**
 * A trained block as the forms see it: each conv with its batch norm folded in (inference mode), so
 * T(x) = bn3(conv3(relu(bn2(conv2(relu(bn1(conv1 x))))))) becomes three convs with biases. New tensors, owned
 * by the caller.
 */
export function trainedBlockWeights(p: BlockParams): BlockWeights {
  return tf.tidy(() => {
    const c1 = foldBn(p.conv1, p.bn1);
    const c2 = foldBn(p.conv2, p.bn2);
    const c3 = foldBn(p.conv3, p.bn3);
    return {
      inChannels: p.spec.inChannels,
      outChannels: p.spec.outChannels,
      cardinality: p.spec.groups,
      d: p.spec.width / p.spec.groups,
      w1: c1.filter,
      b1: c1.bias,
      w2: c2.filter,
      b2: c2.bias,
      w3: c3.filter,
      b3: c3.bias,
    };
  });
}

/**
 * Weights of block `block` (e.g. layer1.1) of a trained model and the activation the model computes for
 * `image` (a normalised [1, H, W, 3] input) just before that block. New tensors, handed to the proof runner;
 * the image stays the caller's.
 */
export function trainedProofTensors(model: ResNeXtModel, image: tf.Tensor4D, block: string): ProofTensors {
  const before = previousBlockOutput(model, block);
  const weights = trainedBlockWeights(model.blockParams(block));
  const { logits, tensors } = model.forward(image, [before]);
  logits.dispose();
  return { weights, input: tensors[before] as tf.Tensor4D };
}

/** The capture name of the activation entering `layerS.B`: the previous block's output, or the stem's. */
function previousBlockOutput(model: ResNeXtModel, block: string): string {
  const names = model.spec.stages.flat().map((b) => b.name);
  const i = names.indexOf(block);
  if (i < 0) throw new Error(`no block ${block} in this model`);
  return i === 0 ? 'relu' : `${names[i - 1]}.out`;
}
