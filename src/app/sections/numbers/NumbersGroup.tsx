import { useId, type ReactNode } from 'react';

interface Props {
  /** the group's anchor (`#numbers-paper` …) */
  id: string;
  title: string;
  lead: string;
  children: ReactNode;
}

/**
 * One of the Numbers section's three parts (the paper, our training, your device): a heading and a line on where
 * its figures come from. `data-contents-group` is how the section's contents (SectionContents) list its figures
 * under this heading.
 */
export function NumbersGroup({ id, title, lead, children }: Props) {
  const headingId = useId();
  return (
    <section id={id} className="numbers-group" aria-labelledby={headingId} data-contents-group>
      <h2 id={headingId} className="numbers-group-title">
        {title}
      </h2>
      <p className="numbers-group-lead">{lead}</p>
      {children}
    </section>
  );
}
