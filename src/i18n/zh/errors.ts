import type { Catalog } from '../types';
import type { errors as en } from '../en/errors';

export const errors: Catalog<typeof en> = {};
