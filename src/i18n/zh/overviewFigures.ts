import type { Catalog } from '../types';
import type { overviewFigures as en } from '../en/overviewFigures';

export const overviewFigures: Catalog<typeof en> = {
  'ovfig.cost.heading': '权重都花在哪里',
  'ovfig.cost.bars.title': 'ResNet 模块与 {c}×{d}d ResNeXt 模块的权重，逐部分拆开',
  'ovfig.cost.bars.desc':
    'ResNet：第一个 1×1 {r1}，3×3 {r2}，最后的 1×1 {r3}，共 {rt}。ResNeXt {c}×{d}d：第一个 1×1 {x1}，分组 3×3 {x2}，最后的 1×1 {x3}，共 {xt}。',
  'ovfig.cost.bar.resnet': 'ResNet，1×{d}d',
  'ovfig.cost.bar.resnext': 'ResNeXt，{c}×{d}d',
  'ovfig.cost.total': '{n} 个权重',
  'ovfig.cost.part.conv1': '第一个 1×1：in·C·d',
  'ovfig.cost.part.conv2': '分组 3×3：9·C·d²',
  'ovfig.cost.part.conv3': '最后的 1×1：C·d·out',
  'ovfig.cost.table.caption': '三个部分的权重数',
  'ovfig.cost.table.part': '部分',
  'ovfig.cost.table.resnet': 'ResNet',
  'ovfig.cost.table.resnext': 'ResNeXt {c}×{d}d',
  'ovfig.cost.table.total': '模块合计',
  'ovfig.cost.rule':
    '等复杂度规则：C·(in·d + 9·d² + d·out) = {c}·({in}·{d} + 9·{d}² + {d}·{out}) = {c}·{per} = {total} 个权重，ResNet 模块为 {resnet} 个（{ratio}×）。',
  'ovfig.cost.notLevel': 'd 必须是整数，所以这里的开销并不完全持平：C = {c}、d = {d} 时开销是 ResNet 模块的 {ratio}×。',
  'ovfig.cost.free': '“保持复杂度”已关闭：d = {d} 为自由选择，模块开销是 ResNet 模块的 {ratio}×。',
  'ovfig.cost.grouped.title': '作用于全部 C·d = {width} 个通道的 3×3 卷积：稠密与分成 {c} 组',
  'ovfig.cost.grouped.desc': '稠密：{dense} 个权重。分成 {c} 组：{grouped} 个权重。',
  'ovfig.cost.grouped.dense': '稠密 3×3，{width} → {width}',
  'ovfig.cost.grouped.grouped': '分组 3×3，{c} 组，每组 {d}',
  'ovfig.cost.grouped.text':
    '作用于全部 {width} 个通道的稠密 3×3 需要 9·{width}² = {dense} 个权重；分成 {c} 组、每组 {d} 个通道后只需 {grouped} 个，是前者的 1/{c}。所以瓶颈宽度可以从 {resnetWidth}（ResNet）增加到 {width}，开销却大致不变。',
  'ovfig.cost.grouped.one':
    'C = 1 时 3×3 是稠密的：9·{width}² = {dense} 个权重。增大 C，同样的通道被分成 C 组，每个 3×3 只看自己组内的 d 个通道：权重只有 1/C。',
  'ovfig.cost.d.title': '使开销持平的宽度 d，随 C 变化',
  'ovfig.cost.d.desc': '在当前阶段，等复杂度宽度为 {list}。',
  'ovfig.cost.d.item': 'C = {c}：d = {d}',
  'ovfig.cost.d.x': '基数 C',
  'ovfig.cost.d.caption': '论文表 2（conv2）：C = 1、2、4、8、32 → d = 64、40、24、14、4；之后的阶段 d 逐级加倍。C 下方标出整数 d 使开销偏离持平 2% 以上之处的开销比。',
};
