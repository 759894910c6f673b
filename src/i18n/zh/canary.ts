import type { Catalog } from '../types';
import type { canary as en } from '../en/canary';

export const canary: Catalog<typeof en> = {
  'backend.error.canary': '未通过正确性检查',
  'backend.reason.canary': '{failed} 未通过正确性检查（logits 与 PyTorch 相差 {diff}），已自动切换',
  'canary.switching': '{failed} 未通过正确性检查（logits 与 PyTorch 相差 {diff}）：正在启动下一个后端…',
  'canary.pending': '正确性检查：默认模型首次在此后端上构建时运行',
  'canary.running': '正确性检查：运行中…',
  'canary.passed': '正确性检查已通过，用时 {ms} 毫秒（logits 与 PyTorch 相差不超过 {diff}）',
  'canary.warn': '正确性检查未通过：logits 与 PyTorch 相差 {diff}，且没有其他后端可以切换',
  'canary.skipped': '未运行正确性检查：它检查的是默认模型，而当前加载的是其他模型',
  'canary.error': '无法运行正确性检查：{message}',
  'canary.explain':
    '每个后端启动后，默认模型会对一张小的合成图片进行分类；其 logits（softmax 之前的未归一化输出）与 PyTorch 在相同图片和权重下的结果相差必须在 {tolerance} 以内，否则改用下一个后端。',
};
