/*
 * The sections a run writes into bench/results.json (record.ts), each stamped with the run's date and the
 * default model, and the write itself: the fresh sections replace theirs, the others stay.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AppResult } from './app';
import type { BackendInfo, Row } from './backend';
import type { NetworkResult } from './network';
import { PHONE, type PhoneResult } from './phone';
import { readSections, replaceSections, type BenchResults, type DefaultModelStamp } from './record';
import type { RecordedTarget } from './targets';
import type { Environment } from './table';

export interface RunStamp {
  date: string;
  defaultModel: DefaultModelStamp;
  /** "Chromium <version>" */
  browser: string;
}

/**
 * The `network` and `phone` sections of a run; one that measured none of them (skipped, or failed) is left
 * out, so that the record keeps the old one.
 */
export function appSections(stamp: RunStamp, network: NetworkResult[], phone: PhoneResult[]): BenchResults {
  return {
    ...(network.length ? { network: { ...stamp, results: network } } : {}),
    ...(phone.length ? { phone: { ...stamp, profile: PHONE, results: phone } } : {}),
  };
}

interface BenchSectionParts {
  env: Environment;
  info: BackendInfo;
  rows: Row[];
  app: AppResult;
  targets: RecordedTarget[];
}

export function benchSection(
  stamp: RunStamp,
  { env, info, rows, app, targets }: BenchSectionParts,
): BenchResults {
  return {
    bench: {
      date: stamp.date,
      defaultModel: stamp.defaultModel,
      machine: env.machine,
      browser: stamp.browser,
      versions: env.versions,
      backends: info.backends,
      onnxruntimeWeb: info.ort,
      rows,
      app,
      targets,
      totalSeconds: env.totalSeconds,
    },
  };
}

const RESULTS = 'bench/results.json';

/** Writes `fresh` into `root`'s bench/results.json, each section replacing its old self, and says which. */
export function writeResults(root: string, fresh: BenchResults): void {
  const file = path.join(root, RESULTS);
  const names = Object.keys(fresh);
  if (!names.length) {
    console.log(`nothing measured: ${RESULTS} left as it was`);
    return;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(replaceSections(readSections(file), fresh), null, 2) + '\n');
  console.log(`wrote the ${names.join(' and ')} section of ${RESULTS}`);
}
