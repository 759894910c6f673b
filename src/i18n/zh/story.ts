import type { Catalog } from '../types';
import type { story as en } from '../en/story';

export const story: Catalog<typeof en> = {
  'story.label': '故事',
  'story.loading': '加载中…',

  'story.why.heading': '为什么需要 ResNeXt？',
  'story.why.p1':
    '要让网络更准确，常见的做法是把它加深（更多层）或加宽（更多通道）。这两种做法都有效，但开销也随之增长：更多的计算、更多的参数；对于手工设计的模块，还有更多需要调节的设计选择。',
  'story.why.p2':
    'ResNeXt（谢赛宁、Ross Girshick、Piotr Dollár、屠卓文、何恺明，CVPR 2017）提出的问题是：能否在不增加复杂度的前提下提高准确率？它的回答是基数：一个模块内部相同的并行变换的数量。基数是深度和宽度之外的第三个维度；论文发现，在相同开销下，增大基数比加深或加宽带来更多的准确率提升。',
  'story.why.depth': '深度：堆叠多少层。',
  'story.why.width': '宽度：每层有多少通道。',
  'story.why.cardinality': '基数：一个模块中并排运行多少条相同的路径（论文也称为分支）。',
  'story.why.lead':
    '更深或更宽的网络更准确，开销也更高。ResNeXt 增加了第三个维度——基数：每个模块中并排的 C 条相同路径。拖动下面的 C：ResNet 的一条宽路径分成许多细路径，开销却大致不变。',
  'story.more': '展开阅读',
  'story.less': '收起',
  'story.heritage.heading': '渊源：Inception 的拆分-变换-合并（split-transform-merge）',
  'story.heritage.p1':
    'ResNeXt 建立在一个更早的思想之上。GoogLeNet 的 Inception 模块把输入拆分到若干分支，每个分支用不同的操作进行变换（1×1、3×3、5×5 卷积和 3×3 最大池化），再通过拼接合并。每个分支都有自己的卷积核大小和宽度：每个模块都有许多超参数需要选择。之所以并排放置几种大小的卷积核，是为了尺度：1×1 只看一个位置，3×3 和 5×5 看越来越大的一片，所以一个模块能在几个尺度上同时观察输入，下一层可以同时利用它们。',
  'story.heritage.p2':
    '朴素模块直接在全部 {in} 个输入通道上运行大卷积核，开销很大。Inception (3a) 在 3×3 和 5×5 卷积之前（以及池化之后）加入 1×1 卷积，先减少通道数。在 {s}×{s}×{in} 上逐层计数：朴素模块有 {naiveParams} 个参数，需要 {naiveMacs}次乘加；加入降维后为 {params} 个参数、{macs}次乘加，乘加次数仅为前者的 1/{ratio}。',
  'story.heritage.p3':
    'ResNeXt 保留了拆分-变换-合并，但去掉了手工调节：每条路径的拓扑都相同（1×1、3×3、1×1），各路径的输出相加而不是拼接。剩下需要选择的只有一个数：基数 C。',
  'story.inception.caption':
    'GoogLeNet 的 Inception (3a)，输入 {s}×{s}×{in}：朴素版本，以及带 1×1 降维（着色）的版本。每个方框标注“卷积核，输出通道数”，下方是它的乘加次数（MACs）；底部的条形以同一比例比较两个模块的乘加次数。参数数目包括偏置。',
  'story.inception.naive': '朴素 Inception 模块',
  'story.inception.reduced': 'Inception (3a)，1×1 降维',
  'story.inception.input': '输入 {s}×{s}×{c}',
  'story.inception.conv': '{k}×{k} 卷积，{out}',
  'story.inception.pool': '{k}×{k} 最大池化',
  'story.inception.concat': '拼接 → {c} 个通道',
  'story.inception.boxMacs': '{macs}次乘加',
  'story.inception.total': '{params} 个参数 · {macs}次乘加',
  'story.inception.desc':
    '{title}。输入 {s}×{s}×{in}。分支：{branches}。各分支输出拼接为 {out} 个通道。共 {params} 个参数，{macs}次乘加。',
  'story.inception.descBranch': '{layers}（{macs}次乘加）',
  'story.inception.descJoin': '，然后 ',
  'story.inception.descSep': '；',

  'story.block.heading': '模块：多条路径，一次求和',
  'story.block.p1':
    '单个神经元就是最简单的拆分-变换-合并。它的内积 Σᵢ wᵢxᵢ 把输入 x 拆分为各个分量 xᵢ，对每个分量做缩放变换 wᵢxᵢ，再把结果求和合并。',
  'story.block.p2':
    'ResNeXt 把每个 wᵢxᵢ 换成一个小网络 Tᵢ，所有 Tᵢ 形状相同，再把它们相加：F(x) = Σᵢ Tᵢ(x)，共 C 条路径，再经捷径加上输入，y = x + F(x)。在 ResNeXt-50 的 conv2 中，ResNet 的瓶颈模块只有一条宽度为 {resnetWidth} 的路径；ResNeXt 模块有 {c} 条宽度为 {d} 的路径（{c}×{d}d），开销几乎相同：{params} 个权重，而 ResNet 模块为 {resnetParams} 个。',
  'story.block.p3':
    '下面的动画按上方选定的 C 和 d 一步步展示拆分、变换与合并：每条路径一个 Tᵢ，每个嵌入的宽度与 d 成正比。',
  'story.neuron.caption': '把神经元看作拆分-变换-合并：拖动权重，观察求和结果。',
  'story.neuron.col.i': 'i',
  'story.neuron.col.x': '拆分：xᵢ',
  'story.neuron.col.w': '权重 wᵢ',
  'story.neuron.col.wx': '变换：wᵢxᵢ',
  'story.neuron.weight': '权重 w{i}',
  'story.neuron.sum': '合并：Σᵢ wᵢxᵢ',
  'story.neuron.reset': '重置权重',

  'story.forms.heading': '三种形式，同一个函数',
  'story.forms.p1':
    '论文用三种方式画出 ResNeXt 模块。(a) 就是上面描述的模块：C 条 1×1、3×3、1×1 路径，结果相加。(b) 把各路径 3×3 的输出拼接起来，再做一次 1×1 卷积；它与 Inception-ResNet 模块相似，只是每条路径都相同。(c) 把第一层的 1×1 合并为一个宽的 1×1，把 C 个 3×3 卷积合并为一个分为 C 组的分组卷积。由此看来，拆分-变换-合并是一种普遍的形式：Inception-ResNet 模块就是各路径形状不同的形式 (b)，由分组卷积构成的网络就是形式 (c)，而 ResNeXt 是所有路径都相同的情形。',
  'story.forms.p2':
    'C 个 1×1 卷积之和等于在它们拼接后的输入上做一次 1×1 卷积；在各自通道切片上的 C 个卷积恰好就是一个分组卷积。因此 (a)、(b)、(c) 用相同的权重计算同一个函数：对于下面的模块，(a) 有 {a} 个权重，(b) 有 {b} 个，(c) 有 {c} 个。这正是 ResNeXt 易于实现的原因：形式 (c) 就是一个 3×3 卷积设置了 groups = C 的 ResNet 瓶颈模块。',
  'story.forms.p3':
    '在下面任选一组权重，它们会在三种形式中同时高亮；其下的数值验证在同一输入上运行这三种形式。',

  'story.step.heading': '在真实激活上拆分、变换、合并',
  'story.step.p1':
    '这里的模块不再是示意图：它是训练好的 ResNeXt-29 中的一个模块，在你的浏览器中处理一张真实的图片。第一个 1×1 卷积把输入拆分为 C 组通道，分组 3×3 卷积分别变换每一组，最后的 1×1 卷积以加权求和把它们合并，F(x) = Σᵢ Tᵢ(x)，捷径再把 x 加回来。',

  'story.classify.heading': '一个真实训练过的网络',
  'story.classify.p1':
    '本站所有演示都使用同一个在 CIFAR-10 上真正训练过的 ResNeXt-29，借助 TensorFlow.js 直接在你的浏览器中运行：你的图片不会离开你的设备。你在这里选择的图片，也正是“逐步运行”一节所使用的图片，因此你可以先对图片分类，再观察它如何流过一个模块。',

  'story.arch.heading': 'ResNeXt-50 与 ResNet-50 并列',
  'story.arch.p1':
    '为了公平比较，ResNeXt-50（32×4d）保持 ResNet-50 的布局：相同的阶段、相同的模块数、模块之间相同的宽度。只有每个模块的中间层发生变化：3×3 卷积变成分为 {c} 组的分组卷积，瓶颈变宽（在 conv2 中从 {resnetWidth} 个通道变为 {resnextWidth} 个），使开销保持持平。',
  'story.arch.p2':
    '按两种结构在 224×224 输入上计数：ResNet-50 有 {resnetParams}个参数，每张图片需要 {resnetMacs}次乘加；ResNeXt-50（32×4d）有 {resnextParams}个参数，需要 {resnextMacs}次乘加。下面的表格逐阶段列出这些数字。',

  'story.catch.heading': '开销的另一面：分组卷积运行更慢',
  'story.catch.p1':
    '乘加次数相同并不意味着耗时相同。分组卷积执行许多小矩阵乘法，而不是一个大矩阵乘法，硬件执行起来效率更低。论文报告，在乘加次数相近时，ResNeXt-101（32×4d）每个小批量需要 {grouped} 秒，而 ResNet-101 需要 {dense} 秒（{gpus} 块 GPU）：耗时是后者的 {ratio} 倍。',
  'story.catch.ours':
    '我们在一块 {device} 上的训练也看到了同样的现象：ResNeXt-29 {grouped} 的一个训练步耗时 {groupedMs} 毫秒，而 {dense} 为 {denseMs} 毫秒，前者耗时是后者的 {ratio} 倍，而两者的乘加次数基本相同。',
  'story.catch.p2': '试试下面的实时速度测试：它在你的设备上为一个稠密模块和一个分组模块计时。',
  'story.catch.go': '前往速度测试',

  'story.results.heading': '结果',
  'story.results.paper':
    '在 ImageNet-1K 上，在相同复杂度下，ResNeXt-50（32×4d）的 top-1 错误率为 {resnext}%，ResNet-50 为 {resnet}%。把 ResNet-101（{base}%）的复杂度翻倍：加深得到 {deeper}%，加宽得到 {wider}%，增大基数（{setting}）得到 {cardinality}%。',
  'story.results.ours':
    '我们在 CIFAR-10 上的训练：ResNeXt-29 {setting} 训练 {epochs} 轮，测试准确率达到 {acc}；它就是本站各处使用的网络。在相同复杂度、{familyEpochs} 轮的训练中，{base} 达到 {baseAcc}，{grouped} 达到 {groupedAcc}；{n} 种设置的结果介于 {worst} 与 {best} 之间。每种设置只训练了一次且时间较短，这么小的差距只是微弱的证据。',
  'story.results.setting': '{acc}（{setting}）',
  'story.results.p2': '下面的图表展示论文中的表格和我们的训练曲线。',

  'tour.start': '导览',
  'tour.progress': '第 {n} 步，共 {total} 步',
  'tour.back': '上一步',
  'tour.next': '下一步',
  'tour.finish': '完成',
  'tour.close': '退出导览',
  'tour.keys': '← → 或 Enter 切换，Esc 退出。',

  'tour.why.title': '为什么是基数？',
  'tour.why.text':
    '更深或更宽的网络更准确，但开销更高。ResNeXt 增加了第三个维度：基数。这里 C = 1：模块就是 ResNet 的瓶颈模块，只有一条路径。',
  'tour.cardinality.title': '{c} 条路径，开销不变',
  'tour.cardinality.text':
    '现在 C = {c}：一条宽路径变成 {c} 条宽度为 {d} 的路径，权重数和乘加次数基本不变。你也可以自己拖动滑块试试。',
  'tour.cost.title': '权重都花在哪里',
  'tour.cost.text':
    '把模块的权重逐部分拆开：3×3 分成 C 组后，权重只有原来的 1/C，省下的正好用来加宽瓶颈。等复杂度规则选出使总量持平的 d。',
  'tour.heritage.title': 'Inception 的遗产',
  'tour.heritage.text':
    'Inception 同样进行拆分、变换、合并，但各分支是手工挑选的。比较朴素模块与先用 1×1 卷积降维的模块。',
  'tour.block.title': '一个神经元，一个模块',
  'tour.block.text':
    '神经元的 Σ wᵢxᵢ 是最简单的拆分-变换-合并。ResNeXt 则把 C 个小网络相加：F(x) = Σᵢ Tᵢ(x)。拖动权重，观察和的变化。',
  'tour.whyCardinality.title': '为什么是基数：论文的结果',
  'tour.whyCardinality.text':
    '论文表 3 和表 4 画成图：开销相同时，路径越多，ImageNet 错误率越低；把开销翻倍时，增大基数胜过加深或加宽。',
  'tour.forms.title': '三种等价形式',
  'tour.forms.text':
    '形式 (a)、(b)、(c) 计算同一个函数。路径 1 的 3×3 权重已被选中：看看它们在每种形式中的位置；在 (c) 中，它们是分组卷积的一组。',
  'tour.grouped.title': '真实激活上的分组 3×3',
  'tour.grouped.text':
    '训练好的网络中的模块 layer1.1，停在变换这一步：3×3 是分组卷积，每组（即一条路径）用自己的卷积核把自己的 d 张输入图变成 d 张输出图。选另一组比较一下。',
  'tour.step.title': '一个真实模块的合并',
  'tour.step.text':
    '训练好的网络中的模块 layer1.1，停在合并这一步：最后的 1×1 卷积把 32 条路径的输出相加。用步骤控件走完整个模块。',
  'tour.classify.title': '你的图片，真实的网络',
  'tour.classify.text':
    '用训练好的 ResNeXt-29 对示例图片或你自己的图片分类。你选择的图片就是“逐步运行”一节所使用的图片。',
  'tour.arch.title': 'ResNeXt-50 与 ResNet-50 并列',
  'tour.arch.text':
    '布局相同，参数和乘加次数相差不过几个百分点；只有模块内部变了：3×3 改为分组卷积，瓶颈宽度 C·d 增大。',
  'tour.catch.title': '速度的开销',
  'tour.catch.text': '在乘加次数相同时，分组卷积比稠密卷积运行得更慢。运行速度测试，在你的设备上亲自看看。',
  'tour.results.title': '结果',
  'tour.results.text':
    '论文在 ImageNet 上的结果，以及我们在 CIFAR-10 上的测量。导览到此结束：点击“完成”或按 Esc 关闭。',
};
