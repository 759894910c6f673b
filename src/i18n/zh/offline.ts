import type { offline as en } from '../en/offline';

export const offline: Record<keyof typeof en, string> = {
  'offline.update.waiting': 'ResNeXt 探索器的新版本已就绪。',
  'offline.update.reload': '重新加载以更新',
  'offline.update.dismiss': '稍后',
  'offline.update.label': '更新',
};
