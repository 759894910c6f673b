import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { afterFirstFigure, firstFigureDone } from './firstFigure';

/**
 * What a section shows below its first figure: rendered once that figure has painted (firstFigure.ts), so on a
 * slow phone the first figure does not wait for the rest of the page to be built and laid out. Where nothing
 * watches for a figure (tests of a component, a later visit of the section), it renders at once. A lazy component
 * inside suspends to this boundary (showing nothing), never to the section's.
 */
export function AfterFirstFigure({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(firstFigureDone);
  useEffect(() => {
    if (ready) return;
    let live = true;
    void afterFirstFigure().then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [ready]);
  // a lazy part suspends here, not the whole section around the first figure
  return ready ? <Suspense fallback={null}>{children}</Suspense> : null;
}
