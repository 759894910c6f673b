import type { Catalog } from '../types';
import type { inference as en } from '../en/inference';

export const inference: Catalog<typeof en> = {
  'inference.starting': '网络：正在启动后台线程…',
  'inference.ready': '网络：在后台线程中运行，页面保持流畅',
  'inference.software': '网络：在页面中运行（软件 GPU 的计算本就不在页面主线程上）',
  'inference.failed': '网络：在页面中运行，因为后台线程{reason}',
  'inference.failed.start': '无法启动 {backend}',
  'inference.failed.canary': '未通过正确性检查（logits 相差 {diff}）',
  'inference.failed.error': '出错停止',
  'inference.failed.crashed': '无法运行',
  'inference.failed.timeout': '在 {seconds} 秒内没有响应',
  'inference.explain':
    '分类计算，以及“逐步运行”中所选模块之前的各层，都在后台线程（Web Worker）中用同一后端运行，并经过同样的检查；页面只负责绘制。如果后台线程无法运行，页面会自行计算。',
};
