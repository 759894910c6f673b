import { describe, expect, it } from 'vitest';
import { CARDINALITIES, parseState, STAGES } from './appState';
import { estimateBytes, TENSOR_BUDGET_BYTES } from '../../resnext/budget';
import { viewsOfSettings } from '../../resnext/budgetViews';
import { seededUniform } from '../../resnext/node/random';

const BACKENDS = ['cpu', 'wasm', 'webgl', 'webgpu', null] as const;

/** A query-string value: mostly valid, often not (out of range, wrong type, empty, huge). */
function randomValue(rand: () => number, valid: readonly (string | number)[]): string {
  const r = rand();
  if (r < 0.6) return String(valid[Math.floor(rand() * valid.length)]);
  const junk = [
    '',
    '-1',
    '0',
    '3',
    '65',
    '129',
    '9999',
    '1e9',
    'NaN',
    'x',
    '128',
    '64',
    '1.5',
    '%00',
    '12345',
  ];
  return junk[Math.floor(rand() * junk.length)];
}

function randomQuery(rand: () => number): string {
  const q = new URLSearchParams();
  const ds = Array.from({ length: 128 }, (_, i) => i + 1);
  if (rand() < 0.9) q.set('stage', randomValue(rand, [...STAGES, 'r50-conv6', 'c29-4']));
  if (rand() < 0.9) q.set('cardinality', randomValue(rand, CARDINALITIES));
  if (rand() < 0.9) q.set('d', randomValue(rand, ds));
  if (rand() < 0.9) q.set('keepComplexity', randomValue(rand, ['0', '1', 'true', 'false', 'yes']));
  q.set('section', randomValue(rand, ['forms', 'step', 'classify', 'numbers', 'overview']));
  return q.toString();
}

describe('resource budget of URL states', () => {
  it('keeps every view of 2,000 random URL states (valid and invalid values) within the budget', () => {
    const rand = seededUniform(16);
    let reduced = 0;
    for (let i = 0; i < 2000; i++) {
      const query = randomQuery(rand);
      const s = parseState(query);
      for (const backend of BACKENDS) {
        const settings = { ...s, backend };
        const { proof, views } = viewsOfSettings(settings);
        expect(proof.refused, query).toBe(false);
        for (const v of views)
          expect(estimateBytes(v), `${query} ${v.kind}`).toBeLessThanOrEqual(TENSOR_BUDGET_BYTES);
        if (proof.reduced) reduced++;
      }
    }
    // the property is not vacuous: the random states do reach blocks that need reducing
    expect(reduced).toBeGreaterThan(50);
  });

  it('keeps every state the controls can reach within the budget, and runs the block as asked when it fits', () => {
    // tens of thousands of states: the failures are collected and compared once, which names each of them
    const failures: string[] = [];
    let states = 0;
    for (const stage of STAGES)
      for (const cardinality of CARDINALITIES)
        for (let d = 1; d <= 128; d++)
          for (const keepComplexity of [true, false])
            for (const backend of BACKENDS) {
              const s = { stage, cardinality, d, keepComplexity, backend };
              const label = JSON.stringify(s);
              states++;
              // the largest estimate over every view, and the proof's plan
              const { proof: plan, views } = viewsOfSettings(s);
              const peak = Math.max(...views.map(estimateBytes));
              if (!(peak <= TENSOR_BUDGET_BYTES)) failures.push(`${label}: peak ${peak} over the budget`);
              if (plan.requestedBytes <= TENSOR_BUDGET_BYTES) {
                if (plan.reduced) failures.push(`${label}: reduced although it fits`);
              } else if (
                !(
                  plan.block.spatial * plan.block.cardinality <
                  plan.requested.spatial * plan.requested.cardinality
                )
              )
                failures.push(`${label}: over the budget but not reduced`);
            }
    expect(states).toBe(STAGES.length * CARDINALITIES.length * 128 * 2 * BACKENDS.length);
    expect(failures).toEqual([]);
  });
});
