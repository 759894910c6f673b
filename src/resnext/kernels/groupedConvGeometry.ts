import type { TensorInfo } from '@tensorflow/tfjs-core';
import { groupedConvOutShape, type GroupedConvAttrs } from './groupedConvOp';

/** Everything a grouped-conv shader bakes in: shapes, geometry, bias, activation. */
export interface GroupedConvGeometry {
  xShape: [number, number, number, number];
  outShape: [number, number, number, number];
  kh: number;
  kw: number;
  cinG: number;
  coutG: number;
  stride: number;
  pad: number;
  hasBias: boolean;
  relu: boolean;
}

/** Checks the op's inputs and attributes against each other and derives the geometry shaders need. */
export function groupedConvGeometry(
  x: TensorInfo,
  filter: TensorInfo,
  bias: TensorInfo | undefined,
  attrs: GroupedConvAttrs,
): GroupedConvGeometry {
  const { groups, stride, pad, activation } = attrs;
  const fail = (why: string): never => {
    throw new Error(
      `groupedConv kernel: x [${x.shape.join(',')}], filter [${filter.shape.join(',')}], ` +
        `groups ${groups}, stride ${stride}, pad ${pad}: ${why}`,
    );
  };
  if (x.shape.length !== 4 || filter.shape.length !== 4) fail('x and filter must be 4-D');
  if (x.dtype !== 'float32' || filter.dtype !== 'float32') fail('x and filter must be float32');
  const [kh, kw, cinG, cout] = filter.shape;
  if (!Number.isInteger(groups) || groups < 1 || cout % groups !== 0)
    fail('Cout is not a multiple of groups');
  if (x.shape[3] !== cinG * groups) fail('input channels ≠ groups × filter depth');
  if (!Number.isInteger(stride) || stride < 1 || !Number.isInteger(pad) || pad < 0) fail('bad stride or pad');
  if (activation !== 'linear' && activation !== 'relu') fail(`unknown activation ${String(activation)}`);
  if (bias && (bias.shape.length !== 1 || bias.shape[0] !== cout)) fail(`bias must be [${cout}]`);
  const outShape = groupedConvOutShape(x.shape, filter.shape, stride, pad);
  if (outShape[1] < 1 || outShape[2] < 1) fail('the filter does not fit the padded input');
  return {
    xShape: x.shape as [number, number, number, number],
    outShape,
    kh,
    kw,
    cinG,
    coutG: cout / groups,
    stride,
    pad,
    hasBias: bias !== undefined,
    relu: activation === 'relu',
  };
}
