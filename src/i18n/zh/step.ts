import type { Catalog } from '../types';
import type { step as en } from '../en/step';

export const step: Catalog<typeof en> = {};
