import { catalogs } from '../src/i18n';
import { appQuery, backendIndicator, expect, gotoApp, projectBackend, test, waitForBackend } from './harness';
import { navLink } from './support/sections';
import { describeViolations, runAxe, WCAG_A_AA } from './support/axe';
import { SECTIONS } from '../src/app/state/appState';

const { en, zh } = catalogs;

function query(page: import('@playwright/test').Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

test('shell: every section opens from the nav, in order, and Back returns @wasm', async ({ page }) => {
  await gotoApp(page);
  const labels = await page.getByRole('navigation').getByRole('link').allInnerTexts();
  expect(labels).toEqual(SECTIONS.map((id) => en[`nav.${id}`]));

  for (const id of [...SECTIONS.slice(1), SECTIONS[0]]) {
    await navLink(page, id).click();
    await expect(page.locator('#section-title')).toHaveText(en[`section.${id}.title`]);
    await expect(page.locator(`[data-section-body="${id}"]`)).toBeAttached();
    await expect(navLink(page, id)).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('nav a[aria-current]')).toHaveCount(1);
    expect(query(page).get('section')).toBe(id === 'overview' ? null : id);
    await expect(page).toHaveTitle(`${en[`section.${id}.title`]} · ${en['app.title']}`);
  }

  // Each section change added a history entry.
  const last = SECTIONS[SECTIONS.length - 1];
  const beforeLast = SECTIONS[SECTIONS.length - 2];
  await page.goBack();
  await expect(page.locator('#section-title')).toHaveText(en[`section.${last}.title`]);
  await page.goBack();
  await expect(page.locator('#section-title')).toHaveText(en[`section.${beforeLast}.title`]);
  await page.goForward();
  await expect(page.locator('#section-title')).toHaveText(en[`section.${last}.title`]);
});

test('shell: every section opens from its URL @wasm', async ({ page }) => {
  for (const id of SECTIONS) {
    await gotoApp(page, `section=${id}`);
    await expect(page.locator('#section-title')).toHaveText(en[`section.${id}.title`]);
    await expect(page.locator(`[data-section-body="${id}"]`)).toBeAttached();
    await expect(navLink(page, id)).toHaveAttribute('aria-current', 'page');
  }
  await gotoApp(page, 'section=nonsense');
  await expect(page.locator('#section-title')).toHaveText(en['section.overview.title']);
});

/** The visible text of the shell (header and section title), once the backend has settled. */
async function shellText(page: import('@playwright/test').Page): Promise<string> {
  await waitForBackend(page);
  return (await page.locator('header, #section-title').allInnerTexts()).join('\n');
}

test('shell: the language switch turns every shell string into Chinese and back @wasm', async ({ page }) => {
  await gotoApp(page, 'section=forms');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const english = await shellText(page);

  await page.getByLabel(en['lang.label']).selectOption('zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  expect(query(page).get('lang')).toBe('zh');
  await expect(page.locator('#section-title')).toHaveText(zh['section.forms.title']);
  for (const id of SECTIONS) await expect(navLink(page, id)).toHaveText(zh[`nav.${id}`]);
  await expect(page.getByLabel(zh['backend.label'])).toBeVisible();
  await expect(page.locator('[data-section-body="forms"]')).toBeAttached();
  await expect(page).toHaveTitle(`${zh['section.forms.title']} · ${zh['app.title']}`);

  // No English shell string that was on screen is left.
  const chinese = await shellText(page);
  const leftovers = Object.entries(en)
    .filter(
      ([key, text]) =>
        zh[key as keyof typeof zh] !== text && /[a-z]{3}/i.test(text) && english.includes(text),
    )
    .filter(([, text]) => chinese.includes(text))
    .map(([key]) => key);
  expect(leftovers).toEqual([]);

  await page.getByLabel(zh['lang.label']).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // The address names the language even when it is the default: a shared link opens in it.
  expect(query(page).get('lang')).toBe('en');
  expect(await shellText(page)).toBe(english);
});

test('shell: URL state survives a reload and Back @wasm', async ({ page }) => {
  await gotoApp(page, 'section=step&cardinality=8&d=14&keepComplexity=0&stage=c29-2&group=5&tour=2&d=999');
  await page.getByLabel(en['lang.label']).selectOption('zh');
  await navLink(page, 'forms').click();
  await expect(page.locator('#section-title')).toHaveText(zh['section.forms.title']);

  const expected = {
    section: 'forms',
    lang: 'zh',
    cardinality: '8',
    d: '14',
    keepComplexity: '0',
    stage: 'c29-2',
    // The Step section's group is not shown in Forms, so it is not in Forms' URL.
    group: null,
    tour: '2',
  };
  const expectQuery = () => {
    const q = query(page);
    for (const [key, value] of Object.entries(expected)) expect(q.get(key), key).toBe(value);
    const backend = projectBackend();
    expect(q.get('backend')).toBe(backend === 'auto' ? null : backend);
  };
  expectQuery();

  await page.reload();
  await expect(page.locator('#section-title')).toHaveText(zh['section.forms.title']);
  await expect(page.getByLabel(zh['lang.label'])).toHaveValue('zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  expectQuery();

  await page.goBack();
  await expect(page.locator('#section-title')).toHaveText(zh['section.step.title']);
  expect(query(page).get('section')).toBe('step');
  expect(query(page).get('cardinality')).toBe('8');
  expect(query(page).get('group')).toBe('5');
});

// On WebGL and WebGPU the indicator is checked where those backends start anyway: e2e/kernels.spec.ts.
test('shell: ?backend=wasm is honoured, the indicator names it, and the backend can be switched to the CPU and back while the page runs @wasm', async ({
  page,
}) => {
  const wasmBinaries: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.wasm')) wasmBinaries.push(new URL(request.url()).pathname);
  });
  await gotoApp(page);
  const found = await waitForBackend(page);
  expect(found).toMatchObject({ status: 'ready', backend: 'wasm', reason: 'requested' });
  await expect(page.getByLabel(en['backend.label'])).toHaveValue('wasm');
  await expect(backendIndicator(page)).toContainText(en['backend.name.wasm']);
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
  // Cross-origin isolated, the multi-threaded SIMD build starts (its worker threads failing would be page errors).
  expect(wasmBinaries).toHaveLength(1);
  expect(wasmBinaries[0]).toMatch(/^\/assets\/tfjs-backend-wasm-threaded-simd-[\w-]+\.wasm$/);
  expect(Number(found.threads)).toBeGreaterThanOrEqual(1);

  // Switched while the page runs: to the CPU and back.
  const select = page.getByLabel(en['backend.label']);
  await select.selectOption('cpu');
  await expect(backendIndicator(page)).toHaveAttribute('data-backend', 'cpu', { timeout: 120_000 });
  await expect(backendIndicator(page)).toHaveAttribute('data-status', 'ready');
  await expect(backendIndicator(page)).toContainText(en['backend.name.cpu']);
  expect(query(page).get('backend')).toBe('cpu');

  await select.selectOption('wasm');
  await expect(backendIndicator(page)).toHaveAttribute('data-backend', 'wasm', { timeout: 120_000 });
  await expect(backendIndicator(page)).toHaveAttribute('data-status', 'ready');
});

test('shell: automatic choice prefers WASM to a software GPU and says why', async ({ page }) => {
  // Every project here renders with SwiftShader, so 'auto' must pass over the emulated GPU.
  await page.goto(`/${appQuery('backend=auto')}`);
  const found = await waitForBackend(page);
  expect(found).toMatchObject({ status: 'ready', backend: 'wasm', reason: 'software-gpu' });
  await expect(page.getByLabel(en['backend.label'])).toHaveValue('auto');
  // "…WebGL: software renderer only", naming every GPU backend passed over.
  await expect(backendIndicator(page)).toContainText(en['backend.name.webgl']);
  await expect(backendIndicator(page)).toContainText(en['backend.reason.software-gpu'].split('{failed}')[1]);
});

test('shell: header and main area fit a 375 px screen in both languages, the header at most 120 px high @wasm', async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 740 });
  for (const lang of ['en', 'zh'] as const) {
    // One page per language, the sections opened from the navigation.
    await gotoApp(page, `section=${SECTIONS[0]}&lang=${lang}`);
    await waitForBackend(page);
    for (const id of SECTIONS) {
      if (id !== SECTIONS[0]) {
        await navLink(page, id).click();
        await expect(page.locator(`[data-section-body="${id}"]`)).toBeVisible();
      }
      // Every header element, and the main area's box, lies within the screen.
      const overflowing = await page.locator('header *, main').evaluateAll((elements) =>
        elements
          .filter((el) => el.getClientRects().length > 0)
          .filter((el) => {
            const box = el.getBoundingClientRect();
            return box.left < -0.5 || box.right > document.documentElement.clientWidth + 0.5;
          })
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent?.slice(0, 30)}`),
      );
      expect(overflowing, `${id} (${lang})`).toEqual([]);
      const height = await page.getByRole('banner').evaluate((el) => el.getBoundingClientRect().height);
      expect(height, `header height, ${id} (${lang})`).toBeLessThanOrEqual(120);
    }
  }
});

test('shell: landmarks, labels, skip link and focus ring @wasm', async ({ page }) => {
  await gotoApp(page);
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: en['nav.label'] })).toBeVisible();
  await expect(page.getByRole('combobox', { name: en['lang.label'] })).toBeVisible();
  await expect(page.getByRole('combobox', { name: en['backend.label'] })).toBeVisible();

  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: en['app.skipToContent'] });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  expect(new URL(page.url()).hash).toBe('');

  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement as Element);
    return { width: parseFloat(style.outlineWidth), style: style.outlineStyle };
  });
  expect(outline.style).not.toBe('none');
  expect(outline.width).toBeGreaterThanOrEqual(2);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`shell: no WCAG A/AA violations in the ${scheme} theme @wasm`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await gotoApp(page);
    await waitForBackend(page);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    const luminance = (r + g + b) / 3;
    if (scheme === 'dark') expect(luminance).toBeLessThan(80);
    else expect(luminance).toBeGreaterThan(200);

    const violations = await runAxe(page, {
      tags: WCAG_A_AA,
      include: ['header', '.skip-link', '#section-title'],
    });
    expect(describeViolations(violations)).toEqual([]);
  });
}

test('shell: on a phone language and backend sit in a compact menu @wasm', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  for (const lang of ['en', 'zh'] as const) {
    const m = catalogs[lang];
    // The header's height in every section is checked by the 375 px test above.
    await gotoApp(page, `section=overview&lang=${lang}`);
    // The menu: a disclosure button named for what it holds; the controls are hidden until it opens.
    const toggle = page.getByRole('button', { name: m['header.settings'] });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByLabel(m['lang.label'])).toBeHidden();
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByLabel(m['lang.label'])).toBeVisible();
    await expect(page.getByLabel(m['backend.label'])).toBeVisible();
    // The backend's details open from its status chip, in the menu.
    const chip = page.getByTestId('status-chip');
    await expect(chip).toHaveAttribute('aria-expanded', 'false');
    await expect(backendIndicator(page)).toBeHidden();
    await chip.click();
    await expect(chip).toHaveAttribute('aria-expanded', 'true');
    await expect(backendIndicator(page)).toBeVisible();
    const violations = await runAxe(page, { tags: WCAG_A_AA, include: ['header'] });
    expect(describeViolations(violations)).toEqual([]);
    // Escape closes the chip's details first, then the menu.
    await page.keyboard.press('Escape');
    await expect(chip).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Escape');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toBeFocused();
  }
  // Choosing a language from the menu works as on a wide screen.
  await gotoApp(page, 'section=numbers');
  await page.getByRole('button', { name: en['header.settings'] }).click();
  await page.getByLabel(en['lang.label']).selectOption('zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  // A click elsewhere closes the menu.
  await page.mouse.click(20, 700);
  await expect(page.getByRole('button', { name: zh['header.settings'] })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
});

test('shell: on a phone the architecture tables fit the width, their totals on screen @wasm', async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 812 });
  for (const lang of ['en', 'zh'] as const) {
    await gotoApp(page, `section=numbers&lang=${lang}`);
    const totals = page.locator('table.numbers-arch [data-total]');
    await expect(totals).toHaveCount(6);
    for (const cell of await totals.all()) {
      await cell.scrollIntoViewIfNeeded();
      const box = await cell.boundingBox();
      expect(box, `${lang}: a total cell`).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, `${lang}: ${await cell.innerText()} within the width`).toBeLessThanOrEqual(
        375,
      );
    }
    // Nothing had to scroll sideways to show them.
    const scrolled = await page
      .locator('.numbers-table-wrap')
      .evaluateAll((els) => els.map((el) => el.scrollLeft));
    expect(scrolled.every((x) => x === 0)).toBe(true);
  }
});
