import { useEffect, useState } from 'react';
import type { SectionId } from '../state/appState';

/** The long sections, whose figures the contents list. */
const LONG_SECTIONS: readonly SectionId[] = ['overview', 'numbers'];

interface ContentsEntry {
  id: string;
  label: string;
}

/** A part of the section (an element marked `data-contents-group`, e.g. Numbers' "The paper") and its figures. */
export interface ContentsGroup {
  /** the part's id; null for figures outside any part */
  id: string | null;
  label: string;
  entries: ContentsEntry[];
}

/** A figure's name: its accessible name, else its first heading or caption. */
function figureName(el: Element): string {
  const named = el.getAttribute('aria-label');
  if (named?.trim()) return named.trim();
  const heading = el.querySelector('h2, h3, h4, figcaption, .numbers-figure-title');
  return heading?.textContent?.trim() || el.id;
}

/** A part's name: its own heading. */
function groupName(el: Element): string {
  return el.querySelector(':scope > h2, :scope > h3')?.textContent?.trim() || el.id;
}

/** The section's parts and top-level figures, in page order. */
function collect(section: SectionId): ContentsGroup[] {
  const body = document.querySelector(`article[data-section="${section}"]`);
  if (!body) return [];
  const groups: ContentsGroup[] = [];
  const open = (id: string | null, label: string) => {
    const g: ContentsGroup = { id, label, entries: [] };
    groups.push(g);
    return g;
  };
  for (const el of body.querySelectorAll('[data-contents-group], [data-figure][id]')) {
    if (el.hasAttribute('data-contents-group')) {
      open(el.id || null, groupName(el));
      continue;
    }
    if (el.parentElement?.closest('[data-figure]')) continue;
    const host = el.closest('[data-contents-group]');
    const id = host ? host.id || null : null;
    const last = groups.at(-1);
    const group = last && last.id === id ? last : open(id, host ? groupName(host) : '');
    group.entries.push({ id: el.id, label: figureName(el) });
  }
  return groups;
}

const key = (groups: ContentsGroup[]) => JSON.stringify(groups);

/**
 * The contents of the current section when it is a long one (Overview, Numbers): its parts and their figures,
 * following the page as its figures render (lazily, some after data). `long` is false for the other sections.
 */
export function useSectionContents(
  section: SectionId,
  lang: string,
): { long: boolean; groups: ContentsGroup[] } {
  const [groups, setGroups] = useState<ContentsGroup[]>([]);
  const long = LONG_SECTIONS.includes(section);

  useEffect(() => {
    if (!long) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const next = collect(section);
      setGroups((prev) => (key(prev) === key(next) ? prev : next));
    };
    update();
    const main = document.getElementById('main');
    if (!main) return;
    const observer = new MutationObserver(() => {
      if (!frame) frame = requestAnimationFrame(update);
    });
    observer.observe(main, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [long, section, lang]);

  return { long, groups: long ? groups : [] };
}
