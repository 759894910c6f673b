/*
 * What each mode prints and writes once its measurements are in: the full run's table and its `bench`,
 * `network` and `phone` sections; bench:network's and bench:phone's lines and their one section.
 */
import os from 'node:os';
import path from 'node:path';
import type { AppResult } from './app';
import type { BackendsResult } from './backends';
import { benchTargets } from './benchTargets';
import { evalLines, readEvalRecord } from './evalRecord';
import type { NetworkResult } from './network';
import { firstPredictionAt10Mbps, networkLines, slowRunsLine } from './networkReport';
import type { PhoneResult } from './phone';
import { phoneLines, phoneTargets } from './phoneReport';
import type { BenchResults, DefaultModelStamp } from './record';
import { appSections, benchSection, type RunStamp } from './results';
import { manifest, pkgVersion, root } from './stage';
import { benchLines, type Environment } from './table';
import { recordTarget, targetLine } from './targets';

export type Mode = 'full' | 'network' | 'phone';

export interface Measured {
  /** the full run's backends (none in the other modes) */
  backends?: BackendsResult;
  app: AppResult;
  network: NetworkResult[];
  phone: PhoneResult[];
  /** the Chromium of the app's measurements */
  browserVersion: string;
}

interface Outcome {
  lines: string[];
  sections: BenchResults;
}

const accuracy = (): string[] => evalLines(readEvalRecord(path.join(root, 'src/data/tfjsEval.json')));

function environment(browser: string, startedAt: number): Environment {
  const cpus = os.cpus();
  return {
    machine: { os: `${os.type()} ${os.release()} ${os.arch()}`, cpus: cpus.length, cpuModel: cpus[0]?.model },
    browser,
    versions: { tfjs: pkgVersion('@tensorflow/tfjs-core'), onnxruntimeWeb: pkgVersion('onnxruntime-web') },
    totalSeconds: (Date.now() - startedAt) / 1000,
  };
}

function fullOutcome(m: Measured, stamp: RunStamp, startedAt: number): Outcome {
  const { rows, info } = m.backends ?? { rows: [], info: { backends: {} } };
  // The default model's size comes from the manifest, whether or not the app was measured.
  const shipped = manifest();
  const weights = {
    path: shipped.default,
    bytes: shipped.files.find((f) => f.path === shipped.default)?.bytes,
  };
  const targets = benchTargets({ ...m, rows, weightsBytes: weights.bytes }).map(recordTarget);
  const env = environment(stamp.browser, startedAt);
  const lines = benchLines({ ...m, rows, accuracy: accuracy(), targets, weights, env });
  return {
    lines,
    sections: {
      ...benchSection(stamp, { env, info, rows, app: m.app, targets }),
      ...appSections(stamp, m.network, m.phone),
    },
  };
}

/** The lines to print and the sections to write for `mode`'s measurements. */
export function outcome(mode: Mode, m: Measured, model: DefaultModelStamp, startedAt: number): Outcome {
  const browserVersion = mode === 'full' ? (m.backends?.browserVersion ?? '') : m.browserVersion;
  const stamp = {
    date: new Date().toISOString(),
    defaultModel: model,
    browser: `Chromium ${browserVersion}`,
  };
  if (mode === 'full') return fullOutcome(m, stamp, startedAt);
  if (mode === 'network')
    return {
      lines: [
        ...networkLines(m.network),
        ...accuracy(),
        targetLine(firstPredictionAt10Mbps(m.network)),
        slowRunsLine(m.network),
      ],
      sections: appSections(stamp, m.network, []),
    };
  return {
    lines: [...phoneLines(m.phone), ...phoneTargets(m.phone).map(targetLine)],
    sections: appSections(stamp, [], m.phone),
  };
}
