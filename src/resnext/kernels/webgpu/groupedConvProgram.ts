import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import type { GroupedConvGeometry } from '../groupedConvGeometry';

const WORKGROUP: [number, number, number] = [64, 1, 1];
/** output columns per thread in the vec4 program */
const COLUMNS = 4;

/** The vec4 program needs four output channels that never straddle a group. */
export const fitsVec4Program = (g: GroupedConvGeometry): boolean => g.coutG % 4 === 0;

const shaderKeyOf = (kind: string, g: GroupedConvGeometry, extra = ''): string =>
  `resnextGroupedConv_${kind}_${g.kh}_${g.kw}_${g.stride}_${g.pad}_${g.cinG}_${g.coutG}_${g.hasBias}_${g.relu}${extra}`;

const flatDispatch = (threads: number): [number, number, number] => [Math.ceil(threads / WORKGROUP[0]), 1, 1];

/**
 * Each thread computes four output channels (one vec4, one group) at COLUMNS neighbouring output columns.
 * Per filter row and input channel (or channel quad, when Cin/groups is a multiple of 4) it loads the input
 * columns once and reuses each for all taps and all four channels; filter rows are vec4s over output channels.
 */
class GroupedConvVec4Program implements WebGPUProgram {
  variableNames = ['x', 'W'];
  variableComponents: number[];
  outputComponent = 4;
  outputShape: number[];
  shaderKey: string;
  dispatchLayout = { x: [0, 1, 2, 3] };
  dispatch: [number, number, number];
  workgroupSize = WORKGROUP;
  private readonly g: GroupedConvGeometry;
  private readonly xComponents: number;

  constructor(g: GroupedConvGeometry) {
    this.g = g;
    this.outputShape = [...g.outShape];
    this.xComponents = g.cinG % 4 === 0 ? 4 : 1;
    this.variableComponents = [this.xComponents, 4];
    if (g.hasBias) {
      this.variableNames.push('bias');
      this.variableComponents.push(4);
    }
    const [n, ho, wo, cout] = g.outShape;
    this.dispatch = flatDispatch(n * ho * Math.ceil(wo / COLUMNS) * (cout / 4));
    this.shaderKey = shaderKeyOf('vec4', g, `_${this.xComponents}`);
  }

  getUserCode(): string {
    const { kh, kw, stride, pad, cinG, coutG } = this.g;
    const step = this.xComponents;
    const xType = step === 4 ? 'vec4<f32>' : 'f32';
    const span = (COLUMNS - 1) * stride + kw;
    const tap =
      step === 4
        ? `let wm = mat4x4<f32>(W[wi], W[wi + cout4], W[wi + 2 * cout4], W[wi + 3 * cout4]);
            for (var p = 0; p < ${COLUMNS}; p++) {
              acc[p] = acc[p] + wm * xv[p * ${stride} + kx];
            }`
        : `let wv = W[wi];
            for (var p = 0; p < ${COLUMNS}; p++) {
              acc[p] = fma(vec4<f32>(xv[p * ${stride} + kx]), wv, acc[p]);
            }`;
    return `
      fn main(index : i32) {
        let cout4 = uniforms.outShape[3] / 4;
        let tilesAcross = (uniforms.outShape[2] + ${COLUMNS - 1}) / ${COLUMNS};
        let c4 = index % cout4;
        var rest = index / cout4;
        let tile = rest % tilesAcross;
        rest = rest / tilesAcross;
        let oy = rest % uniforms.outShape[1];
        let b = rest / uniforms.outShape[1];
        if (b >= uniforms.outShape[0]) {
          return;
        }
        let inH = uniforms.xShape[1];
        let inW = uniforms.xShape[2];
        let inC = uniforms.xShape[3];
        let ox0 = tile * ${COLUMNS};
        let xc = ((c4 * 4) / ${coutG}) * ${cinG};
        let col0 = ox0 * ${stride} - ${pad};
        let row0 = oy * ${stride} - ${pad};
        var acc : array<vec4<f32>, ${COLUMNS}>;
        var xv : array<${xType}, ${span}>;
        for (var ky = 0; ky < ${kh}; ky++) {
          let iy = row0 + ky;
          if (iy < 0 || iy >= inH) {
            continue;
          }
          let rowStart = (b * inH + iy) * inW;
          for (var ci = 0; ci < ${cinG}; ci += ${step}) {
            for (var i = 0; i < ${span}; i++) {
              let ix = col0 + i;
              if (ix >= 0 && ix < inW) {
                xv[i] = x[((rowStart + ix) * inC + xc + ci) / ${step}];
              } else {
                xv[i] = ${xType}(0.0);
              }
            }
            for (var kx = 0; kx < ${kw}; kx++) {
              let wi = ((ky * ${kw} + kx) * ${cinG} + ci) * cout4 + c4;
              ${tap}
            }
          }
        }
        let outW = uniforms.outShape[2];
        for (var p = 0; p < ${COLUMNS}; p++) {
          let ox = ox0 + p;
          if (ox < outW) {
            var v = acc[p];
            ${this.g.hasBias ? 'v = v + bias[c4];' : ''}
            ${this.g.relu ? 'v = max(v, vec4<f32>(0.0));' : ''}
            result[((b * uniforms.outShape[1] + oy) * outW + ox) * cout4 + c4] = v;
          }
        }
      }
    `;
  }
}

/** One output value per thread: any Cin/groups and Cout/groups. */
class GroupedConvScalarProgram implements WebGPUProgram {
  variableNames = ['x', 'W'];
  outputShape: number[];
  shaderKey: string;
  dispatchLayout = { x: [0, 1, 2, 3] };
  dispatch: [number, number, number];
  workgroupSize = WORKGROUP;
  size = true;
  private readonly g: GroupedConvGeometry;

  constructor(g: GroupedConvGeometry) {
    this.g = g;
    this.outputShape = [...g.outShape];
    if (g.hasBias) this.variableNames.push('bias');
    this.dispatch = flatDispatch(g.outShape.reduce((a, b) => a * b, 1));
    this.shaderKey = shaderKeyOf('scalar', g);
  }

  getUserCode(): string {
    const { kh, kw, stride, pad, cinG, coutG } = this.g;
    return `
      fn main(index : i32) {
        if (index >= uniforms.size) {
          return;
        }
        let coords = getCoordsFromIndex(index);
        let b = coords[0];
        let c = coords[3];
        let inH = uniforms.xShape[1];
        let inW = uniforms.xShape[2];
        let inC = uniforms.xShape[3];
        let cout = uniforms.outShape[3];
        let xc = (c / ${coutG}) * ${cinG};
        let row0 = coords[1] * ${stride} - ${pad};
        let col0 = coords[2] * ${stride} - ${pad};
        var acc = 0.0;
        for (var ky = 0; ky < ${kh}; ky++) {
          let iy = row0 + ky;
          if (iy < 0 || iy >= inH) {
            continue;
          }
          for (var kx = 0; kx < ${kw}; kx++) {
            let ix = col0 + kx;
            if (ix < 0 || ix >= inW) {
              continue;
            }
            let xStart = ((b * inH + iy) * inW + ix) * inC + xc;
            for (var ci = 0; ci < ${cinG}; ci++) {
              acc = fma(x[xStart + ci], W[((ky * ${kw} + kx) * ${cinG} + ci) * cout + c], acc);
            }
          }
        }
        ${this.g.hasBias ? 'acc = acc + bias[c];' : ''}
        ${this.g.relu ? 'acc = max(acc, 0.0);' : ''}
        result[index] = acc;
      }
    `;
  }
}

export const groupedConvProgram = (g: GroupedConvGeometry): WebGPUProgram =>
  fitsVec4Program(g) ? new GroupedConvVec4Program(g) : new GroupedConvScalarProgram(g);
