import { describe, expect, it } from 'vitest';
import { countNetwork } from '../../../resnext/counting';
import { BLOCK_STEPS } from '../../../resnext/model';
import { resnext29Spec } from '../../../resnext/spec';
import { STEP_IDS, stepCost, stepIndex, STEPS, stepTextKeys } from './steps';

describe('steps as data', () => {
  it('lists every step once, in order, each showing tensors of the block in execution order', () => {
    expect(STEPS.map((s) => s.id)).toEqual([...STEP_IDS]);
    const shown = STEPS.flatMap((s) => s.tensors);
    expect(new Set(shown).size).toBe(shown.length);
    expect([...shown].sort()).toEqual([...BLOCK_STEPS].sort());
    const order = shown.map((t) => BLOCK_STEPS.indexOf(t));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // Each step reads only tensors that earlier steps made.
    STEPS.forEach((s, i) => {
      const before = new Set(STEPS.slice(0, i).flatMap((p) => p.tensors));
      for (const t of s.inputs) expect(before.has(t), `${s.id} reads ${t}`).toBe(true);
    });
  });

  it("adds up to the network count's parameters and MACs for every block of ResNeXt-29 (32×4d)", () => {
    const spec = resnext29Spec(32, 4);
    const count = countNetwork(spec);
    let side = 32;
    for (const block of spec.stages.flat()) {
      const rows = count.layers.filter((l) => l.name.startsWith(`${block.name}.`));
      const costs = STEPS.map((s) => stepCost(s, block, side));
      expect(
        costs.reduce((s, c) => s + c.params, 0),
        block.name,
      ).toBe(rows.reduce((s, r) => s + r.params, 0));
      expect(
        costs.reduce((s, c) => s + c.macs, 0),
        block.name,
      ).toBe(rows.reduce((s, r) => s + r.macs, 0));
      const shortcut = stepCost(
        STEPS.find((s) => s.id === 'shortcut')!,
        block,
        side,
      );
      expect(shortcut.layers.length, block.name).toBe(block.projection ? 2 : 0);
      side /= block.stride;
    }
  });

  it('gives the projection texts only to a block with a projection shortcut', () => {
    const [first, second] = resnext29Spec(32, 4).stages[0];
    const shortcut = STEPS[stepIndex('shortcut')];
    expect(first.projection).toBe(true);
    expect(second.projection).toBe(false);
    expect(stepTextKeys(shortcut, first).explanationKey).toBe('step.shortcut.explainProjection');
    expect(stepTextKeys(shortcut, second).explanationKey).toBe('step.shortcut.explain');
    expect(stepTextKeys(STEPS[stepIndex('add')], first).explanationKey).toBe('step.add.explain');
    expect(stepIndex('no such step')).toBe(0);
  });
});
