import { describe, expect, it } from 'vitest';
import {
  KERNEL_BACKENDS,
  KERNEL_VARIANTS,
  kernelCheckCases,
  kernelVariant,
  MODEL_GROUP_SHAPES,
} from './kernelVariants';

const COMBOS = [
  [true, true],
  [true, false],
  [false, true],
  [false, false],
] as const;

describe('grouped-conv kernel variants and the start-up check', () => {
  for (const backend of KERNEL_BACKENDS) {
    it(`${backend}: the check covers every variant × bias × activation, and every model shape`, () => {
      const cases = kernelCheckCases(backend);
      const covered = new Set(cases.map((c) => `${kernelVariant(backend, c)}|${c.hasBias}|${c.relu}`));
      const missing: string[] = [];
      for (const v of KERNEL_VARIANTS[backend])
        for (const [bias, relu] of COMBOS)
          if (!covered.has(`${v}|${bias}|${relu}`)) missing.push(`${v} bias=${bias} relu=${relu}`);
      expect(missing).toEqual([]);
      for (const s of MODEL_GROUP_SHAPES)
        expect(
          cases.some(
            (c) => c.cinG === s.cinG && c.coutG === s.coutG && c.stride === s.stride && c.hasBias && c.relu,
          ),
          JSON.stringify(s),
        ).toBe(true);
    });

    it(`${backend}: the variant list names every variant the dispatch can pick`, () => {
      const picked = new Set<string>();
      for (let cinG = 1; cinG <= 70; cinG++)
        for (let coutG = 1; coutG <= 70; coutG++)
          for (const stride of [1, 2, 3]) picked.add(kernelVariant(backend, { cinG, coutG, stride }));
      expect([...picked].sort()).toEqual([...KERNEL_VARIANTS[backend]].sort());
    });
  }

  it('lists the grouped convs of ResNeXt-29 (4, 8, 16 per group) and ResNeXt-50 (up to 32) with their strides', () => {
    const has = (cinG: number, stride: number) =>
      MODEL_GROUP_SHAPES.some((s) => s.cinG === cinG && s.coutG === cinG && s.stride === stride);
    for (const [w, s] of [
      [4, 1],
      [8, 1],
      [8, 2],
      [16, 2],
      [14, 1],
      [56, 2],
      [160, 2],
      [32, 2],
      [64, 1],
    ])
      expect(has(w, s), `${w}/${s}`).toBe(true);
    expect(has(4, 2)).toBe(false);
  });

  it('picks the specialisations the model relies on', () => {
    expect(kernelVariant('wasm', { cinG: 4, coutG: 4, stride: 1 })).toBe('nv1-cin4-s1');
    expect(kernelVariant('wasm', { cinG: 16, coutG: 16, stride: 2 })).toBe('nv4-cin16-s2');
    expect(kernelVariant('wasm', { cinG: 32, coutG: 32, stride: 1 })).toBe('generic');
    expect(kernelVariant('webgl', { cinG: 4, coutG: 4, stride: 1 })).toBe('packed');
    expect(kernelVariant('webgl', { cinG: 3, coutG: 4, stride: 1 })).toBe('scalar');
    expect(kernelVariant('webgpu', { cinG: 14, coutG: 14, stride: 1 })).toBe('scalar');
    expect(kernelVariant('webgpu', { cinG: 4, coutG: 8, stride: 2 })).toBe('vec4');
  });
});
