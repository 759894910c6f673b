import type { Catalog } from '../types';
import type { classify as en } from '../en/classify';

export const classify: Catalog<typeof en> = {};
