import {
  BACKEND_NAMES,
  BackendError,
  type BackendAttempt,
  type BackendDriver,
  type BackendInfo,
  type BackendName,
  type BackendPreference,
  type Probe,
  type ReasonCode,
} from './types';

export class NoBackendError extends Error {
  readonly attempts: BackendAttempt[];
  constructor(attempts: BackendAttempt[]) {
    super(
      `No TensorFlow.js backend could start (${attempts.map((a) => `${a.name}: ${a.error}`).join('; ')})`,
    );
    this.name = 'NoBackendError';
    this.attempts = attempts;
  }
}

export interface SelectOptions {
  /** The backend whose GPU was just lost: it is tried again like any other, and the reason says what happened. */
  lost?: BackendName;
  /** Backends not to try at all (their GPU was lost too often); each is listed as a 'lost' attempt. */
  exclude?: readonly BackendName[];
  /**
   * Backends not to try again because they computed wrongly once started (the canary); each is listed as
   * given, and a backend chosen instead says so (reason 'canary').
   */
  failed?: readonly BackendAttempt[];
}

const isGpu = (name: BackendName) => name === 'webgpu' || name === 'webgl';

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Picks and starts a backend. An explicit preference is tried first, whatever it runs on. Then, and for
 * 'auto', backends are tried fastest first (WebGPU, WebGL, WASM, CPU), except that a GPU backend on a
 * software renderer is only tried after WASM, which beats an emulated GPU.
 */
export async function selectBackend(
  preference: BackendPreference,
  driver: BackendDriver,
  options: SelectOptions = {},
): Promise<BackendInfo> {
  const failed = (options.failed ?? []).filter(
    (a, i, all) => all.findIndex((b) => b.name === a.name) === i && !options.exclude?.includes(a.name),
  );
  const excluded = new Set([...(options.exclude ?? []), ...failed.map((a) => a.name)]);
  const attempts: BackendAttempt[] = [
    ...(options.exclude ?? []).map((name) => ({ name, error: 'lost' as const })),
    ...failed.map((a) => ({ ...a })),
  ];

  const probe = async (name: BackendName): Promise<Probe> => {
    try {
      return await driver.probe(name);
    } catch (err) {
      return { available: false, software: false, error: 'unsupported', detail: message(err) };
    }
  };

  const tryStart = async (name: BackendName, found: Probe): Promise<BackendInfo | null> => {
    if (!found.available) {
      attempts.push({
        name,
        error: found.error ?? 'unsupported',
        ...(found.detail ? { message: found.detail } : {}),
      });
      return null;
    }
    try {
      const { threads, groupedConvKernel } = await driver.activate(name);
      const info: BackendInfo = { name, reason: 'auto', fallbacks: [] };
      if (isGpu(name)) info.software = found.software;
      if (found.detail) info.renderer = found.detail;
      if (threads !== undefined) info.threads = threads;
      if (groupedConvKernel !== undefined) info.groupedConvKernel = groupedConvKernel;
      return info;
    } catch (err) {
      attempts.push({
        name,
        error: err instanceof BackendError ? err.code : 'init-failed',
        message: message(err),
      });
      return null;
    }
  };

  const finish = (info: BackendInfo): BackendInfo => {
    const fallbacks = attempts.filter((a) => !(a.name === info.name && a.error === 'software'));
    const preferenceFailed = preference !== 'auto' && preference !== info.name;
    let reason: ReasonCode;
    if (preference === info.name) reason = 'requested';
    else if (preferenceFailed) reason = 'fallback';
    else if (!info.software && fallbacks.some((a) => a.error === 'software')) reason = 'software-gpu';
    else reason = fallbacks.length > 0 ? 'fallback' : 'auto';
    if (options.lost) {
      if (options.lost === info.name) return { ...info, reason: 'recovered', fallbacks, lost: options.lost };
      return { ...info, reason: 'gpu-lost', fallbacks, lost: options.lost };
    }
    if (fallbacks.some((a) => a.error === 'canary')) return { ...info, reason: 'canary', fallbacks };
    return { ...info, reason, fallbacks };
  };

  if (preference !== 'auto' && !excluded.has(preference)) {
    const info = await tryStart(preference, await probe(preference));
    if (info) return finish(info);
  }

  const deferred: [BackendName, Probe][] = [];
  for (const name of BACKEND_NAMES) {
    if (name === preference || name === 'cpu' || excluded.has(name)) continue;
    const found = await probe(name);
    if (found.available && found.software && isGpu(name)) {
      attempts.push({ name, error: 'software', ...(found.detail ? { message: found.detail } : {}) });
      deferred.push([name, found]);
      continue;
    }
    const info = await tryStart(name, found);
    if (info) return finish(info);
  }
  for (const [name, found] of deferred) {
    const info = await tryStart(name, found);
    if (info) return finish(info);
  }
  if (preference !== 'cpu' && !excluded.has('cpu')) {
    const info = await tryStart('cpu', await probe('cpu'));
    if (info) return finish(info);
  }
  throw new NoBackendError(attempts);
}
