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
  'ovfig.cost.notLevel':
    'd 必须是整数，所以这里的开销并不完全持平：C = {c}、d = {d} 时开销是 ResNet 模块的 {ratio}×。',
  'ovfig.cost.repeated':
    '这里是一个阶段中重复的模块，它读入与输出同样多的通道。每个阶段的第一个模块读入上一阶段较窄的输出，并带有投影捷径，所以一个阶段的合计（见“数据”一节的“逐阶段的网络结构”）并不等于这个模块的数字乘以模块数。',
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
  'ovfig.cost.d.caption':
    '论文表 2（conv2）：C = 1、2、4、8、32 → d = 64、40、24、14、4；之后的阶段 d 逐级加倍。若取整后的 d 使开销偏离 ResNet 模块 2% 以上，则在该 C 下方标出开销比。',
  'ovfig.why.train':
    '这不是正则化的效果：在论文的训练曲线（其图 5）中，路径更多的模型训练错误率也更低，所以基数带来的是更强的表示能力。本项目各个 C 的训练错误率曲线见“数据”一节。',
  'ovfig.why.heading': '为什么是基数：更多路径胜过更深或更宽',
  'ovfig.why.t4.title': '把 ResNet-101 的复杂度翻倍的三种方式（论文表 4）：{metric}',
  'ovfig.why.t4.desc': '从 ResNet-101 的 {base}% 出发：{list}。',
  'ovfig.why.t4.item': '{direction}，{model} {setting}：{value}%',
  'ovfig.why.metric.top1': 'top-1 错误率',
  'ovfig.why.metric.top5': 'top-5 错误率',
  'ovfig.why.dir.deeper': '更深',
  'ovfig.why.dir.wider': '更宽',
  'ovfig.why.dir.cardinality': '更多路径（基数）',
  'ovfig.why.base': 'ResNet-101：{v}',
  'ovfig.why.axis': '{metric}（%），ImageNet-1K；越低越好 →',
  'ovfig.why.t4.caption':
    '每个箭头都从 ResNet-101（1×64d）出发，指向复杂度约为其两倍的网络。top-1 错误率：加深降低 {deeper} 个百分点，加宽降低 {wider}，增加路径降低 {paths}。',
  'ovfig.why.t3.title': '相同复杂度下的基数（论文表 3）：top-1 错误率',
  'ovfig.why.t3.desc': '按基数列出的 top-1 错误率：{list}。',
  'ovfig.why.t3.item': 'C = {c}，d = {d}：ResNeXt-50 {r50}%，ResNeXt-101 {r101}%',
  'ovfig.why.t3.row': 'C = {c}',
  'ovfig.why.t3.sub': '{c}×{d}d',
  'ovfig.why.t3.r50': 'ResNeXt-50（C = 1 即 ResNet-50）',
  'ovfig.why.t3.r101': 'ResNeXt-101（C = 1 即 ResNet-101）',
  'ovfig.why.t3.caption':
    '上方选定的 C 所在行已高亮。在相同开销下，C 每增大一级错误率都会下降；坐标轴只跨 {span} 个百分点，小的差距也看得见。',
};
