import type { Catalog } from '../types';
import type { oneOutput as en } from '../en/oneOutput';

export const oneOutput: Catalog<typeof en> = {
};
