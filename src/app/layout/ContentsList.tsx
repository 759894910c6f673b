import { Fragment, useId } from 'react';
import type { ContentsGroup } from './useSectionContents';

interface Props {
  groups: ContentsGroup[];
  id?: string;
  className: string;
  hidden?: boolean;
  /** the figure in view, marked `aria-current="location"` */
  current?: string | null;
  onChoose?: () => void;
}

/** A long section's figures as links (`#id`), listed under the part of the section they belong to. */
export function ContentsList({ groups, id, className, hidden, current, onChoose }: Props) {
  const base = useId();
  const link = (e: { id: string; label: string }) => (
    <li key={e.id}>
      <a
        href={`#${encodeURIComponent(e.id)}`}
        aria-current={e.id === current ? 'location' : undefined}
        data-contents-figure={e.id}
        onClick={onChoose}
      >
        {e.label}
      </a>
    </li>
  );
  return (
    <ol id={id} className={className} hidden={hidden}>
      {groups.map((g, i) =>
        g.id === null ? (
          <Fragment key={`loose-${i}`}>{g.entries.map(link)}</Fragment>
        ) : (
          <li key={g.id} className="contents-group" data-contents-group={g.id}>
            <span id={`${base}-${i}`} className="contents-group-title">
              {g.label}
            </span>
            {g.entries.length > 0 && <ol aria-labelledby={`${base}-${i}`}>{g.entries.map(link)}</ol>}
          </li>
        ),
      )}
    </ol>
  );
}
