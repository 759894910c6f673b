/*
 * The backends, one after the other, each in its own Chromium (the GPU ones on SwiftShader) and cut off
 * after BACKEND_LIMIT_S; BENCH_BACKENDS=wasm,cpu limits the run to some of them.
 */
import { benchBackend, type Backend, type BackendInfo, type Row } from './backend';
import { launch } from './stage';

const BACKENDS = (process.env.BENCH_BACKENDS?.split(',') ?? ['wasm', 'webgl', 'webgpu', 'cpu']) as Backend[];

const GPU_ARGS: Record<string, string[]> = {
  webgpu: [
    '--enable-unsafe-webgpu',
    '--enable-features=Vulkan',
    '--use-vulkan=swiftshader',
    '--use-webgpu-adapter=swiftshader',
  ],
  webgl: ['--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
};

/** Wall-clock cap per backend, in seconds. */
const BACKEND_LIMIT_S = 120;

export interface BackendsResult {
  rows: Row[];
  info: BackendInfo;
  browserVersion: string;
}

export async function benchBackends(benchUrl: string): Promise<BackendsResult> {
  const rows: Row[] = [];
  const info: BackendInfo = { backends: {} };
  let browserVersion = '';
  for (const backend of BACKENDS) {
    const browser = await launch(GPU_ARGS[backend] ?? []);
    browserVersion = browser.version();
    // A backend that stalls (software GPU shader compiles) is cut off; its finished rows stay.
    let timer: NodeJS.Timeout | undefined;
    const cutOff = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        rows.push({ item: 'backend', backend, note: `stopped after ${BACKEND_LIMIT_S} s` });
        resolve();
      }, BACKEND_LIMIT_S * 1000);
    });
    await Promise.race([benchBackend(browser, benchUrl, backend, rows, info), cutOff]);
    clearTimeout(timer);
    await browser.close();
  }
  return { rows, info, browserVersion };
}
