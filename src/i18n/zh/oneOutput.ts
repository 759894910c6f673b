import type { Catalog } from '../types';
import type { oneOutput as en } from '../en/oneOutput';

export const oneOutput: Catalog<typeof en> = {
  'one.pickHint': '点击一个值，或在读数点上按 Enter，即可逐步查看它的运算。',
  'one.prompt':
    '在上方的输出图中选一个值（点击它，或聚焦这些图、用方向键移动后按 Enter），即可看到得出它的那个求和。',
  'one.mergePrompt':
    '在 conv3 的图上选一个位置（点击它，或聚焦后用方向键移动并按 Enter），即可看到在该处相加的各个贡献。',
  'one.title': '追踪一个输出：输出通道 {o}（第 {g} 组的第 {j} 个通道），x {x}，y {y}',
  'one.reads':
    '它只读取 {cd} 个输入通道中的 {d} 个：用到 {w} 个权重，而稠密 3×3 卷积算这一个输出要用 {dense} 个。',
  'one.strip.label':
    '分组 3×3 卷积的 {cd} 个输入通道，分为 {c} 组；这个输出读取的第 {g} 组的 {d} 个通道着色，其余各组为灰色。',
  'one.strip.caption': '读取的输入通道：{c} 组中的第 {g} 组',
  'one.window.caption':
    '输入上的 3×3 窗口（显示输入通道 {c}；虚线格为补零），步幅 {s}，以及它在输出通道 {o} 上得出的输出值',
  'one.window.input': '输入，{h}×{w}',
  'one.window.output': '输出，{h}×{w}',
  'one.window.label': '3×3 窗口覆盖输入第 {y0} 至 {y1} 行、第 {x0} 至 {x1} 列，得出输出 x {x}，y {y}。',
  'one.play': '滑动窗口',
  'one.pause': '暂停',
  'one.speed': '速度',
  'one.speed.slow': '慢',
  'one.speed.normal': '中',
  'one.speed.fast': '快',
  'one.channelRow': '输入通道 {c}',
  'one.grid.input': '输入值',
  'one.grid.weight': '权重',
  'one.grid.product': '乘积',
  'one.grid.pad': '补零',
  'one.subtotal': 'Σ = {v}',
  'one.summary': '{total} 个乘积中绝对值最大的 {n} 个：',
  'one.summary.row': '输入通道 {c}，卷积核第 {ky} 行第 {kx} 列：{input} × {weight} = {product}',
  'one.summary.rest': '其余 {n} 个乘积之和为 {v}。',
  'one.sum': '{n} 个乘积之和 = {sum}。输出图在该处显示 {value}（批归一化之前）。',
  'one.bn': '{name}：γ · (s − μ) / √(σ² + ε) + β = {gamma} · ({s} − {mean}) / {std} + {beta} = {out}',
  'one.relu': 'ReLU：max(0, {v}) = {out}。批归一化和 ReLU 之后的图显示 {shown}。',
  'one.merge.title': '追踪一个输出：输出通道 {k}，x {x}，y {y}，从 {c} 个组一直到模块的输出',
  'one.merge.chart': '该位置上 {c} 个贡献 Tᵢ(x) 从左到右逐项累加，最后等于 conv3 的值。',
  'one.merge.axis': '累加和',
  'one.merge.total': 'Σ',
  'one.merge.sum': '{c} 个组的 Σᵢ Tᵢ(x) = {sum}。conv3 在该处显示 {value}。',
  'one.merge.identity': 'shortcut(x) = x，即模块输入在该位置的值：{v}。',
  'one.merge.projection':
    'shortcut(x)：投影捷径的 1×1 卷积把 x {ix}、y {iy} 处的 {n} 个输入通道加权求和，得 {sum}；然后 {bn}。',
  'one.merge.f': 'F(x) = {v}',
  'one.merge.add': 'z = F(x) + shortcut(x) = {f} + {s} = {z}。相加后的图显示 {shown}。',
  'one.merge.relu': 'y = ReLU(z) = max(0, {z}) = {y}。模块的输出显示 {shown}。',
  'tour.oneOutput.title': '追踪一个数',
  'tour.oneOutput.text':
    '把模块 layer2.0 中分组 3×3 卷积的一个输出逐项写出：它只读取本组的输入通道，所以窗口、权重和乘积都只来自这些通道，它们的和就是图上的那个值。点击任何其他值即可追踪它。',
};
