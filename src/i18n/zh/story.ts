import type { Catalog } from '../types';
import type { story as en } from '../en/story';

export const story: Catalog<typeof en> = {};
