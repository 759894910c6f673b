import type { ComponentType } from 'react';
import { useT } from '../i18n/useT';
import type { SectionId } from '../state/appState';
import { ArchChapter } from './ArchChapter';
import { CatchChapter } from './CatchChapter';
import { FormsChapter } from './FormsChapter';
import { ResultsChapter } from './ResultsChapter';
import { ClassifyChapter, StepChapter } from './TieInChapters';
import { WhyChapter } from './WhyChapter';
import './story.css';

/** The chapters of the story, in reading order, grouped by the section whose panels show them. */
const CHAPTERS: Record<SectionId, readonly ComponentType[]> = {
  // The Overview's Heritage and Block chapters sit beside the figures they explain, inside the section.
  overview: [WhyChapter],
  forms: [FormsChapter],
  step: [StepChapter],
  classify: [ClassifyChapter],
  numbers: [ArchChapter, CatchChapter, ResultsChapter],
  lab: [],
};

/** The part of the story told by one section, shown above that section's panels. */
export function StoryPanel({ section }: { section: SectionId }) {
  const t = useT();
  const chapters = CHAPTERS[section] ?? [];
  if (chapters.length === 0) return null;
  return (
    <div className="sty-panel" role="region" aria-label={t('story.label')} data-story-section={section}>
      {chapters.map((C, i) => (
        <C key={i} />
      ))}
    </div>
  );
}
