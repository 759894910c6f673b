import type { GroupedConvGeometry } from './groupedConvGeometry';
import { fitsPackedProgram } from './webgl/groupedConvProgram';
import { fitsVec4Program } from './webgpu/groupedConvProgram';

/**
 * Which compiled variant of a backend's grouped-conv kernel a convolution runs, every variant each backend has,
 * and the start-up check's cases: every grouped 3×3 of ResNeXt-29 (the shipped models) and ResNeXt-50/101
 * (the torchvision conversions), and every variant with and without bias, linear and ReLU. Pure: no tfjs.
 */

export type KernelBackend = 'webgl' | 'webgpu' | 'wasm';
export const KERNEL_BACKENDS: readonly KernelBackend[] = ['webgl', 'webgpu', 'wasm'];

/** The channel counts per group and stride of one grouped conv; what selects a kernel variant. */
export interface GroupShape {
  cinG: number;
  coutG: number;
  stride: number;
}

export interface CheckCase extends GroupShape {
  hasBias: boolean;
  relu: boolean;
}

/*
 * The WASM module's compiled variants (groupedConv.c): grouped_conv works through a group's outputs in passes of
 * up to WASM_PASS_VECTORS vectors of 4, and each pass runs the variant for its vector count NV (1–4): one
 * specialised for cinG 4, 8 or 16 at stride 1 or 2 when that single pass covers all the group's outputs, else
 * the generic one of that NV. kernelVariants.test.ts reads these lists and the dispatch from the C source.
 */
const WASM_PASS_VECTORS = 4;
const WASM_NV = [1, 2, 3, 4];
const WASM_SPECIAL_CING = [4, 8, 16];
const WASM_SPECIAL_STRIDES = [1, 2];
const WASM_VARIANTS = WASM_NV.flatMap((nv) => [
  ...WASM_SPECIAL_CING.flatMap((cinG) => WASM_SPECIAL_STRIDES.map((s) => `nv${nv}-cin${cinG}-s${s}`)),
  `nv${nv}-generic`,
]);

export const KERNEL_VARIANTS: Readonly<Record<KernelBackend, readonly string[]>> = {
  webgl: ['packed', 'scalar'],
  webgpu: ['vec4', 'scalar'],
  wasm: WASM_VARIANTS,
};

/** The WASM variants a conv runs, one per pass, in order (a pass's variant may repeat: listed once). */
function wasmVariants(g: GroupShape): string[] {
  const vectors = (g.coutG + 3) >> 2;
  const out: string[] = [];
  for (let v0 = 0; v0 < vectors; v0 += WASM_PASS_VECTORS) {
    const nv = Math.min(WASM_PASS_VECTORS, vectors - v0);
    const special =
      vectors === nv && WASM_SPECIAL_STRIDES.includes(g.stride) && WASM_SPECIAL_CING.includes(g.cinG);
    const variant = special ? `nv${nv}-cin${g.cinG}-s${g.stride}` : `nv${nv}-generic`;
    if (!out.includes(variant)) out.push(variant);
  }
  return out;
}

/** The variants `backend` runs for a conv of this shape, by the same rules its kernel dispatches with. */
export function kernelVariants(backend: KernelBackend, g: GroupShape): string[] {
  const geometry = g as unknown as GroupedConvGeometry;
  switch (backend) {
    case 'webgl':
      return [fitsPackedProgram(geometry) ? 'packed' : 'scalar'];
    case 'webgpu':
      return [fitsVec4Program(geometry) ? 'vec4' : 'scalar'];
    case 'wasm':
      return wasmVariants(g);
  }
}

/**
 * The grouped 3×3 convs the app's networks run (in = out channels per group; the first block of every stage
 * after the first has stride 2): ResNeXt-29 32×4d, 2×40d, 4×24d, 8×14d (CIFAR, three stages), ResNeXt-50
 * 32×4d and ResNeXt-101 32×8d (ImageNet, four stages). C = 1 is a dense conv and never uses the kernel.
 */
export const MODEL_GROUP_SHAPES: readonly GroupShape[] = (() => {
  const nets = [
    { d: 4, stages: 3 },
    { d: 40, stages: 3 },
    { d: 24, stages: 3 },
    { d: 14, stages: 3 },
    { d: 4, stages: 4 },
    { d: 8, stages: 4 },
  ];
  const seen = new Map<string, GroupShape>();
  for (const { d, stages } of nets)
    for (let k = 0; k < stages; k++)
      for (const stride of k === 0 ? [1] : [1, 2]) {
        const w = d << k;
        seen.set(`${w}/${stride}`, { cinG: w, coutG: w, stride });
      }
  return [...seen.values()];
})();

/** A shape that runs `variant` on `backend` (for variants no model shape reaches, e.g. odd channel counts). */
function shapeFor(backend: KernelBackend, variant: string): GroupShape {
  const m = /^nv(\d)-cin(\d+)-s(\d)$/.exec(variant);
  if (m) return { cinG: Number(m[2]), coutG: 4 * Number(m[1]), stride: Number(m[3]) };
  // 3 inputs per group; the last vector's lanes not all outputs
  const generic = /^nv(\d)-generic$/.exec(variant);
  if (generic) return { cinG: 3, coutG: 4 * Number(generic[1]) - 1, stride: 1 };
  if (variant === 'scalar') return { cinG: 3, coutG: 3, stride: backend === 'webgl' ? 2 : 1 };
  return { cinG: 4, coutG: 4, stride: 1 };
}

const COMBOS = [
  { hasBias: true, relu: true },
  { hasBias: true, relu: false },
  { hasBias: false, relu: true },
  { hasBias: false, relu: false },
];

/**
 * The start-up check of `backend`: every model shape as the model runs it (bias, ReLU), then every variant
 * with each combination of bias and activation (on a model shape where one reaches it). On WASM that is every
 * compiled variant of groupedConv.c, the generic one of each vector count included.
 */
export function kernelCheckCases(backend: KernelBackend): CheckCase[] {
  const cases: CheckCase[] = MODEL_GROUP_SHAPES.map((s) => ({ ...s, hasBias: true, relu: true }));
  for (const variant of KERNEL_VARIANTS[backend]) {
    const shape =
      MODEL_GROUP_SHAPES.find((s) => kernelVariants(backend, s).includes(variant)) ??
      shapeFor(backend, variant);
    for (const combo of COMBOS) {
      if (
        !cases.some(
          (c) =>
            c.cinG === shape.cinG &&
            c.coutG === shape.coutG &&
            c.stride === shape.stride &&
            c.hasBias === combo.hasBias &&
            c.relu === combo.relu,
        )
      )
        cases.push({ ...shape, ...combo });
    }
  }
  return cases;
}
