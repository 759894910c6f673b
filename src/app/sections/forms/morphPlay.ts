import type { FormId } from '../../state/appState';

/** Milliseconds of one morph between two forms (0 under reduced motion). */
export const MORPH_MS = 900;

/** The form that follows `form` when playing a → b → c; null after (c). */
export function nextMorphForm(form: FormId): FormId | null {
  return form === 'a' ? 'b' : form === 'b' ? 'c' : null;
}
