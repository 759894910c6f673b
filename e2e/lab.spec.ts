import { expect, gotoApp, test, waitForBackend } from './harness';

/**
 * The lab on WASM in its tiny configuration: two equal-complexity settings, one seed, one epoch, 512 training
 * pictures. Both runs finish, their loss falls, their held-out accuracy is above chance, the time per step is
 * shown per C, the worker's tensors are as many after the second run as after the first, the estimate and the
 * measured time are printed, and Stop ends a run at once.
 */
test('lab: two settings train in a worker, with the time per step per C, and Stop stops @wasm', async ({
  page,
}) => {
  await gotoApp(page, 'section=lab&labC=1,4&labSeeds=1&labEpochs=1&labImages=512');
  expect((await waitForBackend(page)).backend).toBe('wasm');
  const lab = page.locator('[data-figure="lab"]');
  const phase = lab.locator('[data-lab-phase]');

  await lab.locator('[data-lab-estimate]').click();
  const estimate = lab.locator('[data-estimate-ms]');
  await expect(estimate).toBeVisible({ timeout: 180_000 });
  const estimateMs = Number(await estimate.getAttribute('data-estimate-ms'));

  await lab.locator('[data-lab-start]').click();
  await expect(phase).toHaveAttribute('data-lab-phase', 'done', { timeout: 280_000 });
  const runs = lab.locator('[data-run]');
  await expect(runs).toHaveCount(2);
  for (const c of ['1', '4']) {
    const run = lab.locator(`[data-run][data-c="${c}"][data-seed="1"]`);
    const first = Number(await run.getAttribute('data-loss-first'));
    const last = Number(await run.getAttribute('data-loss-last'));
    const acc = Number(await run.getAttribute('data-acc'));
    expect(last, `C = ${c}: loss ${first} → ${last}`).toBeLessThan(first);
    expect(acc, `C = ${c}: held-out accuracy`).toBeGreaterThan(0.1);
    const stepMs = Number(await lab.locator(`[data-step-ms][data-c="${c}"]`).getAttribute('data-step-ms'));
    expect(stepMs).toBeGreaterThan(0);
  }
  const tensors = ((await phase.getAttribute('data-tensors')) ?? '').split(',').map(Number);
  expect(tensors.length).toBe(3);
  expect(new Set(tensors).size, `worker tensors after each run and at the end: ${tensors}`).toBe(1);
  const totalMs = Number(await phase.getAttribute('data-total-ms'));
  console.log(
    `lab: estimate ${estimateMs} ms, measured ${totalMs} ms; step ms ${await lab.locator('[data-step-ms]').evaluateAll((els) => els.map((e) => `C=${e.getAttribute('data-c')}: ${Math.round(Number(e.getAttribute('data-step-ms')))}`).join(', '))}`,
  );
  // the estimate and the measured time are reported, not asserted (a timing is not a test's business)
  expect(estimateMs).toBeGreaterThan(0);
  expect(totalMs).toBeGreaterThan(0);

  // Stop during a run: the page says so at once and the run's progress no longer moves.
  await lab.locator('[data-lab-start]').click();
  const run1 = lab.locator('[data-run][data-c="1"]');
  await expect(run1).toHaveAttribute('data-step', /^[1-9]/, { timeout: 120_000 });
  await lab.locator('[data-lab-stop]').click();
  await expect(phase).toHaveAttribute('data-lab-phase', 'stopped');
  const stepAtStop = await run1.getAttribute('data-step');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await expect(run1).toHaveAttribute('data-step', stepAtStop ?? '');
  await expect(run1).toHaveAttribute('data-done', '0');
});
