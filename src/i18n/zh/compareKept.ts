import type { Catalog } from '../types';
import type { compareKept as en } from '../en/compareKept';

export const compareKept: Catalog<typeof en> = {
  'classify.compare.kept':
    '为下次比较保留：权重，以及 {count} 个已构建的模型，占用 {size} 内存（离开本节或更换后端时释放）。',
};
