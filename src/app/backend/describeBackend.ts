import type { MessageKey, Params } from '../../i18n';
import { superscript } from '../block/format';
import { errorMessage } from '../errors/errorMessage';
import { NoBackendError } from './selectBackend';
import { CANARY_TOLERANCE } from '../../resnext/canaryCompare';
import type { BackendAttempt, BackendInfo, BackendName, CanaryState } from './types';

type Translate = (key: MessageKey, params?: Params) => string;

export const backendLabelKey = (name: BackendName): MessageKey => `backend.name.${name}`;

/** "WebGL", or "WebGL (software renderer)" when the GPU is emulated. */
export function backendLabel(info: BackendInfo, t: Translate): string {
  const name = t(backendLabelKey(info.name));
  return info.software ? t('backend.software', { backend: name }) : name;
}

/** Why this backend runs, e.g. "WebGPU, WebGL unavailable" or "WebGL: software renderer only". */
export function backendReason(info: BackendInfo, t: Translate): string {
  const names = (softwareOnly: boolean) =>
    info.fallbacks
      .filter((a) => (a.error === 'software') === softwareOnly)
      .map((a) => t(backendLabelKey(a.name)))
      .filter((name, i, all) => all.indexOf(name) === i)
      .join(t('app.listSeparator'));
  switch (info.reason) {
    case 'fallback':
      return t('backend.reason.fallback', { failed: names(false) || names(true) });
    case 'software-gpu':
      return t('backend.reason.software-gpu', { failed: names(true) });
    case 'gpu-lost':
      return t('backend.reason.gpu-lost', { lost: t(backendLabelKey(info.lost ?? info.name)) });
    case 'canary': {
      const failed = info.fallbacks.filter((a) => a.error === 'canary');
      return t('backend.reason.canary', {
        failed: failed.map((a) => t(backendLabelKey(a.name))).join(t('app.listSeparator')),
        diff: formatLogitDiff(Math.max(...failed.map((a) => a.maxAbsDiff ?? NaN)), t('app.locale')),
      });
    }
    default:
      return t(`backend.reason.${info.reason}`);
  }
}

/**
 * A difference between logits, in the language's number format (`locale`, the catalog's `app.locale`): "0.83",
 * "0.012", "2.4 × 10⁻⁶" (the mantissa from Intl, the exponent in superscript digits); NaN when the backend
 * produced NaN.
 */
export function formatLogitDiff(d: number, locale = 'en-US'): string {
  if (Number.isNaN(d)) return 'NaN';
  if (!Number.isFinite(d)) return '∞';
  if (d === 0) return '0';
  if (d >= 1e-3) return new Intl.NumberFormat(locale, { maximumSignificantDigits: 2 }).format(d);
  const parts = new Intl.NumberFormat(locale, {
    notation: 'scientific',
    maximumSignificantDigits: 2,
  }).formatToParts(d);
  const at = parts.findIndex((p) => p.type === 'exponentSeparator');
  const mantissa = parts
    .slice(0, at)
    .map((p) => p.value)
    .join('');
  const exponent = parts
    .slice(at + 1)
    .map((p) => p.value)
    .join('');
  return `${mantissa} × 10${superscript(exponent)}`;
}

/** One line on the canary of the backend in use: its result and time, or why it has not run. */
export function describeCanary(canary: CanaryState, t: Translate): string {
  switch (canary.status) {
    case 'passed':
      return t('canary.passed', {
        ms: Math.round(canary.ms ?? 0),
        diff: formatLogitDiff(Math.max(canary.maxAbsDiff ?? 0, 0), t('app.locale')),
      });
    case 'failed':
      return t('canary.warn', { diff: formatLogitDiff(canary.maxAbsDiff ?? NaN, t('app.locale')) });
    case 'error':
      return t('canary.error', { message: canary.message ?? '' });
    default:
      return t(`canary.${canary.status}`);
  }
}

/** While the next backend starts after `name` failed the canary: what failed, by how much, and what happens now. */
export function canarySwitchText(
  name: BackendName,
  distrusted: readonly BackendAttempt[],
  t: Translate,
): string {
  const attempt = distrusted.find((a) => a.name === name);
  return t('canary.switching', {
    failed: t(backendLabelKey(name)),
    diff: formatLogitDiff(attempt?.maxAbsDiff ?? NaN, t('app.locale')),
  });
}

/** What the canary is, for a tooltip. */
export const canaryExplanation = (t: Translate): string =>
  t('canary.explain', { tolerance: formatLogitDiff(CANARY_TOLERANCE, t('app.locale')) });

/** The indicator's full sentence: "Running on WebAssembly — WebGL: software renderer only". */
export function describeBackend(info: BackendInfo, t: Translate): string {
  return t('backend.withReason', {
    backend: t('backend.running', { backend: backendLabel(info, t) }),
    reason: backendReason(info, t),
  });
}

/** Why no backend started, in the reader's language: each backend tried and what stopped it. */
export function backendFailureText(err: unknown, t: Translate): string {
  if (err instanceof NoBackendError)
    return err.attempts
      .map((a) => `${t(backendLabelKey(a.name))}: ${t(`backend.error.${a.error}`)}`)
      .join('; ');
  const m = errorMessage(err);
  return t(m.key, m.params);
}

/**
 * For a tooltip: one line per backend that was passed over, with the browser's own words, then the renderer,
 * the WASM thread count and what runs the grouped convolutions.
 */
export function backendDetails(info: BackendInfo, t: Translate): string {
  return info.fallbacks
    .map(
      (a) =>
        `${t(backendLabelKey(a.name))}: ${t(`backend.error.${a.error}`)}${a.message ? ` (${a.message})` : ''}`,
    )
    .concat(info.renderer ? [`${t(backendLabelKey(info.name))}: ${info.renderer}`] : [])
    .concat(info.threads !== undefined ? [t('backend.threads', { n: info.threads })] : [])
    .concat(
      info.groupedConvKernel === undefined
        ? []
        : [
            info.groupedConvKernel
              ? t('backend.groupedConv.kernel', { backend: t(backendLabelKey(info.name)) })
              : t('backend.groupedConv.ops'),
          ],
    )
    .join('\n');
}
