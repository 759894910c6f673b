import { canary as en } from '../src/i18n/en/canary';
import { common } from '../src/i18n/en/common';
import { backendIndicator, expect, gotoApp, test } from './harness';

/**
 * The golden canary in the browser: on every backend start the default model classifies one synthetic picture
 * and its logits are compared with PyTorch's. These run on WebAssembly, the quickest backend to start.
 */

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('canary @wasm: passes on WebAssembly and reports its time', async ({ page }, testInfo) => {
  await gotoApp(page, 'section=classify');
  const canary = page.getByTestId('backend-canary');
  await expect(canary).toHaveAttribute('data-status', 'passed', { timeout: 60_000 });
  await expect(canary).toHaveAttribute('data-backend', 'wasm');
  await expect(backendIndicator(page)).toHaveAttribute('data-backend', 'wasm');
  const ms = Number(await canary.getAttribute('data-ms'));
  const diff = Number(await canary.getAttribute('data-max-abs-diff'));
  expect(ms).toBeGreaterThan(0);
  expect(diff).toBeLessThanOrEqual(1e-2);
  await expect(canary).toHaveAttribute('data-top1-matches', 'true');
  await expect(canary).toHaveText(new RegExp(escape(en['canary.passed']).replace(/\\\{\w+\\\}/g, '.+')));
  testInfo.annotations.push({ type: 'canary', description: `wasm: ${ms} ms, max |Δlogit| ${diff}` });
  console.log(`canary on wasm in the browser: ${ms} ms, max |logit − PyTorch| = ${diff}`);
});

test('canary @wasm: a broken WebAssembly kernel is caught, the next backend takes over and says why', async ({
  page,
}) => {
  // A kernel bug the start-up checks cannot see: FusedConv2D adds a ReLU to the model's 1×1 convs to 1024.
  // And a browser without WebGL, so that CPU comes next (SwiftShader's WebGL would take half a minute to start).
  await page.addInitScript(() => {
    window.__resnextInjectFault = { backend: 'wasm' };
    type GetContext = (this: HTMLCanvasElement, id: string, options?: unknown) => unknown;
    const getContext = HTMLCanvasElement.prototype.getContext as GetContext;
    Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', {
      value(this: HTMLCanvasElement, id: string, options?: unknown) {
        return /webgl/.test(id) ? null : getContext.call(this, id, options);
      },
    });
  });
  await gotoApp(page, 'section=classify');
  const indicator = backendIndicator(page);
  await expect(indicator).toHaveAttribute('data-reason', 'canary', { timeout: 60_000 });
  await expect(indicator).toHaveAttribute('data-status', 'ready');
  await expect(indicator).toHaveAttribute('data-backend', 'cpu');
  // "Running on … — WebAssembly failed the correctness check (logits off by 0.3 from PyTorch’s), …"
  const reason = escape(en['backend.reason.canary'])
    .replace('\\{failed\\}', escape(common['backend.name.wasm']))
    .replace('\\{diff\\}', '(\\d[\\d.e-]*)');
  await expect(indicator).toHaveText(new RegExp(reason));
  const diff = Number(new RegExp(reason).exec(await indicator.innerText())?.[1]);
  expect(diff).toBeGreaterThan(1e-2);
  // The reader's choice stays WebAssembly; the app does not use it on this page any more.
  await expect(page.getByTestId('backend-select')).toHaveValue('wasm');
  // The canary runs again on the backend that took over.
  await expect(page.getByTestId('backend-canary')).toHaveAttribute('data-backend', 'cpu');
});
