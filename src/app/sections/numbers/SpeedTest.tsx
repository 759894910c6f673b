import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { errorMessage, type ErrorMessage } from '../../errors/errorMessage';
import { useBackend } from '../../backend/BackendContext';
import { renderBarChart } from '../../../viz/numbers/barChart';
import type { BarChartData } from '../../../viz/numbers/types';
import type { T } from '../../i18n/useT';
import { backendText } from '../../block/backendText';
import { ChartFigure } from './ChartFigure';
import { SpeedTable } from './SpeedTable';
import { SPEED_BLOCKS, SPEED_SIZES, STAGE_CHANNELS } from './speedBlocks';
import { getSpeedRuns, medianOf, saveSpeedRun, subscribeSpeedRuns, type SpeedRun } from './speedStore';
import { useNumbersText } from './useNumbersText';

const shortLabel = (t: T, b: (typeof SPEED_BLOCKS)[number]) => t(`numbers.speed.short.${b}`);

function speedChartData(t: T, runs: readonly SpeedRun[], size: number): BarChartData {
  return {
    series: runs.map((r) => ({ id: r.backend, label: backendText(t, r.backend) })),
    groups: SPEED_BLOCKS.map((b) => ({
      id: b,
      label: shortLabel(t, b),
      values: Object.fromEntries(runs.map((r) => [r.backend, medianOf(r, b, size)])),
    })),
  };
}

function SpeedChart({ runs, size }: { runs: readonly SpeedRun[]; size: number }) {
  const { t, fmt } = useNumbersText();
  const draw = useCallback(
    (el: HTMLDivElement, width: number) =>
      renderBarChart(el, speedChartData(t, runs, size), {
        width,
        height: 260,
        xLabel: t('numbers.speed.input', { size }),
        yLabel: t('numbers.speed.y'),
        valueFormat: (v) => fmt.fixed(v, v < 10 ? 2 : 1),
        yTickFormat: fmt.tick,
        showValues: runs.length === 1,
      }),
    [t, fmt, runs, size],
  );
  const title = `${t('numbers.speed.chartTitle', {
    backend: runs.map((r) => backendText(t, r.backend)).join(t('app.listSeparator')),
  })} — ${t('numbers.speed.input', { size })}`;
  return (
    <ChartFigure
      id={`speed-${size}`}
      title={title}
      draw={draw}
      alt={{
        caption: t('numbers.chartAlt', { title }),
        columns: [
          t('numbers.speed.col.block'),
          ...runs.map((r) => t('numbers.speed.col.median', { backend: backendText(t, r.backend) })),
        ],
        rows: SPEED_BLOCKS.map((b) => [
          t(`numbers.speed.block.${b}`),
          ...runs.map((r) => {
            const v = medianOf(r, b, size);
            return v === undefined ? '—' : fmt.fixed(v, 2);
          }),
        ]),
      }}
    />
  );
}

/** Times the dense and grouped blocks on the visitor's device, on the page's current tfjs backend. */
export function SpeedTest() {
  const { t } = useNumbersText();
  const backend = useBackend();
  const runs = useSyncExternalStore(subscribeSpeedRuns, getSpeedRuns, getSpeedRuns);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<ErrorMessage | null>(null);
  // the backend the running test measures, and the way to stop it
  const [runningOn, setRunningOn] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const backendName = backend.info?.name ?? null;

  const stop = () => {
    abort.current?.abort();
    abort.current = null;
  };

  // a test measures one backend: switching backend (or leaving the page) stops it
  useEffect(() => stop, [backendName]);
  useEffect(() => {
    if (backend.status !== 'ready') stop();
  }, [backend.status, backend.preference]);

  const start = async () => {
    stop();
    const controller = new AbortController();
    abort.current = controller;
    setError(null);
    setRunningOn(backendName);
    setProgress({ done: 0, total: 1 });
    try {
      const { runSpeedTest } = await import('./speedRunner');
      const run = await runSpeedTest({
        signal: controller.signal,
        onProgress: (done, total) => abort.current === controller && setProgress({ done, total }),
      });
      if (abort.current === controller) saveSpeedRun(run);
    } catch (e) {
      if (!controller.signal.aborted) setError(errorMessage(e));
    } finally {
      // a stopped run clears its progress unless a newer run has started meanwhile
      if (abort.current === controller || abort.current === null) {
        abort.current = null;
        setProgress(null);
        setRunningOn(null);
      }
    }
  };

  const running = progress !== null;
  const ready = backend.status === 'ready';
  return (
    <section className="numbers-block" aria-labelledby="numbers-speed-title" data-speed-test>
      <h3 id="numbers-speed-title">{t('numbers.speed.title')}</h3>
      <p>{t('numbers.speed.intro', { channels: STAGE_CHANNELS })}</p>
      <p>
        <button type="button" onClick={start} disabled={running || !ready} data-action="speed-test">
          {t('numbers.speed.run')}
        </button>{' '}
        <span className="numbers-note" data-backend-name>
          {t('numbers.speed.backend', { backend: backendText(t, backend.info?.name) })}
        </span>
      </p>
      {progress && (
        <div className="numbers-progress">
          <div
            role="progressbar"
            aria-label={t('numbers.speed.progress')}
            aria-valuemin={0}
            aria-valuemax={progress.total}
            aria-valuenow={progress.done}
            className="numbers-progress-track"
          >
            <div
              className="numbers-progress-bar"
              style={{ width: `${(100 * progress.done) / Math.max(progress.total, 1)}%` }}
            />
          </div>
          <span aria-live="polite" data-testid="speed-running" data-backend={runningOn ?? ''}>
            {t('trust.speed.runningOn', {
              done: progress.done,
              total: progress.total,
              backend: backendText(t, runningOn),
            })}
          </span>{' '}
          <button type="button" onClick={stop} data-action="speed-stop">
            {t('trust.speed.stop')}
          </button>
        </div>
      )}
      {error && <p role="alert">{t('numbers.speed.error', { message: t(error.key, error.params) })}</p>}
      {runs.length === 0 && !running && <p className="numbers-note">{t('numbers.speed.none')}</p>}
      {runs.length > 0 && (
        <>
          <div className="numbers-speed-charts">
            {SPEED_SIZES.map((size) => (
              <SpeedChart key={size} runs={runs} size={size} />
            ))}
          </div>
          <SpeedTable runs={runs} />
          <p className="numbers-note">{t('numbers.speed.note')}</p>
        </>
      )}
    </section>
  );
}
