import type { Catalog } from '../types';
import type { trust as en } from '../en/trust';

export const trust: Catalog<typeof en> = {
  'trust.proof.reducedPaths':
    '这个模块（{cardinality} 条宽度为 {d} 的路径）需要约 {needed} 的张量内存，而单个视图最多可用 {budget}。因此证明只在其 {cardinality} 条路径中的 {paths} 条上、用 {side}×{side} 的输入运行：三种形式对任意路径数都等价。',
  'trust.proof.reducedSide':
    '这个模块在 {full}×{full} 的输入上需要约 {needed} 的张量内存，而单个视图最多可用 {budget}。因此证明改用 {side}×{side} 的输入运行。',
  'trust.speed.runningOn': '正在 {backend} 上运行… 第 {done} 项，共 {total} 项',
  'trust.speed.stop': '停止',
};
