import type { Catalog } from '../types';
import type { networkMap as en } from '../en/networkMap';

export const networkMap: Catalog<typeof en> = {
};
