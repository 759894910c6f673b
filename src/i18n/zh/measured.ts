import type { Catalog } from '../types';
import type { measured as en } from '../en/measured';

/** 等复杂度基数实验（多随机种子，数据一节）与模型在测试集上的可靠性（分类一节）。 */
export const measured: Catalog<typeof en> = {
  'family.title': '等复杂度下，基数有帮助吗？每次训练都画出来',
  'family.intro':
    '{count} 种复杂度相同的 ResNeXt-29 设置，各训练 {epochs} 轮，每种 {seeds}。每个点是一次训练；有多个种子时，竖条从最低准确率画到最高准确率，短横线是均值。准确率轴跨 {span} 个百分点，没有为突出差异而放大，图中差异即实际大小。',
  'family.seeds': '{n} 个随机种子',
  'family.seeds.one': '一个随机种子',
  'family.acc.title': '测试准确率与基数 C',
  'family.acc.y': 'CIFAR-10 测试准确率',
  'family.acc.series': '测试准确率',
  'family.time.title': '每轮训练时间与 C',
  'family.time.y': '每轮秒数',
  'family.time.alone': '单独占用 GPU',
  'family.time.together': '{n} 个训练同时运行',
  'family.time.note':
    '在乘加次数相同时，分组设置训练得更慢：C = {high} 每轮的时间是 C = {low} 的 {ratio} 倍（各自单独占用 GPU）。',
  'family.verdict.one-seed':
    '结论：每种设置只有一个随机种子，无法区分信号与噪声（C = {high} 减 C = {low}：{diff} 个百分点）。',
  'family.verdict.above-noise-higher':
    '结论：C = {high} 比 C = {low} 高 {diff} 个百分点，超过种子间的波动（{spread} 个百分点）——超出噪声范围。',
  'family.verdict.above-noise-lower':
    '结论：C = {high} 比 C = {low} 低 {diff} 个百分点，超过种子间的波动（{spread} 个百分点）——超出噪声范围，与论文的结论相反。',
  'family.verdict.within-noise':
    '结论：C = {high} 减 C = {low} 为 {diff} 个百分点，在种子间的波动（{spread} 个百分点）之内——属于噪声。',
  'family.col.setting': '设置',
  'family.col.seeds': '各种子的准确率',
  'family.col.mean': '均值',
  'family.col.spread': '最低–最高',
  'family.col.alone': '每轮秒数（单独）',
  'family.col.together': '每轮秒数（同时运行）',
  'family.notMeasured': '未测量',
  'family.source': '来源：该组模型的 metrics.json（{device}，PyTorch {torch}）',

  'reliability.title': '这些概率是什么意思',
  'reliability.explain':
    '模型只认识十个类别，所以无论图片里是什么，都会被归入其中之一。它用标签平滑（0.1）训练，即使很确定，最高概率也停在 90% 左右；它也从未见过与 CIFAR-10 的 32×32 照片不同的图片：对绘画、截图或人脸，它常常自信地答错。',
  'reliability.show': '显示置信度有多可靠',
  'reliability.hide': '隐藏可靠性视图',
  'reliability.chartTitle': '测试集上各置信度区间的准确率',
  'reliability.x': '置信度（最高概率）',
  'reliability.y': '区间内的准确率',
  'reliability.diagonal': '完全校准',
  'reliability.summary':
    '在 {total} 张 CIFAR-10 测试图片中的 {records} 张上：准确率 {acc}，平均置信度 {conf}，期望校准误差 {ece}。低于对角线的柱子表示过度自信，高于对角线表示信心不足。',
  'reliability.prefix':
    '在前 {records} 张测试图片上测得（测试文件已打乱，因此前 {records} 张可视为随机样本）；在共享的 CPU 上跑完整个测试集太慢。',
  'reliability.col.bin': '置信度',
  'reliability.col.count': '图片数',
  'reliability.col.acc': '准确率',
  'reliability.col.conf': '平均置信度',
  'reliability.source': '来源：{command}',
};
