import type { GPGPUProgram } from '@tensorflow/tfjs-backend-webgl';
import { columnPlan } from './columnPlan';
import type { GroupedConvGeometry } from '../groupedConvGeometry';

/** The packed program needs channel pairs that never straddle a group. */
export const fitsPackedProgram = (g: GroupedConvGeometry): boolean => g.cinG % 2 === 0 && g.coutG % 2 === 0;

/**
 * Packed inputs and output: each fragment writes one output texel, output columns ox, ox+1 × output channels
 * c, c+1 (one group). Per filter row and input-channel pair it reads the few input texels its columns need
 * (each shared by both output channels and by up to kw taps) and one filter texel per tap (shared by both
 * columns): 8 multiply-adds per texel pair.
 */
class GroupedConvPackedProgram implements GPGPUProgram {
  variableNames = ['x', 'W'];
  outputShape: number[];
  userCode: string;
  packedInputs = true;
  packedOutput = true;

  constructor(g: GroupedConvGeometry) {
    this.outputShape = [...g.outShape];
    if (g.hasBias) this.variableNames.push('bias');
    const [, h, w] = g.xShape;
    const plan = columnPlan(g.kw, g.stride, g.pad);
    const texels = plan.texelOffsets.map((off, k) => ({ off, k }));

    const columnMasks = texels
      .map(
        ({ off, k }) => `
      int tc${k} = col0 + (${off});
      bool lo${k} = tc${k} >= 0 && tc${k} < ${w};
      bool hi${k} = tc${k} >= 0 && tc${k} + 1 < ${w};`,
      )
      .join('');
    // Texels past an edge may hold anything (recycled textures), so halves outside the input are replaced, not scaled.
    const fetchX = texels
      .map(
        ({ k }) => `
          vec4 t${k} = getX(b, iy, tc${k}, xc + ci);
          vec2 xl${k} = lo${k} ? t${k}.xy : vec2(0.0);
          vec2 xh${k} = hi${k} ? t${k}.zw : vec2(0.0);`,
      )
      .join('');
    let taps = '';
    for (let kx = 0; kx < g.kw; kx++) {
      taps += `
          vec4 w${kx} = getW(ky, ${kx}, ci, c);`;
      for (let j = 0; j < 2; j++) {
        const { texel, high } = plan.taps[j][kx];
        const xin = `${high ? 'xh' : 'xl'}${texel}`;
        taps += `
          acc${j} += ${xin}.x * w${kx}.xy + ${xin}.y * w${kx}.zw;`;
      }
    }

    this.userCode = `
      void main() {
        ivec4 rc = getOutputCoords();
        int b = rc.x;
        int c = rc.w;
        int xc = (c / ${g.coutG}) * ${g.cinG};
        int col0 = rc.z * ${g.stride};
        int row0 = rc.y * ${g.stride} - ${g.pad};
        ${columnMasks}
        vec2 acc0 = vec2(0.0);
        vec2 acc1 = vec2(0.0);
        for (int ky = 0; ky < ${g.kh}; ky++) {
          int iy = row0 + ky;
          if (iy < 0 || iy >= ${h}) continue;
          for (int ci = 0; ci < ${g.cinG}; ci += 2) {
            ${fetchX}
            ${taps}
          }
        }
        vec4 result = vec4(acc0, acc1);
        ${g.hasBias ? 'result += getBias(c).xyxy;' : ''}
        ${g.relu ? 'result = max(result, vec4(0.0));' : ''}
        setOutput(result);
      }
    `;
  }
}

/** Unpacked, one output value per fragment: any Cin/groups and Cout/groups, e.g. odd ones. */
class GroupedConvScalarProgram implements GPGPUProgram {
  variableNames = ['x', 'W'];
  outputShape: number[];
  userCode: string;

  constructor(g: GroupedConvGeometry) {
    this.outputShape = [...g.outShape];
    if (g.hasBias) this.variableNames.push('bias');
    const [, h, w] = g.xShape;
    this.userCode = `
      void main() {
        ivec4 rc = getOutputCoords();
        int b = rc.x;
        int c = rc.w;
        int xc = (c / ${g.coutG}) * ${g.cinG};
        int row0 = rc.y * ${g.stride} - ${g.pad};
        int col0 = rc.z * ${g.stride} - ${g.pad};
        float acc = 0.0;
        for (int ky = 0; ky < ${g.kh}; ky++) {
          int iy = row0 + ky;
          if (iy < 0 || iy >= ${h}) continue;
          for (int kx = 0; kx < ${g.kw}; kx++) {
            int ix = col0 + kx;
            if (ix < 0 || ix >= ${w}) continue;
            for (int ci = 0; ci < ${g.cinG}; ci++) {
              acc += getX(b, iy, ix, xc + ci) * getW(ky, kx, ci, c);
            }
          }
        }
        ${g.hasBias ? 'acc += getBias(c);' : ''}
        ${g.relu ? 'acc = max(acc, 0.0);' : ''}
        setOutput(acc);
      }
    `;
  }
}

export const groupedConvProgram = (g: GroupedConvGeometry): GPGPUProgram =>
  fitsPackedProgram(g) ? new GroupedConvPackedProgram(g) : new GroupedConvScalarProgram(g);
