import type { Catalog } from '../types';
import type { forms as en } from '../en/forms';

export const forms: Catalog<typeof en> = {};
