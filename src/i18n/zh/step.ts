import type { Catalog } from '../types';
import type { step as en } from '../en/step';

export const step: Catalog<typeof en> = {
  'step.keyboardHint':
    '焦点在此面板上时，← 和 → 前后移动一步，Home 和 End 跳到第一步和最后一步。把指针移到图上，或让图获得焦点后用方向键，即可读出数值。',

  'step.block.label': '模块',
  'step.block.option': '{block}（{row}）：{in} → {out} 通道，{c}×{d}d，{h}×{w}',
  'step.block.optionShort': '{block}：{in} → {out}，{c}×{d}d',
  'step.image.label': '图片',
  'step.image.own': '你的图片：{name}',
  'step.loading.model': '正在加载训练好的模型…',
  'step.loading.trace': '正在为这张图片计算模块 {block}…',
  'step.noImage': '还没有选择图片。请先在“分类”一节中选一张，再回到这里。',
  'step.error.model': '无法加载训练好的模型：{message}',
  'step.error.trace': '无法计算这个模块：{message}',

  'step.controls.label': '步骤控制',
  'step.prev': '上一步',
  'step.next': '下一步',
  'step.play': '播放',
  'step.pause': '暂停',
  'step.scrubber': '步骤',
  'step.position': '第 {n} 步，共 {total} 步：{title}',

  'step.strip.title': '这一步在模块 {block} 中的位置',
  'step.strip.desc': '模块画成一串运算，捷径在上方。当前步骤：{title}。',
  'step.node.input': 'x',
  'step.node.conv1': '1×1 卷积',
  'step.node.conv1.sub': '{in} → {width}',
  'step.node.bn1': 'BN + ReLU',
  'step.node.conv2': '3×3 分组卷积',
  'step.node.conv2.sub': 'C = {c}',
  'step.node.bn2': 'BN + ReLU',
  'step.node.conv3': '1×1 卷积',
  'step.node.conv3.sub': '{width} → {out}',
  'step.node.bn3': 'BN',
  'step.node.output': 'ReLU → y',
  'step.node.shortcut.identity': '恒等捷径',
  'step.node.shortcut.projection': '投影捷径：1×1 卷积，步幅 {stride}，再接 BN',

  'step.details.operation': '运算',
  'step.details.shapes': '张量形状',
  'step.details.input': '输入',
  'step.details.output': '输出',
  'step.details.cost': '参数量与乘加次数',
  'step.details.costValue': '{params} 个参数 · {macs} 次乘加',
  'step.details.costNone': '没有参数，没有乘加',
  'step.details.costLayer': '{layer}：权重 {shape}',
  'step.details.formula': '公式',
  'step.shape.grouped': '{shape}（{c}×{d}d）',

  'step.input.title': '输入 x',
  'step.input.explain':
    '模块从 x 开始：这是训练好的网络对这张图片在 {block} 之前算出的激活，共 {in} 个通道，每个通道是一张 {h}×{w} 的小图。',
  'step.input.formula': 'x ∈ ℝ^({h}×{w}×{in})',

  'step.split.title': '拆分：1×1 卷积，分成 {c} 组，每组 {d} 个通道',
  'step.split.explain':
    '1×1 卷积把 {in} 个通道映射为 {width} = {c} × {d}。把输出看成 {c} 组、每组 d = {d} 个通道（网格中用框标出）：每组是一条路径的低维嵌入。这就是拆分-变换-合并中的“拆分”；路径的条数 C = {c} 就是基数。',
  'step.split.formula': 'u = W₁x，W₁：1×1，{in} → {width}；u = [u₁ | u₂ | … | u{c}]，uᵢ ∈ ℝ^({h}×{w}×{d})',

  'step.bn1-relu.title': '批归一化，然后 ReLU',
  'step.bn1-relu.explain':
    '批归一化用训练中学到的统计量对每个通道缩放和平移；随后 ReLU 把负值置为零。分组保持不变。可以在批归一化的输出（有正有负）和 ReLU 的输出之间切换。',
  'step.bn1-relu.formula': 'BN(u) = γ ⊙ (u − μ) / √(σ² + ε) + β；a = max(0, BN(u))',

  'step.transform.title': '变换：3×3 分组卷积',
  'step.transform.explain':
    '3×3 卷积是分 {c} 组的分组卷积：第 i 组输出只由第 i 组输入算出，并有自己的 {d}×{d}×3×3 卷积核。因此 {c} 条路径各自独立地变换自己的嵌入。选择一个组，可以看到它的 {d} 张输入图、它的卷积核和 {d} 张输出图。',
  'step.transform.formula': 'vᵢ = Kᵢ ∗ aᵢ（i = 1 … {c}），Kᵢ：3×3，{d} → {d}，步幅 {stride}',

  'step.bn2-relu.title': '批归一化，然后 ReLU',
  'step.bn2-relu.explain':
    '与第一个卷积之后相同：{width} 个通道各自归一化，再把负值截为零。每组仍然对应自己的路径。',
  'step.bn2-relu.formula': 'bᵢ = max(0, BN(vᵢ))',

  'step.merge.title': '合并：1×1 卷积即各组之和',
  'step.merge.explain':
    '最后的 1×1 卷积把 {width} 个通道映射到 {out} 个。把它的权重按输入组拆开，它就成了一个求和：Tᵢ(x) 是第 i 组单独的贡献（只对该组的 {d} 个通道做这个卷积）。{c} 个贡献相加正好等于卷积的输出：这就是拆分-变换-合并中的“合并”。求和在第三个批归一化之前进行；批归一化对每个通道是仿射的，所以只对和作用一次。',
  'step.merge.formula': 'conv3(b) = Σᵢ Tᵢ(x)，Tᵢ(x) = W₃,ᵢ bᵢ，W₃,ᵢ：1×1，{d} → {out}',

  'step.bn3.title': '批归一化（还没有 ReLU）',
  'step.bn3.explain':
    '第三个批归一化逐通道归一化合并后的输出。这里没有 ReLU：要先加上捷径，因此残差分支 F(x) 可以把每个值往上或往下推。',
  'step.bn3.formula': 'F(x) = BN₃(Σᵢ Tᵢ(x))',

  'step.shortcut.title': '捷径',
  'step.shortcut.explain':
    '恒等捷径：形状已经一致（输入输出都是 {in} 个通道、{h}×{w}），所以输入 x 原样绕过残差分支。',
  'step.shortcut.formula': 'shortcut(x) = x',
  'step.shortcut.explainProjection':
    '投影捷径：这是所在阶段的第一个模块，形状发生变化（{in} → {out} 个通道，步幅 {stride}），所以 x 要经过一个步幅为 {stride} 的 1×1 卷积和批归一化，才能与分支对齐。',
  'step.shortcut.formulaProjection': 'shortcut(x) = BN(Wₛx)，Wₛ：1×1，{in} → {out}，步幅 {stride}',

  'step.add.title': '相加：残差连接',
  'step.add.explain':
    '残差连接把捷径与残差分支逐元素相加：模块只需学习在输入之上的变化 F(x)。这一步没有可学习的参数。',
  'step.add.formula': 'z = shortcut(x) + F(x) = shortcut(x) + BN₃(Σᵢ Tᵢ(x))',

  'step.output.title': 'ReLU：模块的输出',
  'step.output.explain': '最后一个 ReLU 得到模块的输出 y，它送入{next}。',
  'step.output.formula': 'y = max(0, z)',
  'step.output.nextBlock': '模块 {block}',
  'step.output.pool': '全局平均池化和分类器',

  'step.tensor.in': 'x',
  'step.tensor.conv1': 'conv1 输出',
  'step.tensor.bn1': '批归一化之后',
  'step.tensor.relu1': 'ReLU 之后',
  'step.tensor.conv2': 'conv2 输出',
  'step.tensor.bn2': '批归一化之后',
  'step.tensor.relu2': 'ReLU 之后',
  'step.tensor.conv3': 'conv3 输出',
  'step.tensor.bn3': '批归一化之后',
  'step.tensor.shortcut': '捷径',
  'step.tensor.add': '相加结果',
  'step.tensor.out': 'y',
  'step.tensor.choice': '显示',
  'step.mapDialog.channel': '通道 {channel}',
  'step.mapDialog.hint': '点击某张图，或按 Enter 键打开读数点所在的图，可放大查看。',
  'step.mapDialog.close': '关闭',

  'step.maps.caption': '{name}：{channels} 张 {h}×{w} 的图',
  'step.maps.captionGrouped': '{name}：{channels} 张 {h}×{w} 的图，框成 {c} 组、每组 {d} 张',
  'step.maps.label': '{name}，{channels} 张激活图。方向键移动读数点，Page Up 和 Page Down 切换通道。',
  'step.norm.label': '色阶',
  'step.norm.channel': '每张图各用自己的色阶',
  'step.norm.shared': '所有图共用一个色阶',
  'step.legend.diverging': '有正有负的值（ReLU 之前）：蓝 < 0 < 红',
  'step.legend.sequential': '非负的值（ReLU 之后）',
  'step.legend.max': '最大值',
  'step.legend.negMax': '−最大值',
  'step.probe': '通道 {channel}，x {x}，y {y}：{value}',
  'step.probe.kernelMap': '从输入通道 {i} 到输出通道 {o} 的卷积核',
  'step.probe.channelOnly': '通道 {channel}',

  'step.group.label': '组',
  'step.group.option': '第 {n} 组（通道 {first}–{last}）',
  'step.group.inputs': '它的 {d} 张输入图（第一个批归一化和 ReLU 之后）',
  'step.group.kernel': '它的卷积核，{d} × {d} × 3 × 3：每行一个输出通道，每列一个输入通道',
  'step.group.outputs': '它的 {d} 张输出图',
  'step.group.all': '输出的全部 {c} 组',

  'step.merge.channel': '输出通道',
  'step.merge.terms': '输出通道 {k} 的 Tᵢ(x)，每组 i = 1 … {c} 一张图（第 {n} 组加框）',
  'step.merge.sum': 'Σᵢ Tᵢ(x)',
  'step.merge.conv3': 'conv3 输出',
  'step.merge.diff':
    '实测 |Σᵢ Tᵢ − conv3| 在全部 {count} 个值上的最大值：{diff}（|conv3| 的最大值：{scale}）。',
  'step.merge.allChannels': 'conv3 的全部 {out} 个通道',
};
