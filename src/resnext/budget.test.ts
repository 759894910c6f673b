import { describe, expect, it } from 'vitest';
import { CONV_STRATEGIES, formatBytes, planProof, proofBytes, TENSOR_BUDGET_BYTES } from './budget';
import { proofPlanFor } from './budgetViews';

const BACKENDS = ['cpu', 'wasm', 'webgl', 'webgpu', null] as const;

describe('resource budget', () => {
  it('reduces the crash link of conv5 (64 paths of d = 128) to a few paths, and conv4 too', () => {
    const conv5 = proofPlanFor({
      stage: 'r50-conv5',
      cardinality: 64,
      d: 128,
      keepComplexity: false,
      backend: 'wasm',
    });
    expect(conv5.requested.cardinality * conv5.requested.d).toBe(65536);
    expect(conv5.requestedBytes).toBeGreaterThan(3e9);
    expect(conv5.reduced).toBe(true);
    expect(conv5.block.cardinality).toBeGreaterThanOrEqual(1);
    expect(conv5.block.cardinality).toBeLessThan(64);
    expect(conv5.bytes).toBeLessThanOrEqual(TENSOR_BUDGET_BYTES);
    const conv4 = proofPlanFor({
      stage: 'r50-conv4',
      cardinality: 64,
      d: 128,
      keepComplexity: false,
      backend: 'webgl',
    });
    expect(conv4.requestedBytes).toBeGreaterThan(TENSOR_BUDGET_BYTES);
    expect(conv4.reduced).toBe(true);
    expect(conv4.bytes).toBeLessThanOrEqual(TENSOR_BUDGET_BYTES);
  });

  it('leaves the default block alone on every backend', () => {
    for (const backend of BACKENDS) {
      const plan = proofPlanFor({ stage: 'r50-conv2', cardinality: 32, d: 4, keepComplexity: true, backend });
      expect(plan.reduced).toBe(false);
    }
  });

  it('refuses a block where not even one path fits, and malformed blocks', () => {
    const big = { inChannels: 4096, outChannels: 4096, cardinality: 8, d: 4096, spatial: 8 };
    const plan = planProof(big, 'kernel');
    expect(plan.refused).toBe(true);
    expect(plan.bytes).toBe(0);
    expect(planProof({ ...big, d: 0 }, 'kernel').refused).toBe(true);
    expect(planProof({ ...big, d: Number.NaN }, 'kernel').refused).toBe(true);
  });

  it('grows with the block and orders the strategies by their temporaries', () => {
    const b = { inChannels: 256, outChannels: 256, cardinality: 32, d: 4, spatial: 32 };
    for (const s of CONV_STRATEGIES) {
      expect(proofBytes({ ...b, cardinality: 64 }, s)).toBeGreaterThan(proofBytes(b, s));
      expect(proofBytes({ ...b, spatial: 16 }, s)).toBeLessThan(proofBytes(b, s));
    }
    expect(proofBytes(b, 'depthwise')).toBeGreaterThan(proofBytes(b, 'kernel'));
  });

  it('writes bytes in binary units', () => {
    expect(formatBytes(TENSOR_BUDGET_BYTES)).toBe('256 MB');
    expect(formatBytes(3.5 * 2 ** 30)).toBe('3.5 GB');
    expect(formatBytes(512)).toBe('512 B');
  });
});
