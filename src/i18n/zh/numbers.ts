import type { Catalog } from '../types';
import type { numbers as en } from '../en/numbers';

export const numbers: Catalog<typeof en> = {};
