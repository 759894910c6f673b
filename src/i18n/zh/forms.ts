import type { Catalog } from '../types';
import type { forms as en } from '../en/forms';

export const forms: Catalog<typeof en> = {
  'forms.diagrams.heading': '形式 (a)、(b)、(c)',
  'forms.a.title': '(a) 聚合变换',
  'forms.b.title': '(b) 提前拼接',
  'forms.c.title': '(c) 分组卷积',
  'forms.desc.a':
    '{c} 条路径，每条是 1×1 卷积 {in}→{d}、3×3 卷积 {d}→{d} 和 1×1 卷积 {d}→{out}；各路径的输出相加，再经捷径加上输入。共 {n} 个权重。',
  'forms.desc.b':
    '{c} 条路径，每条是 1×1 卷积 {in}→{d} 和 3×3 卷积 {d}→{d}；各路径拼接为 {width} 个通道，再经过一个 1×1 卷积 {width}→{out}，然后经捷径加上输入。共 {n} 个权重。',
  'forms.desc.c':
    '一个 1×1 卷积 {in}→{width}，一个分成 {c} 组的 3×3 分组卷积 {width}→{width}，一个 1×1 卷积 {width}→{out}，再经捷径加上输入。共 {n} 个权重。',
  'forms.in': '输入 {shape}',
  'forms.out': '输出 {shape}',
  'forms.concat': '拼接 → {shape}',
  'forms.groups': '{label}，{g} 组',
  'forms.paths': '× {c} 条路径',
  'forms.total': '{n} 个权重',
  'forms.note.copies': '{c} × {n}',
  'forms.note.shape': '→ {shape}',
  'forms.note.shapeCopies': '→ {c} × {shape}',
  'forms.layer.conv1': '第一个 1×1 卷积',
  'forms.layer.conv2': '3×3 卷积',
  'forms.layer.conv3': '最后一个 1×1 卷积',
  'forms.ref.path': '{label} — {form}：路径 {path} 的{layer}，{n} 个权重',
  'forms.ref.whole': '{label} — {form}：全部 {c} 条路径的{layer}，{n} 个权重',
  'forms.ref.wholeSingle': '{label} — {form}：唯一的{layer}，{n} 个权重',
  'forms.why':
    '三种形式的权重总数相同，因为它们持有同样的权重，只是排列不同。在 (b) 中，先拼接各路径再做一个 {width}→{out} 的 1×1 卷积，等于每条路径用其中属于自己的 {d}→{out} 部分分别计算再相加，也就是 (a)。在 (c) 中，输出 {width} 个通道的第一个 1×1 卷积，就是把 {c} 条路径各自的第一个卷积堆叠起来；而分成 {c} 组的 3×3 分组卷积让每组 {d} 个通道只看到自己的路径，与分开的 3×3 卷积完全一样。',
  'forms.selection.none': '未选中任何层。',
  'forms.selection.clear': '取消选择',
  'forms.sel.conv1.path':
    '路径 {path} 的第一个 1×1 卷积（{in}→{d}）：在 (a) 和 (b) 中是它自己的卷积；在 (c) 中是唯一的 1×1 卷积（{in}→{width}）的输出通道 {from}–{to}。',
  'forms.sel.conv2.path':
    '路径 {path} 的 3×3 卷积（{d}→{d}）：在 (a) 和 (b) 中是它自己的卷积；在 (c) 中是 3×3 分组卷积的第 {path} 组，读写通道 {from}–{to}。',
  'forms.sel.conv3.path':
    '路径 {path} 的最后一个 1×1 卷积（{d}→{out}）：在 (a) 中是它自己的卷积；在 (b) 和 (c) 中是唯一的 1×1 卷积（{width}→{out}）中输入通道 {from}–{to} 对应的列块。',
  'forms.sel.conv1.whole':
    '全部 {c} 条路径的第一个 1×1 卷积（每个 {in}→{d}）合起来就是 (c) 中唯一的 1×1 卷积 {in}→{width}。',
  'forms.sel.conv2.whole':
    '全部 {c} 条路径的 3×3 卷积（每个 {d}→{d}）合起来就是 (c) 中分成 {c} 组的 3×3 分组卷积。',
  'forms.sel.conv3.whole':
    '全部 {c} 条路径的最后一个 1×1 卷积（每个 {d}→{out}）并排放在一起，就是 (b) 和 (c) 中唯一的 {width}→{out} 1×1 卷积。',
  'forms.totals.caption': '各形式的权重数与乘加次数',
  'forms.totals.form': '形式',
  'forms.totals.params': '权重数',
  'forms.totals.macs': '乘加次数',

  'forms.proof.heading': '数值证明：一组权重，三种形式',
  'forms.proof.intro':
    '用同一组权重和同一个输入，在你的设备上用 TensorFlow.js 运行三种形式。如果它们等价，输出只会相差 float32 的舍入误差（约 10⁻⁶）。',
  'forms.proof.sourceRandom': '随机权重和随机输入（种子 {seed}），形状 {shape}。',
  'forms.proof.sourceTrained':
    '训练好的 ResNeXt-29 32×4d 模块 {block}（批归一化已并入卷积），输入为当前图片的激活，形状 {shape}。',
  'forms.proof.smallerInput':
    '上面的图按所在阶段的尺寸画出这个模块，即 {diagram}；证明则在 {shape} 上运行同一个模块，在任何设备上都更快。尺寸不影响证明：每种形式在特征图的每个位置上使用同样的权重。',
  'forms.proof.noTrained':
    '当阶段选为 ResNeXt-29（CIFAR-10）、设置为 32×4d，且模型和图片已加载时，会使用训练好的模块；在此之前使用随机权重。',
  'forms.proof.running': '正在 {backend} 上运行三种形式…',
  'forms.proof.waiting': '正在等待计算后端…',
  'forms.proof.error': '无法运行证明：{message}',
  'forms.proof.maxAB': 'max |a − b|',
  'forms.proof.maxAC': 'max |a − c|',
  'forms.proof.scale': '最大 |输出|',
  'forms.proof.verdict': '三个输出在 float32 舍入误差范围内一致。',
  'forms.proof.verdictBad': '输出之间的差异超出了 float32 舍入误差所能解释的范围。',
  'forms.proof.timeHeading': '在 {backend} 上运行 {runs} 次的中位时间',
  'forms.proof.ms': '{ms} 毫秒',
  'forms.proof.timeNote':
    '同一个函数，速度却不同：每种形式有多快，取决于后端以及它处理大量小卷积或分组卷积的效率。',
  'forms.proof.rerun': '重新运行',
};
