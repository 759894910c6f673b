/* The targets the full run checks, in the order its table prints them. */
import { median } from '../../src/bench/timing';
import type { AppResult } from './app';
import type { Row } from './backend';
import type { NetworkResult } from './network';
import { firstPredictionAt10Mbps, slowRuns } from './networkReport';
import type { PhoneResult } from './phone';
import { phoneTargets } from './phoneReport';
import type { TargetCheck } from './targets';

export interface BenchMeasured {
  rows: Row[];
  app: AppResult;
  network: NetworkResult[];
  phone: PhoneResult[];
  /** the default weights' size from the manifest, measured or not */
  weightsBytes: number | undefined;
}

const ratio = (a?: number, b?: number): number | undefined => (a !== undefined && b ? a / b : undefined);

export function benchTargets({ rows, app, network, phone, weightsBytes }: BenchMeasured): TargetCheck[] {
  const t = (item: string, backend: string): number | undefined =>
    rows.find((r) => r.item === item && r.backend === backend)?.timing?.medianMs;
  const timesFaster = (target: string, a?: number, b?: number, limit = 1.5): TargetCheck => ({
    target,
    v: ratio(a, b),
    limit,
    unit: '×',
  });
  const checks = [
    timesFaster(
      'tfjs-wasm / onnxruntime-web wasm ≤ 1.0×',
      t('ResNeXt-29 32×4d predict (vs ort)', 'wasm'),
      t('ResNeXt-29 32×4d onnxruntime-web', 'ort-wasm'),
      1.0,
    ),
  ];
  for (const b of ['wasm', 'webgl'] as const)
    checks.push(
      timesFaster(
        `grouped/dense @32×32×128 on ${b} ≤ 1.5×`,
        t('grouped 3×3 32×4 @32×32×128', b),
        t('dense 3×3 16→32 @32×32 (=MACs)', b),
      ),
      timesFaster(
        `grouped/dense @16×16×256 on ${b} ≤ 1.5×`,
        t('grouped 3×3 32×8 @16×16×256', b),
        t('dense 3×3 32→64 @16×16 (=MACs)', b),
      ),
    );
  const fp = app.firstPredictionMs;
  const js = app.overviewJsGzipBytes;
  return [
    ...checks,
    { target: 'first prediction ≤ 3 s', v: fp ? median(fp) / 1000 : undefined, limit: 3, unit: ' s' },
    firstPredictionAt10Mbps(network),
    {
      target: 'Overview JS (gzip) ≤ 400 KB',
      v: js !== undefined ? js / 1000 : undefined,
      limit: 400,
      unit: ' KB',
      digits: 1,
    },
    ...phoneTargets(phone),
    {
      target: 'network: runs over 3× the median',
      v: network.length ? slowRuns(network) : undefined,
      limit: 0,
      unit: '',
      digits: 0,
    },
    {
      target: 'default weights ≤ 10 MB',
      v: weightsBytes !== undefined ? weightsBytes / 1e6 : undefined,
      limit: 10,
      unit: ' MB',
    },
  ];
}
