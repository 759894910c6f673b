import type { Catalog } from '../types';
import type { connectivity as en } from '../en/connectivity';

export const connectivity: Catalog<typeof en> = {
  // 连接方式随 C 重画（概览）。
  'conn.heading': '连接方式：把模块的权重画成矩阵',
  'conn.svg.title': '{c}×{d}d 模块的三个卷积画成权重矩阵',
  'conn.svg.desc':
    '第一个 1×1：{c} 个 {d}×{in} 的行块，叠成一个 {width}×{in} 的矩阵。3×3：一个 {width}×{width} 的 3×3 卷积核矩阵，对角线上有 {c} 个 {d}×{d} 的块，其余处处为零。最后的 1×1：{c} 个 {out}×{d} 的列块并排，成为一个 {out}×{width} 的矩阵。',
  'conn.first.title': '第一个 1×1',
  'conn.grouped.title.one': '3×3，稠密',
  'conn.grouped.title': '3×3，{c} 组',
  'conn.last.title': '最后的 1×1',
  'conn.block': '对角线上第 {i} 块（共 {c} 块）：路径 {i}，{d}×{d} 个 3×3 卷积核，{n} 个权重',
  'conn.axes':
    '行是输出通道，列是输入通道；3×3 矩阵的每个格子是一个 3×3 卷积核（9 个权重）。1×1 矩阵沿 {in} 个输入和 {out} 个输出的方向按固定长度绘制。',
  'conn.legend.weights': '权重',
  'conn.legend.zeros': '零：没有连接',
  'conn.count.one': 'C = 1 时 3×3 是一整块稠密方阵：9·{width}² = {n} 个权重，每个输出通道读取每个输入通道。',
  'conn.count':
    '3×3 持有 9·C·d² = 9·{c}·{d}² = {n} 个权重：对角线上 {c} 块 {d}×{d} 的卷积核，也就是“权重都花在哪里”中条形的中间一段。作用于全部 {width} 个通道的稠密 3×3 会有 9·{width}² = {dense} 个权重；空着的格子是其余的 {empty} 个。',
  'conn.first.one': '第一个 1×1 是一个 {width}×{in} 的矩阵（{n} 个权重）。',
  'conn.first':
    '第一个 1×1 是 {c} 个 {d}×{in} 的行块，每条路径一块；叠在一起就是一个宽的 {width}×{in} 的 1×1 卷积（{n} 个权重）。',
  'conn.last.one': '最后的 1×1 是一个 {out}×{width} 的矩阵（{n} 个权重）。',
  'conn.last':
    '最后的 1×1 是 {c} 个 {out}×{d} 的列块 {blocks}；并排起来就是一个 {out}×{width} 的 1×1 卷积（{n} 个权重），与它相乘就把各路径相加：F(x) = Σᵢ Wᵢ·Tᵢ(x)。',
  'conn.hint':
    '指向或聚焦对角线上的一块（方向键沿对角线移动），或指向上方模块图中的一条路径：同一条路径会在两幅图中同时亮起。点击或按 Enter 让它保持高亮。',
  // 各形式画成矩阵（等价形式）。
  'conn.forms.readsFirst': '通道 {from}–{to}',
  'conn.forms.reads': '{from}–{to}',
  'conn.mx.title': '形式 {form} 的权重画成矩阵',
  'conn.mx.one':
    'C = 1 时每种形式都持有同样的三个稠密矩阵：{width}×{in}、{width}×{width}（由 3×3 卷积核组成）和 {out}×{width}。',
  'conn.mx.a':
    '画成矩阵：{c} 条路径各有自己的 {d}×{in} 第一个 1×1、{d}×{d} 的 3×3（由 3×3 卷积核组成的矩阵）和 {out}×{d} 的最后 1×1。',
  'conn.mx.b':
    '画成矩阵：{c} 个最后的 1×1 并排起来，是一个 {out}×{width} 的矩阵 {blocks}；第一个 1×1 与 3×3 仍各自分开。',
  'conn.mx.c':
    '画成矩阵：{c} 个第一个 1×1 叠起来，是一个 {width}×{in} 的矩阵；{c} 个 3×3 位于一个 {width}×{width} 矩阵的对角线上，其余格子都是零，所以第 i 组只读取第一个 1×1 输出中的通道 d·(i−1)+1 … d·i（第 1 组为 {first}）。',
  'conn.depth2.heading': '深度为 2：各形式平凡地相等',
  'conn.depth2.title': '有 {c} 条路径、深度为 2 的模块，以及同样的权重组成的一个宽的稠密模块',
  'conn.depth2.paths': '{c} 条路径，每条 2 层',
  'conn.depth2.paths.one': '1 条路径，2 层',
  'conn.depth2.wide': '一个宽模块',
  'conn.depth2.caption':
    '只有两层时（论文图 4），路径 i 先是一个 {in}→{d} 的层，再是一个 {d}→{out} 的层，各路径相加。{c} 个第一层叠起来是一个稠密的 {width}×{in} 层；第二层并排起来是一个稠密的 {out}×{width} 层，与它相乘本身就把各路径相加。两个矩阵都没有空格子（{n} 个权重，in·C·d + C·d·out），所以不剩下任何分组卷积，C 只决定宽度 C·d = {width}：这个模块就是一个更宽的稠密模块。只有从深度 3 起各形式才不同，那时中间一层是块对角的。',
};
