/** Small random ResNet/ResNeXt weights files for tests: any stem, block counts, widths and cardinalities. */
import { tensorShapesOf } from '../inferSpec';
import { writeSafetensors } from '../safetensors';
import type { BlockSpec, NetworkSpec, StemKind } from '../spec';
import { seededRandom } from './random';

export interface StagePlan {
  blocks: number;
  width: number;
  groups: number;
  out: number;
}

export function tinySpec(
  stem: StemKind,
  stemChannels: number,
  stages: StagePlan[],
  numClasses: number,
): NetworkSpec {
  let inChannels = stemChannels;
  return {
    stem,
    stemChannels,
    numClasses,
    inputSize: stem === 'cifar' ? 32 : 224,
    stages: stages.map((st, s) =>
      Array.from({ length: st.blocks }, (_, b): BlockSpec => {
        const stride: 1 | 2 = b === 0 && s > 0 ? 2 : 1;
        const block = {
          name: `layer${s + 1}.${b}`,
          inChannels,
          width: st.width,
          groups: st.groups,
          outChannels: st.out,
          stride,
          projection: stride !== 1 || inChannels !== st.out,
        };
        inChannels = st.out;
        return block;
      }),
    ),
  };
}

/** Random weights for every tensor of the spec (BatchNorm statistics away from identity), as safetensors bytes. */
export function randomWeightsFile(
  spec: NetworkSpec,
  seed: number,
  metadata: Record<string, string> = {},
): Uint8Array {
  const rand = seededRandom(seed);
  const entries = [...tensorShapesOf(spec)].map(([name, shape]) => {
    const n = shape.reduce((a, b) => a * b, 1);
    const fanIn = shape.length > 1 ? n / shape[0] : 1;
    const data = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const u = rand();
      if (name.endsWith('running_var')) data[i] = 1 + 0.5 * u;
      else if (/bn\d\.weight$|downsample\.1\.weight$|^bn1\.weight$/.test(name)) data[i] = 1 + 0.4 * u;
      else if (shape.length === 1) data[i] = 0.2 * u;
      else data[i] = ((u * Math.sqrt(3)) / Math.sqrt(fanIn)) * 1.4;
    }
    return [name, { dtype: 'F32' as const, shape, data }] as [
      string,
      { dtype: 'F32'; shape: number[]; data: Float32Array },
    ];
  });
  return writeSafetensors(entries, metadata);
}
