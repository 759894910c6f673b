import type { Catalog } from '../types';
import type { groupedCost as en } from '../en/groupedCost';

export const groupedCost: Catalog<typeof en> = {
  'gcost.title': '分组卷积为什么曾经很慢，后来又改变了什么',
  'gcost.intro':
    '复杂度相同时，无论基数 C 取多少，模块中 3×3 卷积的乘加次数都大致相同。变化的是：从内存取来的每个字节承担了多少计算。稠密的 3×3（C = 1）是一次大的矩阵乘法：每个输入值被全部 {width} 个输出使用。C 组则是 C 次小的矩阵乘法：每组只读取自己的 d 个输入通道，每个值只服务 d 个输出。每字节的计算量一旦下降，决定速度的就不再是算术，而是内存。',
  'gcost.unit.flopPerByte': 'FLOP/字节',
  'gcost.unit.ms': '{v} 毫秒',
  'gcost.unit.times': '{v} 倍',
  'gcost.axis.x': '基数 C（log₂ 刻度），下方为 d',

  'gcost.intensity.title': '复杂度相同时，3×3 层每移动一个字节的计算量',
  'gcost.intensity.y': '每字节计算量（{unit}）',
  'gcost.intensity.grouped': 'C 组，每组 d → d',
  'gcost.intensity.dense': '乘加次数相同的稠密 3×3',
  'gcost.intensity.caption':
    '由形状计算得出，并非实测：ResNeXt-29 conv2 的 3×3 层（{side}×{side} 输入，{channels} 通道的模块，d 按等复杂度规则选取）。计入的字节：该层的输入、权重和输出，各移动一次，按 float32（每个值 {bytes} 字节）计；缓存、填充和复制均未计入，所以实际代码移动的字节更多。计算量：每次乘加计 {flops} 个 FLOP（一次乘法和一次加法）。从 C = 1 到 C = {cMax}（d 从 {d0} 降到 {dMax}），每字节计算量从 {i0} 降到 {iMax} {unit}，前者是后者的 {ratio}。虚线是乘加次数相同的稠密 3×3：一次大的矩阵乘法让每个字节承担更多计算。',
  'gcost.intensity.col.macs': '乘加次数',
  'gcost.intensity.col.bytes': '移动的字节数',
  'gcost.intensity.col.grouped': '分组卷积（{unit}）',
  'gcost.intensity.col.dense': '乘加次数相同的稠密卷积（{unit}）',
  'gcost.col.c': 'C',
  'gcost.col.d': 'd',

  'gcost.measure.title': '在本设备上实测：乘加次数相同时，分组卷积对比稠密卷积',
  'gcost.measure.intro':
    '在本页的 TensorFlow.js 后端上，为每个 C 计时同样的几层：乘加次数相同的稠密 3×3、本页实际运行的分组 3×3；若本项目为该后端提供了自己的分组卷积内核，还计时用 tfjs 自带运算拼出的分组 3×3。图表进入视野后会自动开始，分成小步运行几秒钟，可以随时取消。这个差距并不由算术决定：在分组卷积如何移动字节上做底层优化，就能缩小它；比较本项目的内核与 tfjs 运算即可看出。',
  'gcost.measure.run': '在本设备上测量',
  'gcost.measure.again': '重新测量',
  'gcost.measure.cancel': '取消',
  'gcost.measure.backend': '后端：{backend}',
  'gcost.measure.status.idle': '尚未测量。',
  'gcost.measure.status.waiting': '正在等待后端启动。',
  'gcost.measure.status.running': '正在 {backend} 上测量：已完成 {total} 个基数中的 {done} 个…',
  'gcost.measure.status.done': '已在 {backend} 上测量 {total} 个基数。',
  'gcost.measure.status.cancelled': '已取消：完成了 {total} 个基数中的 {done} 个。',
  'gcost.measure.status.error': '测量失败：{message}',
  'gcost.measure.chart': '分组 3×3 的耗时除以乘加次数相同的稠密 3×3 的耗时，{backend}',
  'gcost.measure.y': '耗时 ÷ 稠密卷积（log₂ 刻度）',
  'gcost.measure.kernel': '分组卷积，本项目的内核',
  'gcost.measure.ops': '分组卷积，tfjs 运算（{strategy}）',
  'gcost.measure.dense': '稠密 3×3 = 1',
  'gcost.measure.col.dense': '稠密（毫秒）',
  'gcost.measure.col.grouped': '分组（毫秒）',
  'gcost.measure.col.kernel': '本项目内核（毫秒）',
  'gcost.measure.col.ops': 'tfjs 运算（毫秒）',
  'gcost.measure.gap.narrower':
    '在本设备上，用 tfjs 运算拼出的分组 3×3 耗时是乘加次数相同的稠密 3×3 的 {opsLo} 到 {opsHi}（C = 2 到 {cMax}）；用本项目的内核则为 {kernelLo} 到 {kernelHi}。形状和算术完全相同：在内核如何移动字节上做底层优化，缩小了差距。',
  'gcost.measure.gap.notNarrower':
    '在本设备上，用 tfjs 运算拼出的分组 3×3 耗时是乘加次数相同的稠密 3×3 的 {opsLo} 到 {opsHi}（C = 2 到 {cMax}）；用本项目的内核则为 {kernelLo} 到 {kernelHi}：在这里内核没有缩小差距。',
  'gcost.measure.noKernel':
    '本项目没有为这个后端提供分组卷积内核，所以本页用 tfjs 运算（{strategy}）拼出分组卷积，计时的就是它。',
  'gcost.measure.note':
    '每个卷积先预热一次，再计时 {runs} 次取中位数；每次调用一次并读回结果，批大小 1。通道数与左侧每字节计算量图中的相同，输入为 {side}×{side}，像素只有其 1/{fraction}，以便每一步在手机上也很短。C = 1 时分组卷积与稠密卷积是同一个卷积，二者之差（{noise}）反映了这些计时的波动有多大。',

  'gcost.steps.title': '用同样的道理解读本项目实测的各 C 耗时',
  'gcost.steps.rise':
    '从 C = 1 到 C = {c}，宽度 d 从 {d0} 降到 {d}，3×3 层的每字节计算量从 {i0} 降到 {i} {unit}，每张图片的耗时在每项测量中都上升：{rises}。',
  'gcost.steps.riseItem': '{what} {ratio}',
  'gcost.steps.noRise':
    '按字节数推算，每张图片的耗时应随 C 增大而上升；但从 C = 1 到 C = {c}，并非每项测量都如此。',
  'gcost.steps.break':
    'C = {c}（d = {d}）不符合这一规律：它的每字节计算量更低，却在每项测量中都比 C = {others} 更快。字节数忽略了 GPU 上的许多因素（例如其计算库为每种形状选用哪个内核），所以无法解释原因。',
  'gcost.steps.noise.same':
    '是噪声吗？每个设置在每项测量中只计时了一次，所以重复测量之间的波动未知。但 {n} 项测量（{list}）给出的 {k} 个设置的快慢顺序完全相同，仅凭噪声很少会这样。',
  'gcost.steps.noise.differ':
    '是噪声吗？每个设置在每项测量中只计时了一次，所以重复测量之间的波动未知；而且 {n} 项测量（{list}）给出的快慢顺序不同：应把它们之间的差异视为噪声。',
  'gcost.steps.m.step': '训练单步',
  'gcost.steps.m.bf16': '16 位浮点推理',
  'gcost.steps.m.fp32': '32 位浮点推理',
  'gcost.steps.short.step': '训练',
  'gcost.steps.short.bf16': '16 位',
  'gcost.steps.short.fp32': '32 位',
  'gcost.steps.col.setting': 'C×d',
  'gcost.steps.col.relative': '每张图片的耗时，相对 C = 1 的倍数',
  'gcost.steps.table': '各设置的每字节计算量与每张图片的耗时（相对 C = 1）',
  'gcost.steps.source':
    '每张图片的耗时相对 C = 1 的倍数，来自等复杂度模型族的 metrics 文件（{device}，PyTorch {torch}）：批大小 {batch} 的训练单步，以及批大小 {inferBatch} 的推理吞吐量。',
};
