import type { Catalog } from '../types';
import type { common as en } from '../en/common';

export const common: Catalog<typeof en> = {
  'app.title': 'ResNeXt 探索器',
};
