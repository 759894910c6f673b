import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { GroupedCostPoint } from '../../../resnext/groupedCost';
import { renderMeasureChart } from '../../../viz/groupedCost/measureChart';
import { useBackend } from '../../backend/BackendContext';
import { errorMessage, type ErrorMessage } from '../../errors/errorMessage';
import { GroupedCostChart } from './GroupedCostChart';
import { useGroupedCostText, type GroupedCostText } from './GroupedCostText';
import type { GroupedCostResult, GroupedCostStart } from './groupedCostRunner';
import { backendText } from '../../block/backendText';

type Phase = 'idle' | 'waiting' | 'running' | 'done' | 'cancelled' | 'error';

/** How long the chart stays in view before the measurement starts by itself (a reader scrolling past: no run). */
const DWELL_MS = 600;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The sentence that compares the tfjs-op workaround and our kernel with the dense conv, from C = 2 up. */
function gapText(x: GroupedCostText, start: GroupedCostStart, results: GroupedCostResult[]): string | null {
  const grouped = results.filter((r) => r.c > 1 && r.msWorkaround !== undefined);
  if (!start.workaround || grouped.length === 0) return null;
  const ops = grouped.map((r) => r.msWorkaround! / r.msDense);
  const kernel = grouped.map((r) => r.msGrouped / r.msDense);
  const narrower = median(kernel) < median(ops);
  return x.t(narrower ? 'gcost.measure.gap.narrower' : 'gcost.measure.gap.notNarrower', {
    opsLo: x.times(Math.min(...ops)),
    opsHi: x.times(Math.max(...ops)),
    kernelLo: x.times(Math.min(...kernel)),
    kernelHi: x.times(Math.max(...kernel)),
    cMax: grouped[grouped.length - 1].c,
  });
}

/**
 * The live measurement: starts when the chart has been in view a moment (once per visit of the section) or by
 * its button, runs in small tasks, and stops on Cancel, on a new backend or when the section closes.
 */
export function GroupedCostMeasure({ curve, duration }: { curve: GroupedCostPoint[]; duration: number }) {
  const x = useGroupedCostText();
  const { t } = x;
  const backend = useBackend();
  const backendName = backend.info?.name ?? null;
  const ready = backend.status === 'ready';
  const [phase, setPhase] = useState<Phase>('idle');
  const [start, setStart] = useState<GroupedCostStart | null>(null);
  const [results, setResults] = useState<GroupedCostResult[]>([]);
  const [error, setError] = useState<ErrorMessage | null>(null);
  const abort = useRef<AbortController | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  const autoStarted = useRef(false);

  const run = useCallback(async () => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    const live = () => abort.current === controller && !controller.signal.aborted;
    // a run asked for by the button counts as the one the view would have started
    autoStarted.current = true;
    setResults([]);
    setStart(null);
    setError(null);
    setPhase('running');
    try {
      const { runGroupedCost } = await import('./groupedCostRunner');
      await runGroupedCost({
        signal: controller.signal,
        onStart: (s) => live() && setStart(s),
        onResult: (r) => live() && setResults((prev) => [...prev, r]),
      });
      if (live()) setPhase('done');
    } catch (e) {
      if (live()) {
        setError(errorMessage(e));
        setPhase('error');
      }
    } finally {
      if (abort.current === controller) abort.current = null;
    }
  }, []);

  const cancel = useCallback(() => {
    if (!abort.current) return;
    abort.current.abort();
    abort.current = null;
    setPhase('cancelled');
  }, []);

  // a measurement belongs to one backend: a new one (or leaving the section) stops it
  useEffect(() => cancel, [backendName, cancel]);
  useEffect(() => {
    if (!ready) cancel();
  }, [ready, cancel]);

  // starts by itself once the panel has stayed in view for a moment, when the backend is ready
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = panel.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const io = new IntersectionObserver(
      ([entry]) => {
        clearTimeout(timer);
        if (entry.isIntersecting) timer = setTimeout(() => setSeen(true), DWELL_MS);
      },
      { threshold: 0.25 },
    );
    io.observe(el);
    return () => {
      clearTimeout(timer);
      io.disconnect();
    };
  }, []);
  useEffect(() => {
    if (!seen || autoStarted.current) return;
    if (!ready) {
      setPhase((p) => (p === 'idle' ? 'waiting' : p));
      return;
    }
    autoStarted.current = true;
    void run();
  }, [seen, ready, run]);

  const total = start?.cardinalities.length ?? curve.length;
  const onBackendId = start?.backend ?? backendName ?? '';
  const onBackend = backendText(t, onBackendId);
  const ticks = useMemo(() => {
    const d = new Map(curve.map((p) => [p.c, p.d]));
    return (start?.cardinalities ?? curve.map((p) => p.c)).map((c) => ({ c, below: String(d.get(c) ?? '') }));
  }, [start, curve]);
  const groupedLabel = start
    ? start.strategy === 'kernel'
      ? t('gcost.measure.kernel')
      : t('gcost.measure.ops', { strategy: start.strategy })
    : undefined;
  const workaroundLabel = start?.workaround
    ? t('gcost.measure.ops', { strategy: start.workaround })
    : undefined;

  const draw = useCallback(
    (el: HTMLDivElement, width: number) =>
      renderMeasureChart(el, results, {
        width,
        ticks,
        xLabel: t('gcost.axis.x'),
        yLabel: t('gcost.measure.y'),
        groupedLabel,
        workaroundLabel,
        denseLabel: t('gcost.measure.dense'),
        yFormat: (v) => x.times(v, v < 1 ? 2 : 0),
        duration,
      }),
    [results, ticks, t, x, groupedLabel, workaroundLabel, duration],
  );

  const status = (() => {
    switch (phase) {
      case 'idle':
        return t('gcost.measure.status.idle');
      case 'waiting':
        return t('gcost.measure.status.waiting');
      case 'running':
        return t('gcost.measure.status.running', { backend: onBackend, done: results.length, total });
      case 'done':
        return t('gcost.measure.status.done', { backend: onBackend, total: results.length });
      case 'cancelled':
        return t('gcost.measure.status.cancelled', { done: results.length, total });
      case 'error':
        return t('gcost.measure.status.error', { message: error ? t(error.key, error.params) : '' });
    }
  })();
  const one = results.find((r) => r.c === 1);
  const gap = phase === 'done' && start ? gapText(x, start, results) : null;
  const running = phase === 'running';

  return (
    <div
      ref={panel}
      className="gcost-panel"
      data-gcost-panel="measure"
      data-phase={phase}
      data-backend={start?.backend ?? ''}
    >
      <h4 className="gcost-panel-title">{t('gcost.measure.title')}</h4>
      <p className="gcost-caption">{t('gcost.measure.intro')}</p>
      <p className="gcost-controls">
        {running ? (
          <button type="button" onClick={cancel} data-action="gcost-cancel">
            {t('gcost.measure.cancel')}
          </button>
        ) : (
          <button type="button" onClick={() => void run()} disabled={!ready} data-action="gcost-run">
            {results.length ? t('gcost.measure.again') : t('gcost.measure.run')}
          </button>
        )}{' '}
        <span className="numbers-note" data-gcost-backend={onBackendId}>
          {t('gcost.measure.backend', { backend: onBackend })}
        </span>
      </p>
      <p className="gcost-status" role="status" data-gcost-status={phase}>
        {status}
      </p>
      <p className="visually-hidden">{t('gcost.measure.chart', { backend: onBackend })}</p>
      <GroupedCostChart name="grouped-cost-measure" draw={draw} />
      {start && !start.workaround && phase === 'done' && (
        <p className="gcost-caption">{t('gcost.measure.noKernel', { strategy: start.strategy })}</p>
      )}
      {gap && (
        <p className="gcost-caption gcost-gap" data-gcost-gap>
          {gap}
        </p>
      )}
      {results.length > 0 && (
        <div
          className="gcost-table-wrap"
          role="region"
          tabIndex={0}
          aria-label={t('gcost.measure.chart', { backend: onBackend })}
        >
          <table className="numbers-table gcost-table">
            <caption className="visually-hidden">{t('gcost.measure.chart', { backend: onBackend })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('gcost.col.c')}</th>
                <th scope="col">{t('gcost.col.d')}</th>
                <th scope="col">{t('gcost.measure.col.dense')}</th>
                <th scope="col">
                  {start?.strategy === 'kernel'
                    ? t('gcost.measure.col.kernel')
                    : t('gcost.measure.col.grouped')}
                </th>
                {start?.workaround && <th scope="col">{t('gcost.measure.col.ops')}</th>}
              </tr>
            </thead>
            <tbody>
              {results.map((r) => (
                <tr key={r.c}>
                  <th scope="row">{r.c}</th>
                  <td>{r.d}</td>
                  <td>{x.msValue(r.msDense)}</td>
                  <td>{x.msValue(r.msGrouped)}</td>
                  {start?.workaround && (
                    <td>{r.msWorkaround === undefined ? '—' : x.msValue(r.msWorkaround)}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {start && one && (
        <p className="numbers-note">
          {t('gcost.measure.note', {
            runs: start.runs,
            side: start.side,
            fraction: (curve[0].grouped.side / start.side) ** 2,
            noise: x.ms(Math.abs(one.msGrouped - one.msDense)),
          })}
        </p>
      )}
    </div>
  );
}
