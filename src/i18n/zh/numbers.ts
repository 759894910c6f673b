import type { Catalog } from '../types';
import type { numbers as en } from '../en/numbers';

export const numbers: Catalog<typeof en> = {
  'numbers.locale': 'zh-CN',
  'numbers.intro': '用数字看网络：结构与开销、论文报告的结果、本项目的实测，以及在你自己设备上的速度测试。',
  'numbers.group.paper': '论文',
  'numbers.group.paperLead':
    '取自 ResNeXt 论文：网络结构（表 1）和实验结果（表 3、表 4 及 CIFAR-10）。并非本项目实测。',
  'numbers.group.ours': '本项目的训练',
  'numbers.group.oursLead': '本项目训练模型时测得：基数系列及其随机种子、训练曲线与耗时，以及长时间训练。',
  'numbers.group.device': '你的设备',
  'numbers.group.deviceLead':
    '在你的设备上、就在这个浏览器里测得（由你启动测量）：速度测试与分组卷积的开销。',
  'numbers.loading': '加载中…',
  'numbers.source': '来源：{source}',
  'numbers.paperCitation':
    'Xie 等，Aggregated Residual Transformations for Deep Neural Networks（深度神经网络的聚合残差变换），CVPR 2017',
  'numbers.chartAlt': '图表“{title}”的数据',
  'numbers.axis.cardinality': '基数 C（log₂ 刻度）',
  'numbers.axis.epoch': '轮',

  'numbers.arch.title': '逐阶段的网络结构',
  'numbers.arch.intro':
    '论文表 1：ResNet-50 与 ResNeXt-50（32×4d）的参数量和开销几乎相同。数字由本项目的计数代码根据构建模型所用的同一份结构描述算出。将鼠标悬停在某一行上或用键盘聚焦，可在其他表中找到同一阶段。',
  'numbers.arch.resnet50': 'ResNet-50',
  'numbers.arch.resnext50': 'ResNeXt-50（32×4d）',
  'numbers.arch.resnext29': 'ResNeXt-29（32×4d）——本项目的 CIFAR-10 模型',
  'numbers.arch.col.stage': '阶段',
  'numbers.arch.col.output': '输出尺寸',
  'numbers.arch.col.layers': '层',
  'numbers.arch.col.params': '参数量',
  'numbers.arch.col.macs': '乘加次数（MACs）',
  'numbers.arch.stage.output': '输出',
  'numbers.arch.stem': '{k}×{k}，{c}，步幅 {s}',
  'numbers.arch.maxpool': '{k}×{k} 最大池化，步幅 {s}',
  'numbers.arch.head': '全局平均池化，{n} 维全连接，softmax',
  'numbers.arch.total': '合计',
  'numbers.arch.macsNote':
    'MACs（乘加次数，即论文中的“FLOPs”）按一张 {size}×{size} 图片计算。参数量包括批归一化的缩放与偏移。',
  'numbers.arch.blocksNote':
    '逐模块与逐阶段：概览画的是一个阶段中重复的模块，它读入与输出同样多的通道。每个阶段的第一个模块不同：它读入上一阶段的输出，并带有投影捷径（conv2 中为 {proj} 个权重）。在 conv2 中，ResNeXt-50 重复模块的卷积权重为 {xRep} 个，ResNet-50 为 {rRep} 个；但第一个模块只读入 {firstIn} 个通道，ResNeXt-50 为 {xFirst} 个，ResNet-50 为 {rFirst} 个，所以整个阶段的参数量更少。在 conv3 中，第一个模块的第一个 1×1 仍在 {side}×{side} 的特征图上运行（步幅 2 在其后的 3×3 中），而 ResNeXt 的这个 1×1 更宽：该模块需要 {xFirstMacs} 次乘加，ResNet-50 为 {rFirstMacs} 次，占了这一阶段多出的乘加次数的大部分。',
  'numbers.arch.sourceText': '结构：Xie 等，表 1；数字：本项目的计数代码（src/resnext/counting.ts）',

  'numbers.paper.title': '论文报告的结果',
  'numbers.paper.intro': '以下数字引自论文（ImageNet-1K，224×224 单裁剪；以及 CIFAR-10），并非本项目测得。',
  'numbers.paper.t3.title': '复杂度相同时，基数越大，错误率越低（表 3）',
  'numbers.paper.t3.note':
    'C = 1（1×64d）即 ResNet-{depth50} 和 ResNet-{depth101}；每条线上随着 C 增大、d 减小，乘加次数与参数量保持不变。',
  'numbers.paper.col.model': '模型',
  'numbers.paper.col.params': '参数量',
  'numbers.paper.col.cifar10': 'CIFAR-10 错误率（%）',
  'numbers.paper.t4.title': '复杂度翻倍：增加基数胜过加深或加宽（表 4）',
  'numbers.paper.cifar.title': 'CIFAR-10 上与 Wide ResNet 对比（表 7）',
  'numbers.paper.cifar.params': '{n}',
  'numbers.paper.cifar.ours':
    '论文中的 ResNeXt-29 并不是本站运行的模型。本站的是 {ours}：{c} 条宽度为 {d} 的路径，{oursParams}个参数，训练 {epochs} 轮，测试错误率 {oursErr}%。论文的 {paper} 有 {paperC} 条宽度为 {paperD} 的路径、{paperParams}个参数（用同一份计数代码算出，是本站模型的 {times}×），错误率为 {paperErr}%。',
  'numbers.paper.speed.title': '训练速度',
  'numbers.paper.speed.text':
    '在 {gpus} 块 GPU 上，ResNeXt-101（32×4d）每个小批量耗时 {resnext} 秒，而乘加次数相近的 ResNet-101 为 {resnet} 秒：耗时为后者的 {ratio} 倍，因为分组卷积对硬件的利用效率较低。',

  'numbers.ours.title': '本项目在 CIFAR-10 上的实测',
  'numbers.ours.intro':
    '{count} 个复杂度相同的 ResNeXt-29 模型（{first} 到 {last}）各训练 {epochsFamily} 轮，{long} 模型另训练 {epochsLong} 轮；在一块 {device} 上，每批 {batch} 张图片。',
  'numbers.ours.sourceText': '训练过程写出的 metrics.json（{device}，PyTorch {torch}）',
  'numbers.how.summary': '这些数字是怎样测得的',
  'numbers.how.precision':
    '训练在 PyTorch 中以 bf16（bfloat16，16 位浮点数）混合精度进行；吞吐量分别按 bf16 和 float32 测量。',
  'numbers.how.testCopy':
    '我们的测试图片解码自 CIFAR-10 的一份 JPEG 副本并经过打乱；官方文件与之略有不同，在官方文件上测得的数字也会略有差异。',
  'numbers.ours.curves.title': '每轮的测试错误率：{count} 个 {epochs} 轮模型',
  'numbers.ours.curves.y': 'CIFAR-10 测试错误率',
  'numbers.ours.train.title': '每轮的训练错误率：{count} 个 {epochs} 轮模型',
  'numbers.ours.train.y': 'CIFAR-10 训练错误率',
  'numbers.ours.train.item': '{setting} {err}',
  'numbers.ours.train.paper':
    '论文发现，路径更多时，训练错误率和测试错误率都会降低（其图 5）：基数带来的是更强的表示能力，而不是正则化——正则化会以更高的训练错误率换取更低的测试错误率。',
  'numbers.ours.train.falls': '这里也是如此：训练 {epochs} 轮后，C 每增大一级，训练错误率都下降：{list}。',
  'numbers.ours.train.mixed':
    '训练 {epochs} 轮后，我们的训练错误率并不随 C 增大而稳定下降（{list}）：在这么短的训练、每种设置只训练一次的情况下，这些差异与测试准确率的差异一样小，也一样受噪声影响。',
  'numbers.how.trainError':
    '训练错误率是在每轮训练中、对经过数据增强（随机裁剪、翻转和 Cutout 遮挡）的训练批次统计的，所以并不是未增强训练集上的错误率。',
  'numbers.ours.step.title': '乘加次数相同时的训练单步耗时',
  'numbers.ours.step.y': '每批 {batch} 张图片的毫秒数',
  'numbers.ours.step.series': '单步耗时',
  'numbers.ours.step.ratio':
    '32×4d 与 1×64d 相比：这里的单步耗时是后者的 {ours} 倍，论文中是 {paper} 倍（ResNeXt-101 32×4d 对 ResNet-101）。乘加次数相同时，分组模型更慢。',
  'numbers.ours.thr.title': '推理吞吐量（批大小 {batch}）',
  'numbers.ours.thr.y': '每秒图片数',
  'numbers.ours.thr.bf16': '16 位浮点',
  'numbers.ours.thr.fp32': '32 位浮点',
  'numbers.ours.run80.title': 'ResNeXt-29 32×4d 训练 {epochs} 轮',
  'numbers.ours.run80.y': '错误率',
  'numbers.ours.run80.train': '训练错误率（含数据增强）',
  'numbers.ours.run80.test': '测试错误率',
  'numbers.ours.run80.acc':
    '训练结束后在 PyTorch 中测得：{images} 张 CIFAR-10 测试图片上的测试准确率为 {acc}。',
  'numbers.ours.tfjs': '同样的权重按本页的方式在 TensorFlow.js 中运行，在同样的测试图片上：{value}。',
  'numbers.how.tfjsCommand': 'TensorFlow.js 的数字由以下命令得出：',
  'numbers.ours.tfjsValue': '{images} 张图片上 {acc}',
  'numbers.ours.notMeasured': '尚未测量',
  'numbers.ours.col.model': '模型',
  'numbers.ours.col.epoch': '轮',
  'numbers.ours.col.accuracy': '测试准确率',
  'numbers.ours.col.stepMs': '单步耗时（毫秒）',
  'numbers.ours.loadError': '无法加载实测数据：{message}',

  'numbers.speed.title': '在你的设备上做速度测试',
  'numbers.speed.intro':
    '在本页当前的 TensorFlow.js 后端上，为 conv2 的一个模块（{channels} 维）计时：稠密的 ResNet 瓶颈模块（1×64d），以及 ResNeXt 模块（32×4d）的三种等价形式。它们的乘加次数几乎相同，因此耗时差异反映的是该后端处理拆分与分组计算的效率。',
  'numbers.speed.run': '运行速度测试',
  'numbers.speed.progress': '速度测试进度',
  'numbers.speed.backend': '后端：{backend}',
  'numbers.speed.block.resnet': 'ResNet 瓶颈模块（1×64d）',
  'numbers.speed.block.a': 'ResNeXt 32×4d，形式 (a)：拆分-变换-合并',
  'numbers.speed.block.b': 'ResNeXt 32×4d，形式 (b)：提前拼接',
  'numbers.speed.block.c': 'ResNeXt 32×4d，形式 (c)：分组卷积',
  'numbers.speed.short.resnet': 'ResNet',
  'numbers.speed.short.a': '(a)',
  'numbers.speed.short.b': '(b)',
  'numbers.speed.short.c': '(c)',
  'numbers.speed.input': '{size}×{size} 输入',
  'numbers.speed.col.block': '模块',
  'numbers.speed.col.macs': '乘加次数',
  'numbers.speed.col.median': '{backend}：中位数（毫秒）',
  'numbers.speed.col.ratio': '{backend}：相对 ResNet 的倍数',
  'numbers.speed.y': '耗时中位数（毫秒）',
  'numbers.speed.chartTitle': '各模块耗时中位数，{backend}',
  'numbers.speed.none': '还没有结果：点击按钮开始测量。',
  'numbers.speed.error': '速度测试失败：{message}',
  'numbers.speed.note':
    '预热后多次计时取中位数，批大小为 1；结果按后端保存在本次访问中：切换后端再运行一次，会多出一列。',
  'numbers.speed.macsNote': '每张图片的乘加次数，由本项目的计数代码算出：四个模块的开销大致相同。',
};
