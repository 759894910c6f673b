import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { familyVerdict, type SettingStats } from '../../../data/familySeeds';
import { LAB_BATCH, labHeldOut, type LabSettings } from '../../../resnext/train/labRun';
import { LAB_CARDINALITIES, labParamCount, labSpecFor } from '../../../resnext/train/labSpec';
import { renderLabCurves, type LabCurve } from '../../../viz/lab/labCurves';
import { renderSeedChart } from '../../../viz/numbers/seedChart';
import { useBackend } from '../../backend/BackendContext';
import { usePrefersReducedMotion } from '../../block/usePrefersReducedMotion';
import { Figure } from '../../layout/Figure';
import { useAppState } from '../../state/AppStateContext';
import { useNumbersText } from '../numbers/useNumbersText';
import { useLabRunner, type LabExperiment, type LabRunState } from './useLabRunner';
import './lab.css';

const DURATION_MS = 300;
const COLORS: Record<number, string> = { 1: '#1f77b4', 2: '#2ca02c', 4: '#ff7f0e', 8: '#d62728' };
const colorOf = (c: number) => COLORS[c] ?? '#666';
const CITATION =
  'Alex Krizhevsky, Learning Multiple Layers of Features from Tiny Images, technical report, University of Toronto, 2009 (CIFAR-10, training split)';

/** Draws with D3 into a div that follows its own width. */
function Chart({
  draw,
  className,
}: {
  draw: (el: HTMLDivElement, width: number) => void;
  className: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(480);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([e]) => setWidth(Math.round(e.contentRect.width) || 480));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  useEffect(() => {
    if (ref.current) draw(ref.current, width);
  }, [draw, width]);
  return <div ref={ref} className={className} />;
}

const settingsOf = (s: {
  labC: string;
  labSeeds: number;
  labEpochs: number;
  labImages: number;
}): LabSettings => ({
  cs: s.labC.split(',').map(Number),
  seeds: s.labSeeds,
  epochs: s.labEpochs,
  images: s.labImages,
});

function isExperiment(v: unknown): v is LabExperiment {
  const e = v as LabExperiment;
  return (
    !!e &&
    typeof e === 'object' &&
    !!e.settings &&
    Array.isArray(e.settings.cs) &&
    Array.isArray(e.runs) &&
    e.runs.every((r) => typeof r.c === 'number' && typeof r.seed === 'number' && Array.isArray(r.losses))
  );
}

/** Median step time per C over the finished runs (or the estimate's, before any run finished). */
function stepTimes(e: LabExperiment | null): Map<number, number> {
  const out = new Map<number, number>();
  if (!e) return out;
  for (const c of e.settings.cs) {
    const v = e.runs.filter((r) => r.c === c && r.result).map((r) => r.result!.stepMs);
    if (v.length) out.set(c, v.sort((a, b) => a - b)[v.length >> 1]);
    else {
      const t = e.estimate?.times.find(([k]) => k === c);
      if (t) out.set(c, t[1].stepMs);
    }
  }
  return out;
}

function statsOf(runs: LabRunState[]): SettingStats[] {
  const byC = new Map<number, SettingStats>();
  for (const r of runs) {
    if (!r.result) continue;
    let s = byC.get(r.c);
    if (!s) {
      s = {
        name: `c${r.c}`,
        cardinality: r.c,
        label: `${r.c}×${r.result.d}d`,
        seeds: [],
        mean: 0,
        min: 0,
        max: 0,
        sd: null,
        epochSAlone: null,
        epochSTogether: null,
      };
      byC.set(r.c, s);
    }
    s.seeds.push({ seed: r.seed, acc: r.result.acc });
  }
  const out = [...byC.values()].sort((a, b) => a.cardinality - b.cardinality);
  for (const s of out) {
    const v = s.seeds.map((x) => x.acc);
    s.mean = v.reduce((a, b) => a + b, 0) / v.length;
    s.min = Math.min(...v);
    s.max = Math.max(...v);
  }
  return out;
}

/**
 * Train it yourself: equal-complexity ResNeXts of several cardinalities trained in a worker on the reader's
 * device, with live curves, the time per step of each C and, at the end, every seed's held-out accuracy with the
 * verdict computed from the seeds' spread.
 */
export function LabSection() {
  const { t, fmt } = useNumbersText();
  const [state, update] = useAppState();
  const backendState = useBackend();
  const backend = backendState.info?.name ?? null;
  const dataUrl = useMemo(() => new URL(`${import.meta.env.BASE_URL}lab/`, window.location.href).href, []);
  const runner = useLabRunner(backend, dataUrl);
  const reduced = usePrefersReducedMotion();
  const duration = reduced ? 0 : DURATION_MS;
  const settings = useMemo(() => settingsOf(state), [state]);
  const exp = runner.experiment;
  const busy = ['backend', 'data', 'measuring', 'training', 'paused'].includes(runner.phase);
  const fileInput = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState(false);

  const toggleC = (c: number) => {
    const set = new Set(settings.cs);
    if (set.has(c)) set.delete(c);
    else set.add(c);
    if (set.size === 0) return;
    update({ labC: [...set].sort((a, b) => a - b).join(',') });
  };

  const time = (ms: number) =>
    ms < 120_000
      ? t('lab.time.s', { n: fmt.int(ms / 1000) })
      : t('lab.time.min', { n: fmt.fixed(ms / 60_000, 1) });

  const runs = useMemo(() => exp?.runs ?? [], [exp]);
  const lossCurves = useMemo<LabCurve[]>(
    () =>
      runs.map((r) => ({
        key: `${r.c}-${r.seed}`,
        c: r.c,
        points: r.losses.map((y, i) => ({ x: i + 1, y })),
      })),
    [runs],
  );
  const accCurves = useMemo<LabCurve[]>(
    () =>
      runs.map((r) => ({
        key: `${r.c}-${r.seed}`,
        c: r.c,
        points: r.accs.map((y, i) => ({ x: i + 1, y })),
      })),
    [runs],
  );
  const drawLoss = useCallback(
    (el: HTMLDivElement, width: number) =>
      renderLabCurves(el, lossCurves, {
        width,
        xLabel: t('lab.curves.step'),
        yLabel: t('lab.curves.loss'),
        yFormat: (v) => fmt.fixed(v, 1),
        duration,
        color: colorOf,
      }),
    [lossCurves, t, fmt, duration],
  );
  const drawAcc = useCallback(
    (el: HTMLDivElement, width: number) =>
      renderLabCurves(el, accCurves, {
        width,
        xLabel: t('lab.curves.epoch'),
        yLabel: t('lab.curves.acc'),
        yFormat: (v) => fmt.pct(v, 0),
        yDomain: [0, 1],
        duration,
        color: colorOf,
      }),
    [accCurves, t, fmt, duration],
  );

  const stats = useMemo(() => statsOf(runs), [runs]);
  const allDone = runs.length > 0 && runs.every((r) => r.result);
  const verdict = useMemo(
    () => (allDone && stats.length >= 2 ? familyVerdict(stats) : null),
    [allDone, stats],
  );
  const drawDots = useCallback(
    (el: HTMLDivElement, width: number) =>
      renderSeedChart(
        el,
        [
          {
            id: 'acc',
            label: t('lab.dots.series'),
            groups: stats.map((s) => ({
              key: s.name,
              x: s.cardinality,
              values: s.seeds.map((v) => ({ key: `seed-${v.seed}`, y: v.acc })),
              mean: s.mean,
              min: s.min,
              max: s.max,
            })),
          },
        ],
        {
          width,
          xLabel: t('numbers.axis.cardinality'),
          yLabel: t('lab.curves.acc'),
          yFormat: (v) => fmt.pct(v, 0),
          xTicks: stats.map((s) => s.cardinality),
          duration,
        },
      ),
    [stats, t, fmt, duration],
  );

  const steps = stepTimes(exp);
  const cs = [...steps.keys()].sort((a, b) => a - b);

  const save = () => {
    if (!exp) return;
    const blob = new Blob([JSON.stringify({ kind: 'resnext-explorer-lab', ...exp }, null, 1)], {
      type: 'application/json',
    });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `resnext-lab-${exp.settings.cs.join('-')}.json`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  const load = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    try {
      const v = JSON.parse(await file.text()) as unknown;
      if (!isExperiment(v)) throw new Error('not an experiment');
      setFileError(false);
      runner.load(v);
      update({
        labC: v.settings.cs.join(','),
        labSeeds: v.settings.seeds,
        labEpochs: v.settings.epochs,
        labImages: v.settings.images,
      });
    } catch {
      setFileError(true);
    }
  };

  const phaseText =
    runner.phase === 'done' && exp?.totalMs != null
      ? t('lab.phase.done', { time: time(exp.totalMs) })
      : t(`lab.phase.${runner.phase}`, { backend: backend ?? '' });

  return (
    <div data-section-body="lab" className="lab-section">
      <Figure
        id="fig-lab"
        kind="lab"
        label={t('section.lab.title')}
        className="lab-figure"
        data={{ 'data-phase': runner.phase }}
      >
        <p className="lab-intro">
          {t('lab.intro', { images: fmt.int(settings.images), backend: backend ?? '…' })}
        </p>
        <fieldset className="lab-settings" disabled={busy}>
          <legend>{t('lab.settings')}</legend>
          <div className="lab-cs" role="group" aria-label={t('lab.setting.c')}>
            {LAB_CARDINALITIES.map((c) => {
              const spec = labSpecFor(c);
              return (
                <label key={c}>
                  <input
                    type="checkbox"
                    checked={settings.cs.includes(c)}
                    onChange={() => toggleC(c)}
                    data-lab-c={c}
                  />{' '}
                  {t('lab.setting.cOption', { c, d: spec.d, params: fmt.int(labParamCount(spec)) })}
                </label>
              );
            })}
          </div>
          <label>
            {t('lab.setting.seeds')}{' '}
            <input
              type="number"
              min={1}
              max={5}
              value={settings.seeds}
              onChange={(e) => update({ labSeeds: Math.max(1, Math.min(5, Number(e.target.value) || 1)) })}
            />
          </label>
          <label>
            {t('lab.setting.epochs')}{' '}
            <input
              type="number"
              min={1}
              max={20}
              value={settings.epochs}
              onChange={(e) => update({ labEpochs: Math.max(1, Math.min(20, Number(e.target.value) || 1)) })}
            />
          </label>
          <label>
            {t('lab.setting.images')}{' '}
            <input
              type="number"
              min={256}
              max={10000}
              step={256}
              value={settings.images}
              onChange={(e) =>
                update({ labImages: Math.max(256, Math.min(10000, Number(e.target.value) || 256)) })
              }
            />
          </label>
          <p className="lab-held">{t('lab.heldOut', { n: fmt.int(labHeldOut(settings.images)) })}</p>
        </fieldset>
        <div className="lab-controls">
          <button
            type="button"
            onClick={() => runner.estimate(settings)}
            disabled={busy || !backend}
            data-lab-estimate=""
          >
            {t('lab.estimate')}
          </button>
          <button
            type="button"
            onClick={() => runner.start(settings)}
            disabled={busy || !backend}
            data-lab-start=""
          >
            {t('lab.start')}
          </button>
          {runner.phase === 'paused' ? (
            <button type="button" onClick={runner.resume} data-lab-resume="">
              {t('lab.resume')}
            </button>
          ) : (
            <button
              type="button"
              onClick={runner.pause}
              disabled={runner.phase !== 'training'}
              data-lab-pause=""
            >
              {t('lab.pause')}
            </button>
          )}
          <button type="button" onClick={runner.stop} disabled={!busy} data-lab-stop="">
            {t('lab.stop')}
          </button>
          <button type="button" onClick={save} disabled={!exp || busy}>
            {t('lab.save')}
          </button>
          <button type="button" onClick={() => fileInput.current?.click()} disabled={busy}>
            {t('lab.load')}
          </button>
          <input ref={fileInput} type="file" accept="application/json,.json" hidden onChange={load} />
        </div>
        <p
          className="lab-phase"
          role="status"
          data-lab-phase={runner.phase}
          data-tensors={runner.numTensors.join(',')}
          {...(exp?.totalMs != null ? { 'data-total-ms': String(Math.round(exp.totalMs)) } : {})}
        >
          {phaseText}
        </p>
        {runner.error && (
          <p className="lab-error" role="alert" data-error-code={runner.error.code}>
            {t(`lab.error.${runner.error.code}`, { detail: runner.error.detail })}
          </p>
        )}
        {fileError && (
          <p className="lab-error" role="alert" data-error-code="file">
            {t('lab.error.file')}
          </p>
        )}
        {exp?.estimate && (
          <p className="lab-estimate" data-estimate-ms={Math.round(exp.estimate.ms)}>
            {t('lab.estimate.value', {
              time: time(exp.estimate.ms),
              runs: exp.settings.cs.length * exp.settings.seeds,
              steps: exp.estimate.times
                .map(([c, s]) => t('lab.estimate.step', { c, ms: fmt.int(s.stepMs) }))
                .join(', '),
            })}
          </p>
        )}
        {exp && (
          <>
            <ul className="lab-runs">
              {runs.map((r) => (
                <li
                  key={`${r.c}-${r.seed}`}
                  data-run=""
                  data-c={r.c}
                  data-seed={r.seed}
                  data-done={r.result ? '1' : '0'}
                  data-step={r.step}
                  {...(r.result
                    ? {
                        'data-acc': String(r.result.acc),
                        'data-loss-first': String(r.result.lossFirst),
                        'data-loss-last': String(r.result.lossLast),
                        'data-run-ms': String(Math.round(r.result.ms)),
                      }
                    : {})}
                >
                  <span className="lab-swatch" style={{ background: colorOf(r.c) }} aria-hidden="true" />
                  {t('lab.run', { c: r.c, seed: r.seed })}
                  {' — '}
                  {r.steps > 0 && t('lab.run.progress', { step: fmt.int(r.step), steps: fmt.int(r.steps) })}
                  <progress
                    max={Math.max(r.steps, 1)}
                    value={r.step}
                    aria-label={t('lab.run', { c: r.c, seed: r.seed })}
                  />
                  {r.result && (
                    <>
                      {' '}
                      {t('lab.run.acc', { acc: fmt.pct(r.result.acc, 1) })};{' '}
                      {t('lab.run.loss', {
                        first: fmt.fixed(r.result.lossFirst, 2),
                        last: fmt.fixed(r.result.lossLast, 2),
                      })}
                    </>
                  )}
                </li>
              ))}
            </ul>
            <div className="lab-grid">
              <Chart draw={drawLoss} className="lab-chart lab-loss" />
              <Chart draw={drawAcc} className="lab-chart lab-acc" />
            </div>
            {cs.length > 0 && (
              <div className="lab-steps">
                <h3>{t('lab.stepMs.title')}</h3>
                <ul>
                  {cs.map((c) => (
                    <li key={c} data-step-ms={String(steps.get(c))} data-c={c}>
                      {t('lab.stepMs', { c, ms: fmt.int(steps.get(c)!), batch: LAB_BATCH })}
                    </li>
                  ))}
                </ul>
                {cs.length >= 2 && (
                  <p>
                    {t('lab.stepMs.ratio', {
                      low: cs[0],
                      high: cs[cs.length - 1],
                      ratio: fmt.fixed(steps.get(cs[cs.length - 1])! / steps.get(cs[0])!, 2),
                    })}
                  </p>
                )}
              </div>
            )}
            {allDone && stats.length > 0 && (
              <div className="lab-result">
                <h3>{t('lab.dots.title')}</h3>
                <Chart draw={drawDots} className="lab-chart lab-dots" />
                {verdict && (
                  <p className="lab-verdict" role="status" data-verdict={verdict.kind}>
                    {t(`lab.verdict.${verdict.kind}`, {
                      low: verdict.lowC,
                      high: verdict.highC,
                      diff: fmt.fixed(Math.abs(verdict.diffPt), 2),
                      spread: fmt.fixed(verdict.spreadPt, 2),
                    })}
                  </p>
                )}
              </div>
            )}
          </>
        )}
        <p className="lab-citation">
          {t('lab.citation')} <cite lang="en">{CITATION}</cite>
        </p>
      </Figure>
    </div>
  );
}
