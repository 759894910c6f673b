import { formCounts, type BlockShape } from '../../../resnext/blockCounts';

/** The four blocks the speed test times: the dense ResNet bottleneck and the ResNeXt block in forms a, b, c. */
export const SPEED_BLOCKS = ['resnet', 'a', 'b', 'c'] as const;
export type SpeedBlock = (typeof SPEED_BLOCKS)[number];

/** Input sides: ImageNet's conv2 stage (56×56) and CIFAR's (32×32). */
export const SPEED_SIZES = [56, 32] as const;

/** The 256-d stage: 256 channels in and out, ResNet 1×64d against ResNeXt 32×4d. */
export const STAGE_CHANNELS = 256;
export const RESNET_WIDTH = 64;
export const RESNEXT_C = 32;
export const RESNEXT_D = 4;

function blockShape(block: SpeedBlock, spatial: number): BlockShape {
  const dense = block === 'resnet';
  return {
    inChannels: STAGE_CHANNELS,
    outChannels: STAGE_CHANNELS,
    cardinality: dense ? 1 : RESNEXT_C,
    d: dense ? RESNET_WIDTH : RESNEXT_D,
    spatial,
  };
}

/** MACs of one block for one image, from the project's counting code. */
export const blockMacs = (block: SpeedBlock, spatial: number): number =>
  formCounts(block === 'resnet' ? 'c' : block, blockShape(block, spatial)).macs;
