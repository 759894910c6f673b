import type { Catalog } from '../types';
import type { groupedCost as en } from '../en/groupedCost';

export const groupedCost: Catalog<typeof en> = {
};
