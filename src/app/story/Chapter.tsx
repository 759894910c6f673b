import type { ReactNode } from 'react';

/** One chapter of the story: a headed section the tour can point at by its id. */
export function Chapter({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  const headingId = `story-${id}-heading`;
  return (
    <section className="sty-chapter" data-story={id} aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      {children}
    </section>
  );
}
