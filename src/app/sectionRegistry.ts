import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { MessageKey } from '../i18n';
import { SECTIONS, type SectionId } from './state/appState';

export interface SectionEntry {
  id: SectionId;
  navKey: MessageKey;
  titleKey: MessageKey;
  Component: LazyExoticComponent<ComponentType>;
}

// Each section is its own chunk: the first paint loads only the section on screen.
const components: Record<SectionId, LazyExoticComponent<ComponentType>> = {
  overview: lazy(() =>
    import('./sections/overview/OverviewSection').then((m) => ({ default: m.OverviewSection })),
  ),
  forms: lazy(() => import('./sections/forms/FormsSection').then((m) => ({ default: m.FormsSection }))),
  step: lazy(() => import('./sections/step/StepSection').then((m) => ({ default: m.StepSection }))),
  classify: lazy(() =>
    import('./sections/classify/ClassifySection').then((m) => ({ default: m.ClassifySection })),
  ),
  numbers: lazy(() =>
    import('./sections/numbers/NumbersSection').then((m) => ({ default: m.NumbersSection })),
  ),
  lab: lazy(() => import('./sections/lab/LabSection').then((m) => ({ default: m.LabSection }))),
};

/** The sections in reading order, as the header lists them. */
export const sectionEntries: readonly SectionEntry[] = SECTIONS.map((id) => ({
  id,
  navKey: `nav.${id}`,
  titleKey: `section.${id}.title`,
  Component: components[id],
}));

export function sectionEntry(id: SectionId): SectionEntry {
  return sectionEntries.find((s) => s.id === id) ?? sectionEntries[0];
}
