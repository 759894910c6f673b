import type { Catalog } from '../types';
import type { en as enCatalog } from '../en';
import { common } from './common';
import { overview } from './overview';
import { forms } from './forms';
import { step } from './step';
import { classify } from './classify';
import { numbers } from './numbers';
import { story } from './story';
import { overviewFigures } from './overviewFigures';
import { errors } from './errors';
import { figures } from './figures';
import { offline } from './offline';
import { trust } from './trust';
import { measured } from './measured';
import { canary } from './canary';
import { compareKept } from './compareKept';
import { inference } from './inference';
import { groupedCost } from './groupedCost';
import { networkMap } from './networkMap';
import { connectivity } from './connectivity';
import { oneOutput } from './oneOutput';
import { lab } from './lab';

export const zh: Catalog<typeof enCatalog> = {
  ...common,
  ...overview,
  ...forms,
  ...step,
  ...classify,
  ...numbers,
  ...story,
  ...overviewFigures,
  ...errors,
  ...figures,
  ...offline,
  ...trust,
  ...measured,
  ...canary,
  ...compareKept,
  ...inference,
  ...groupedCost,
  ...networkMap,
  ...connectivity,
  ...oneOutput,
  ...lab,
};
