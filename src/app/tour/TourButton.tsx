import { useT } from '../i18n/useT';
import { useAppState } from '../state/AppStateContext';
import { TOUR_BUTTON_ATTR, TOUR_DIALOG_ID } from './tourIds';
import './tour.css';

/**
 * Starts the guided tour from its first step; while the tour is open, takes the reader back to its card. The
 * steps load with the first click, not with the page (the overlay drops an index past the last step).
 */
export function TourButton() {
  const t = useT();
  const [{ tour }, update] = useAppState();
  const running = tour >= 0;
  const onClick = () => {
    if (running) document.getElementById(TOUR_DIALOG_ID)?.focus();
    else void import('./tourSteps').then(({ tourPatch }) => update(tourPatch(0)));
  };
  return (
    <button
      type="button"
      className="tour-button"
      onClick={onClick}
      aria-haspopup="dialog"
      aria-expanded={running}
      aria-controls={running ? TOUR_DIALOG_ID : undefined}
      data-testid="tour-start"
      {...{ [TOUR_BUTTON_ATTR]: '' }}
    >
      {t('tour.start')}
    </button>
  );
}
