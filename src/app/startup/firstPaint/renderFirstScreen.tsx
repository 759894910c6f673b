import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { loadCatalog } from '../../../i18n/runtime';
import { AppRoot } from '../../AppRoot';
import type { AppLang } from '../../state/appState';
import { holdEngine } from '../firstFigure';
import { FIRST_FIGURES, type FirstFigureSection } from '../firstFigures';
import { keepControlState } from './snapshot';

/**
 * Runs at build time, in Node with a DOM (scripts/first-paint/render.ts): draws the app into `container` at
 * the address `?section=…&lang=…`, exactly as the page would before its engine starts (the gate stays shut),
 * waits until the section's first figure has content, and returns what was drawn.
 */
export async function renderFirstScreen(
  section: FirstFigureSection,
  lang: AppLang,
  container: Element,
  timeoutMs = 20_000,
): Promise<string> {
  holdEngine();
  window.history.replaceState(null, '', `/?section=${section}&lang=${lang}`);
  await loadCatalog(lang);
  const root = createRoot(container);
  await act(async () => root.render(<AppRoot />));
  const { id, content } = FIRST_FIGURES[section];
  const drawn = () => container.querySelector(`#${id} ${content}`) !== null;
  const end = Date.now() + timeoutMs;
  const tick = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 25)));
  while (!drawn() && Date.now() < end) await tick();
  // then until the page stands still (transitions, even of zero length, end a frame later)
  let html = container.innerHTML;
  for (let still = 0, n = 0; still < 8 && n < 160; n++) {
    await tick();
    const now = container.innerHTML;
    still = now === html ? still + 1 : 0;
    html = now;
  }
  const ok = drawn();
  keepControlState(container);
  html = container.innerHTML;
  await act(async () => root.unmount());
  if (!ok) throw new Error(`first paint of ${section} (${lang}): #${id} was not drawn`);
  return html;
}
