import { useEffect, useRef, useState } from 'react';
import { ContentsList } from './ContentsList';
import { useSectionContents } from './useSectionContents';
import { useT } from '../i18n/useT';
import { useAppState } from '../state/AppStateContext';
import './sectionContents.css';

/** Where the side column shows (sectionContents.css); below it the header's menu (SectionContents) does. */
const SIDE_QUERY = '(min-width: 90rem)';

/** How far down the window a figure's top must come to count as the one being read. */
const READING_LINE = 0.3;

/** Space between the header and the column, and below the column. */
const GAP_PX = 16;

/** The height of the page's sticky header, followed as it changes (0 until measured). */
function useHeaderHeight(active: boolean): number {
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const header = document.querySelector('.site-header');
    if (!active || !header) return;
    const measure = () => setHeight(Math.ceil(header.getBoundingClientRect().height));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(header);
    return () => observer.disconnect();
  }, [active]);
  return height;
}

/**
 * The contents of a long section (Overview, Numbers) in a column beside the text on wide screens, staying in view
 * while the page scrolls; the figure being read is marked (`aria-current="location"`).
 */
export function SectionSideContents() {
  const t = useT();
  const [{ section, lang }] = useAppState();
  const { long, groups } = useSectionContents(section, lang);
  const [current, setCurrent] = useState<string | null>(null);
  const nav = useRef<HTMLElement>(null);
  const headerHeight = useHeaderHeight(long);

  useEffect(() => {
    if (!long) return;
    const query = window.matchMedia(SIDE_QUERY);
    const ids = groups.flatMap((g) => g.entries.map((e) => e.id));
    let frame = 0;
    const measure = () => {
      frame = 0;
      if (!query.matches) return;
      const line = window.innerHeight * READING_LINE;
      let now = ids[0] ?? null;
      for (const id of ids) {
        const el = document.getElementById(id);
        if (el && el.getClientRects().length > 0 && el.getBoundingClientRect().top <= line) now = id;
      }
      setCurrent(now);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    query.addEventListener('change', schedule);
    return () => {
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      query.removeEventListener('change', schedule);
      cancelAnimationFrame(frame);
    };
  }, [long, groups]);

  // The marked entry stays in view inside the column (scrolling the column only, never the page).
  useEffect(() => {
    const box = nav.current;
    const link = current
      ? box?.querySelector<HTMLElement>(`[data-contents-figure="${CSS.escape(current)}"]`)
      : null;
    if (!box || !link) return;
    const top = link.getBoundingClientRect().top - box.getBoundingClientRect().top;
    if (top < 0 || top + link.offsetHeight > box.clientHeight) box.scrollTop += top - box.clientHeight / 3;
  }, [current]);

  if (!long) return null;
  // Under the sticky header, whose height depends on the language and the width.
  const style = headerHeight
    ? { top: `${headerHeight + GAP_PX}px`, maxHeight: `calc(100vh - ${headerHeight + 2 * GAP_PX}px)` }
    : undefined;
  return (
    <nav
      ref={nav}
      className="section-side"
      style={style}
      aria-label={t('contents.label')}
      data-testid="section-side"
    >
      <p className="section-side-title" aria-hidden="true">
        {t('contents.button')}
      </p>
      <ContentsList groups={groups} className="section-side-list" current={current} />
    </nav>
  );
}
