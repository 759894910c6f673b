/**
 * Hands the screen from the first paint (firstPaintScript.js showed it) to the app, whose own first
 * figure has painted: the picture goes, and the app, laid out underneath all along, is shown in its place.
 */
export function endFirstPaint(doc: Document = document): void {
  doc.getElementById('first-paint')?.remove();
  doc.documentElement.removeAttribute('data-first-paint');
  doc.documentElement.removeAttribute('data-first-paint-fetched');
  doc.documentElement.removeAttribute('data-first-paint-staging');
}
