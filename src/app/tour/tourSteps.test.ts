import { describe, expect, it } from 'vitest';
import { catalogs, LANGS } from '../../i18n';
import { defaultState, normalizeState, parseState, serializeState, type AppState } from '../state/appState';
import { currentTourStep, tourPatch, TOUR_STEPS } from './tourSteps';

/** The state a step opens from the default state, written to a URL and read back. */
function roundTrip(patch: Partial<AppState>): AppState {
  return parseState(serializeState({ ...defaultState, ...patch }));
}

describe('tour steps', () => {
  it('has steps with distinct ids, within the range the URL can hold', () => {
    expect(TOUR_STEPS.length).toBeGreaterThan(1);
    expect(new Set(TOUR_STEPS.map((s) => s.id)).size).toBe(TOUR_STEPS.length);
    expect(TOUR_STEPS.length - 1).toBeLessThanOrEqual(50);
    expect(roundTrip({ tour: TOUR_STEPS.length - 1 }).tour).toBe(TOUR_STEPS.length - 1);
  });

  it.each(TOUR_STEPS.map((s, i) => [s.id, i] as const))(
    '%s: its state patch is valid state and survives the URL unchanged',
    (_, i) => {
      const patch = tourPatch(i);
      const expected = { ...defaultState, ...patch };
      expect(roundTrip(patch)).toEqual(expected);
      expect(patch.tour).toBe(i);
      expect(patch.section).toBe(TOUR_STEPS[i].section);
    },
  );

  it('never sets the language or the backend', () => {
    for (const s of TOUR_STEPS) {
      expect(Object.keys(s.state)).not.toContain('lang');
      expect(Object.keys(s.state)).not.toContain('backend');
      expect(Object.keys(s.state)).not.toContain('tour');
      expect(Object.keys(s.state)).not.toContain('section');
    }
  });

  it('walks from the why to the results, touching every section', () => {
    expect(TOUR_STEPS[0].state.cardinality).toBe(1);
    expect(TOUR_STEPS[1].state.cardinality).toBe(32);
    expect(new Set(TOUR_STEPS.map((s) => s.section))).toEqual(
      new Set(['overview', 'forms', 'step', 'classify', 'numbers']),
    );
    expect(TOUR_STEPS.find((s) => s.id === 'step')?.state).toMatchObject({
      block: 'layer1.1',
      step: 'merge',
    });
    // the cost anatomy, why cardinality and the grouped 3×3 are visited, in the order of the page
    const ids = TOUR_STEPS.map((s) => s.id);
    expect(ids.indexOf('cost')).toBeGreaterThan(ids.indexOf('cardinality'));
    expect(ids.indexOf('heritage')).toBeGreaterThan(ids.indexOf('cost'));
    expect(ids.indexOf('why-cardinality')).toBeGreaterThan(ids.indexOf('heritage'));
    expect(TOUR_STEPS.find((s) => s.id === 'grouped')?.state).toMatchObject({ step: 'transform' });
    expect(ids.indexOf('grouped')).toBeLessThan(ids.indexOf('step'));
    expect(TOUR_STEPS.find((s) => s.section === 'forms')?.state.layer).not.toBe('');
  });

  it('names a panel for every step', () => {
    for (const s of TOUR_STEPS) {
      expect(s.targets.length).toBeGreaterThan(0);
      for (const sel of s.targets) expect(sel.trim()).not.toBe('');
    }
  });

  it.each(LANGS)('%s: every title and text exists and is not empty', (lang) => {
    for (const s of TOUR_STEPS) {
      expect(catalogs[lang][s.titleKey]?.trim(), s.titleKey).toBeTruthy();
      expect(catalogs[lang][s.textKey]?.trim(), s.textKey).toBeTruthy();
    }
  });

  it('leaves nothing of one step in the URL of another, whatever the order of the steps', () => {
    const apply = (s: AppState, patch: Partial<AppState>) => normalizeState({ ...s, ...patch });
    for (let from = 0; from < TOUR_STEPS.length; from++) {
      for (let to = 0; to < TOUR_STEPS.length; to++) {
        const reached = apply(apply(defaultState, tourPatch(from)), tourPatch(to));
        const direct = apply(defaultState, tourPatch(to));
        expect(serializeState(reached), `${TOUR_STEPS[from].id} → ${TOUR_STEPS[to].id}`).toBe(
          serializeState(direct),
        );
      }
    }
    // The forms step's layer and the step-through's step and pick are gone from the steps after them.
    const formsAt = TOUR_STEPS.findIndex((s) => s.section === 'forms');
    const stepAt = TOUR_STEPS.flatMap((s, i) => (s.section === 'step' ? [i] : []));
    const pickAt = TOUR_STEPS.flatMap((s, i) => (s.state.at ? [i] : []));
    expect(pickAt).toHaveLength(1);
    let s = defaultState as AppState;
    for (let i = 0; i < TOUR_STEPS.length; i++) {
      s = apply(s, tourPatch(i));
      const q = new URLSearchParams(serializeState(s));
      expect(q.has('layer'), `layer at ${TOUR_STEPS[i].id}`).toBe(i === formsAt);
      expect(q.has('step'), `step at ${TOUR_STEPS[i].id}`).toBe(stepAt.includes(i));
      expect(q.has('at'), `at at ${TOUR_STEPS[i].id}`).toBe(pickAt.includes(i));
    }
  });

  it('turns the tour off past either end', () => {
    expect(tourPatch(-1)).toEqual({ tour: -1 });
    expect(tourPatch(TOUR_STEPS.length)).toEqual({ tour: -1 });
    expect(currentTourStep(-1)).toBeNull();
    expect(currentTourStep(TOUR_STEPS.length)).toBeNull();
    expect(currentTourStep(0)).toBe(TOUR_STEPS[0]);
  });
});
