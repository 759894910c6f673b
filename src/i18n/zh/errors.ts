import type { Catalog } from '../types';
import type { errors as en } from '../en/errors';

export const errors: Catalog<typeof en> = {
  'error.weights.truncated': '{file} 不完整：应至少有 {expected} 字节，实际只有 {actual} 字节。',
  'error.weights.too-large': '{file} 太大，无法加载（{size} 字节；上限为 {max} 字节）。',
  'error.weights.header-length': '{file} 不是 safetensors 文件：头部长度 {length} 超出了 {size} 字节的文件。',
  'error.weights.header-json': '{file}：safetensors 头部不是有效的 JSON 对象（{reason}）。',
  'error.weights.metadata': '{file}：元数据项 {key} 不是字符串。',
  'error.weights.dtype': '{file}：张量 {tensor} 的数据类型 {dtype} 不受支持（应为 F32、F16、BF16 或 I8）。',
  'error.weights.shape': '{file}：张量 {tensor} 的形状 {shape} 无效。',
  'error.weights.offsets':
    '{file}：张量 {tensor} 的数据偏移为 [{begin}, {end}]，但它需要在 {dataSize} 字节的数据区内占 {expected} 字节。',
  'error.weights.overlap': '{file}：张量 {tensor} 与 {other} 在数据区中重叠。',
  'error.weights.scale':
    '{file}：int8 张量 {tensor} 需要一个浮点张量 {scale}，含 {channels} 个非负缩放系数（每个输出通道一个）。',
  'error.weights.missing-tensor': '{file}：缺少张量 {tensor}。',
  'error.weights.tensor-shape': '{file}：张量 {tensor} 的形状为 {shape}，应为 {expected}。',
  'error.weights.unknown-architecture': '{file} 不是受支持的 ResNet/ResNeXt 网络（{detail}）。',
  'error.weights.http': '无法下载 {file}（HTTP 状态 {status}）。',
  'error.weights.network': '无法下载 {file}：网络请求失败。',
  'error.weights.stalled':
    '{file} 的下载中断了：{seconds} 秒内没有收到数据，重新开始 {restarts} 次后仍然中断。',
  'error.weights.integrity': '{file} 未通过完整性校验：SHA-256 为 {actual}，应为 {expected}。',
  'error.weights.unlisted': '{file} 不在模型清单中，无法校验，因此没有加载。',
  'error.weights.manifest': '{file} 不是有效的模型清单（{reason}）。',
  'error.app.over-budget': '这个视图需要约 {needed} 的张量内存，超过单个视图可用的 {budget}，因此没有运行。',
  'error.app.backend-lost': '{backend} 后端已停止工作（GPU 设备或上下文丢失）。',
  'error.app.not-found': '在 {url} 没有找到文件（HTTP 状态 {status}）。',
  'error.app.web-page': '{url} 返回的是一个网页，而不是 safetensors 文件。',
  'error.app.http-status': '{url} 的响应是 HTTP 状态 {status}。',
  'error.app.canary-mismatch':
    '{backend} 后端对校验图片的分类有误（logit 最大差异 {diff}，允许 {tolerance}）。',
  'error.app.cancelled': '已停止。',
  'error.app.unexpected': '发生意外错误而中止：{detail}',
};
