import { useCallback, useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useT } from '../i18n/useT';
import { blockConfig } from '../block/blockConfig';
import { useAppState } from '../state/AppStateContext';
import { followTarget } from './followTarget';
import { currentTourStep, tourPatch, TOUR_STEPS } from './tourSteps';
import { TOUR_BUTTON_ATTR, TOUR_DIALOG_ID } from './tourIds';
import './tour.css';

/** Keys typed into these keep their own meaning (a button's Enter clicks it). */
const OWN_KEYS = 'button, a[href], input, select, textarea, [contenteditable="true"]';

/**
 * The guided tour's card: a non-modal dialog beside the page (wide screens) or docked at the bottom (narrow
 * ones), never over what it describes. The step index is the app state's `tour` (so it is in the URL); Next
 * and Back apply the next step's state, scroll its target into view and highlight it.
 */
export function TourOverlay() {
  const t = useT();
  const [state, update] = useAppState();
  // the numbers a step's text names are the block it has set (C, and d at equal complexity)
  const block = blockConfig(state);
  const numbers = { c: block.cardinality, d: block.d };
  const index = state.tour;
  const step = currentTourStep(index);
  const open = step !== null;
  const total = TOUR_STEPS.length;
  const last = index === total - 1;
  const titleId = useId();
  const textId = useId();
  const dialog = useRef<HTMLDivElement | null>(null);
  // Where the focus was before the tour opened, to give it back when it closes.
  const opener = useRef<Element | null>(null);

  const go = useCallback((i: number) => update(tourPatch(i)), [update]);
  const leave = useCallback(() => update({ tour: -1 }), [update]);
  const next = useCallback(() => (last ? leave() : go(index + 1)), [last, leave, go, index]);
  const back = useCallback(() => {
    if (index > 0) go(index - 1);
  }, [go, index]);

  useEffect(() => {
    if (!open) return;
    const active = document.activeElement;
    opener.current = active && active !== document.body ? active : null;
    dialog.current?.focus({ preventScroll: true });
    return () => {
      const back = opener.current;
      const target =
        back instanceof HTMLElement && back.isConnected
          ? back
          : (document.querySelector<HTMLElement>(`[${TOUR_BUTTON_ATTR}]`) ?? document.getElementById('main'));
      target?.focus({ preventScroll: true });
    };
  }, [open]);

  // While the tour is open the page makes room for the card (a column beside it, or space below it).
  useEffect(() => {
    if (!open) return;
    const body = document.body;
    body.classList.add('tour-open');
    const card = dialog.current;
    const ro = new ResizeObserver(() => {
      if (card) body.style.setProperty('--tour-card-height', `${Math.ceil(card.offsetHeight)}px`);
    });
    if (card) ro.observe(card);
    return () => {
      ro.disconnect();
      body.classList.remove('tour-open');
      body.style.removeProperty('--tour-card-height');
    };
  }, [open]);

  // Each step points at its target once it has rendered; a step opened from a shared link does too.
  const targets = step?.targets;
  useEffect(() => {
    if (!targets) return;
    return followTarget(targets, () => dialog.current);
  }, [index, targets]);

  // Escape leaves the tour wherever the focus is, unless something on the page used the key already.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const el = e.target instanceof Element ? e.target : null;
      if (el && !dialog.current?.contains(el) && el.closest('input, select, textarea')) return;
      e.preventDefault();
      leave();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, leave]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const own = e.target instanceof Element && e.target !== e.currentTarget && e.target.closest(OWN_KEYS);
    if (e.key === 'ArrowRight' && !last) go(index + 1);
    else if (e.key === 'ArrowLeft') back();
    else if (e.key === 'Enter' && !own) next();
    else return;
    e.preventDefault();
  };

  // an index past the last step (an old link) is no tour: the address drops it, and the tour button is idle
  useEffect(() => {
    if (!open) leave();
  }, [open, leave]);

  if (!step) return null;
  return (
    <div
      ref={dialog}
      id={TOUR_DIALOG_ID}
      className="tour-card"
      role="dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      tabIndex={-1}
      data-testid="tour-dialog"
      data-step={step.id}
      data-index={index}
      onKeyDown={onKeyDown}
    >
      <div className="tour-head">
        <p className="tour-progress">{t('tour.progress', { n: index + 1, total })}</p>
        <button
          type="button"
          className="tour-close"
          onClick={leave}
          aria-label={t('tour.close')}
          data-testid="tour-close"
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div aria-live="polite">
        <h2 id={titleId} className="tour-title">
          {t(step.titleKey, numbers)}
        </h2>
        <p id={textId} className="tour-text">
          {t(step.textKey, numbers)}
        </p>
      </div>
      <div className="tour-actions">
        <button type="button" onClick={back} aria-disabled={index === 0 || undefined} data-testid="tour-back">
          {t('tour.back')}
        </button>
        <button type="button" className="tour-primary" onClick={next} data-testid="tour-next">
          {last ? t('tour.finish') : t('tour.next')}
        </button>
      </div>
      <p className="tour-keys">{t('tour.keys')}</p>
    </div>
  );
}
