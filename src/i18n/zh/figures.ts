import type { Catalog } from '../types';
import type { figures as en } from '../en/figures';

export const figures: Catalog<typeof en> = {
  'forms.sum.a': 'Σ {c} 条路径 + x',
  'forms.sum.bc': '+ x（捷径）',
  'forms.morph.heading': '从 (a) 到 (c)：同样的权重，重新组合',
  'forms.morph.choose': '显示的形式',
  'forms.morph.play': '播放 (a) → (b) → (c)',
  'forms.morph.stop': '停止',
  'forms.morph.step.a':
    '(a)：{c} 条独立的路径。每条路径有自己的第一个 1×1 卷积（{in}→{d}）、3×3 卷积（{d}→{d}）和最后一个 1×1 卷积（{d}→{out}）；⊕ 把 {c} 条路径与捷径相加。',
  'forms.morph.step.b':
    '(a) → (b)：各路径末尾的 {c} 个 1×1 卷积合并为一个。各路径先拼接为 {width} 个通道，再由一个 1×1 卷积（{width}→{out}）代替求和；⊕ 现在只加上捷径。',
  'forms.morph.step.c':
    '(b) → (c)：各路径开头的 {c} 个 1×1 卷积合并为一个宽的 1×1 卷积（{in}→{width}），{c} 个 3×3 卷积合并为一个分成 {c} 组的 3×3 分组卷积。每条色带中的第 i 块就是路径 i 的权重。',
  'forms.notes.caption': '{form}的各层',
  'forms.notes.layer': '层',
  'forms.notes.weights': '权重',
  'forms.notes.output': '输出',
  'step.panel.label': '本步骤的特征图',
  'step.add.caption': '输出通道 {k}：捷径、残差分支以及两者之和，使用同一色阶',
  'step.add.x': 'x（捷径）',
  'step.add.xProjection': 'shortcut(x)',
  'step.add.f': 'F(x)（残差分支，最后一个批归一化之后）',
  'step.add.sum': 'x + F(x)',
  'step.add.sumProjection': 'shortcut(x) + F(x)',
  'step.add.all': '相加结果的全部 {out} 个通道',
};
