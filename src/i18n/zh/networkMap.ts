import type { Catalog } from '../types';
import type { networkMap as en } from '../en/networkMap';

export const networkMap: Catalog<typeof en> = {
  'networkMap.heading': '一屏看完整个网络',
  'networkMap.intro':
    '从起始层到分类器，网络的每一个模块按论文表 1 的阶段（conv1、conv2、…、fc）分组，并标出每个模块的输出形状、基数 C、每组宽度 d 和参数量。每个阶段只用论文的名称：ResNeXt-29 的三个阶段就是 conv2、conv3 和 conv4；模块名 layer1.0 … layer3.2 是 PyTorch 对同样这些阶段的命名（layer1 = conv2，layer2 = conv3，layer3 = conv4）。',
  'networkMap.thumbs.explain':
    '每个模块里的小图是这个模块对当前图片算出的结果：它的输出在各通道上的平均（暗：弱，亮：强；每张图用各自的色阶）。点击一个模块，或在它上面按 Enter，就能在下方逐步查看它。',
  'networkMap.thumb.aria': '{name} 对当前图片的输出图，在各通道上取平均',
  'networkMap.links.aria': '从网络的每个阶段指向下一个阶段的箭头，从起始层到分类器',
  'networkMap.network.label': '网络',
  'networkMap.network.running': 'ResNeXt-{depth} {c}×{d}d（正在运行）',
  'networkMap.network.paper': 'ResNeXt-{depth} {c}×{d}d（论文表 1）',
  'networkMap.paper.note':
    'ResNeXt-{depth} 不在这里运行：它按论文表 1 画出，输入是 {size}×{size} 的 ImageNet 图片，所以它的模块没有小图。',
  'networkMap.overviewStage': '概览中的阶段选择显示的是 {row} 的一个模块，这里用框标出。',
  'networkMap.loading': '正在加载模型以画出它的模块…',
  'networkMap.thumbs.computing': '正在为这张图片计算每个模块的小图…',
  'networkMap.thumbs.noImage': '还没有图片：选好一张后小图就会出现。',
  'networkMap.thumbs.error': '无法计算小图：{message}',
  'networkMap.column.size': '{h}×{w}',
  'networkMap.column.stage': '{n} 个模块 · {h}×{w}',
  'networkMap.stem.name': '起始层',
  'networkMap.stem.op': '{k}×{k} 卷积，{c}',
  'networkMap.stem.opPool': '{k}×{k} 卷积 + 最大池化',
  'networkMap.head.name': '分类器',
  'networkMap.head.op': '平均池化 + 全连接',
  'networkMap.head.classes': '{n} 个类别',
  'networkMap.card.cd': '{c}×{d}d',
  'networkMap.card.params': '{params} 个参数',
  'networkMap.block.aria': '{lines}（{stage}）。在逐步运行中打开这个模块。',
};
