import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  KERNEL_BACKENDS,
  KERNEL_VARIANTS,
  kernelCheckCases,
  kernelVariants,
  MODEL_GROUP_SHAPES,
  type GroupShape,
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
      const covered = new Set(
        cases.flatMap((c) => kernelVariants(backend, c).map((v) => `${v}|${c.hasBias}|${c.relu}`)),
      );
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
          for (const stride of [1, 2, 3])
            for (const v of kernelVariants(backend, { cinG, coutG, stride })) picked.add(v);
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
    expect(kernelVariants('wasm', { cinG: 4, coutG: 4, stride: 1 })).toEqual(['nv1-cin4-s1']);
    expect(kernelVariants('wasm', { cinG: 16, coutG: 16, stride: 2 })).toEqual(['nv4-cin16-s2']);
    expect(kernelVariants('wasm', { cinG: 32, coutG: 32, stride: 1 })).toEqual(['nv4-generic']);
    expect(kernelVariants('wasm', { cinG: 28, coutG: 28, stride: 2 })).toEqual([
      'nv4-generic',
      'nv3-generic',
    ]);
    expect(kernelVariants('wasm', { cinG: 4, coutG: 20, stride: 1 })).toEqual(['nv4-generic', 'nv1-generic']);
    expect(kernelVariants('webgl', { cinG: 4, coutG: 4, stride: 1 })).toEqual(['packed']);
    expect(kernelVariants('webgl', { cinG: 3, coutG: 4, stride: 1 })).toEqual(['scalar']);
    expect(kernelVariants('webgpu', { cinG: 14, coutG: 14, stride: 1 })).toEqual(['scalar']);
    expect(kernelVariants('webgpu', { cinG: 4, coutG: 8, stride: 2 })).toEqual(['vec4']);
  });
});

/**
 * The WASM variants and their dispatch as groupedConv.c writes them: the NV of every `VARIANTS(NV, P)`, the
 * (cinG, stride) of every `VARIANT(NV, P, CING, STRIDE)` in that macro (CING 0: the generic variant), the cinG
 * cases and strides of run_NV's switch, and the vectors per pass of grouped_conv. Read from the source, so a
 * variant added to or dropped from the C fails here until kernelVariants.ts (and so the start-up check) follows.
 */
function wasmDispatchFromC() {
  const c = readFileSync(new URL('./wasm/groupedConv.c', import.meta.url), 'utf8');
  const found = (re: RegExp, what: string) => {
    const m = re.exec(c);
    if (!m) throw new Error(`groupedConv.c: ${what} not found (${re})`);
    return m;
  };
  const nvs = [...c.matchAll(/^VARIANTS\((\d+), \d+\)\s*$/gm)].map((m) => Number(m[1]));
  const macro = found(/#define VARIANTS\(NV, P\)([\s\S]*?)\n\n/, 'the VARIANTS macro')[1];
  const compiled = [...macro.matchAll(/VARIANT\(NV, P, (\d+), (\d+)\)/g)].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ]);
  const condition = found(
    /switch \(c->cp == (\d+) \* NV && \(([^)]*)\) \? c->cinG : 0\)/,
    'run_NV’s dispatch',
  );
  const strides = [...condition[2].matchAll(/s == (\d+)/g)].map((m) => Number(m[1]));
  const cases = [...macro.matchAll(/case (\d+): \(s == 1 \? run_##NV##_(\d+)_1 : run_##NV##_(\d+)_2\)/g)];
  for (const m of cases) expect(m[2], m[0]).toBe(m[1]);
  const passVectors = Number(found(/for \(int v0 = 0; v0 < nvTotal; v0 \+= (\d+)\)/, 'the passes')[1]);
  return {
    nvs,
    special: compiled.filter(([cinG]) => cinG > 0),
    hasGeneric: compiled.some(([cinG, stride]) => cinG === 0 && stride === 0),
    laneWidth: Number(condition[1]),
    dispatchCinG: cases.map((m) => Number(m[1])),
    strides,
    passVectors,
  };
}

describe('WASM variants, read from groupedConv.c', () => {
  const C = wasmDispatchFromC();

  it('finds the four vector counts, six specialisations each and a generic variant', () => {
    expect(C.nvs).toEqual([1, 2, 3, 4]);
    expect(C.special).toHaveLength(6);
    expect(C.hasGeneric).toBe(true);
    expect(C.laneWidth).toBe(4);
  });

  it('names exactly the compiled variants', () => {
    const fromC = C.nvs.flatMap((nv) => [
      ...C.special.map(([cinG, stride]) => `nv${nv}-cin${cinG}-s${stride}`),
      ...(C.hasGeneric ? [`nv${nv}-generic`] : []),
    ]);
    expect([...KERNEL_VARIANTS.wasm].sort()).toEqual(fromC.sort());
  });

  it('picks, for every shape, the variants the C dispatch runs', () => {
    const specialised = new Set(C.special.map(([cinG, stride]) => `${cinG}/${stride}`));
    // the dispatch's switch reaches exactly the compiled specialisations
    expect(new Set(C.dispatchCinG.flatMap((cinG) => C.strides.map((stride) => `${cinG}/${stride}`)))).toEqual(
      specialised,
    );
    const fromC = (g: GroupShape) => {
      const vectors = Math.ceil(g.coutG / C.laneWidth);
      const out: string[] = [];
      for (let v0 = 0; v0 < vectors; v0 += C.passVectors) {
        const nv = Math.min(C.passVectors, vectors - v0);
        const v =
          vectors === nv && specialised.has(`${g.cinG}/${g.stride}`)
            ? `nv${nv}-cin${g.cinG}-s${g.stride}`
            : `nv${nv}-generic`;
        if (!out.includes(v)) out.push(v);
      }
      return out;
    };
    const wrong: string[] = [];
    for (let cinG = 1; cinG <= 40; cinG++)
      for (let coutG = 1; coutG <= 40; coutG++)
        for (const stride of [1, 2, 3]) {
          const g = { cinG, coutG, stride };
          const [got, want] = [kernelVariants('wasm', g), fromC(g)];
          if (got.join() !== want.join()) wrong.push(`${JSON.stringify(g)}: ${got} instead of ${want}`);
        }
    expect(wrong).toEqual([]);
  });
});
