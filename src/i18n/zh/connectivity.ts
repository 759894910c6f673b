import type { Catalog } from '../types';
import type { connectivity as en } from '../en/connectivity';

export const connectivity: Catalog<typeof en> = {
};
