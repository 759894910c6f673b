import type { Catalog } from '../types';
import type { overview as en } from '../en/overview';

export const overview: Catalog<typeof en> = {};
