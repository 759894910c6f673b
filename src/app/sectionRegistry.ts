import { createElement, lazy, type ComponentType } from 'react';
import type { MessageKey } from '../i18n';
import { SECTIONS, type SectionId } from './state/appState';

export interface SectionEntry {
  id: SectionId;
  navKey: MessageKey;
  titleKey: MessageKey;
  Component: ComponentType;
}

// Each section is its own chunk: the first paint loads only the section on screen.
const loaders: Record<SectionId, () => Promise<ComponentType>> = {
  overview: () => import('./sections/overview/OverviewSection').then((m) => m.OverviewSection),
  forms: () => import('./sections/forms/FormsSection').then((m) => m.FormsSection),
  step: () => import('./sections/step/StepSection').then((m) => m.StepSection),
  classify: () => import('./sections/classify/ClassifySection').then((m) => m.ClassifySection),
  numbers: () => import('./sections/numbers/NumbersSection').then((m) => m.NumbersSection),
  lab: () => import('./sections/lab/LabSection').then((m) => m.LabSection),
};

const loaded = new Map<SectionId, ComponentType>();

/**
 * Loads a section's chunk. A section whose chunk is in renders at once; one still loading suspends (its
 * Suspense fallback shows, and React then holds the section back for up to 300 ms after the fallback appeared,
 * as it throttles every reveal). main.tsx loads the address's section before the app's first render, which so
 * never suspends on it.
 */
export function loadSection(id: SectionId): Promise<ComponentType> {
  return loaders[id]().then((C) => {
    loaded.set(id, C);
    return C;
  });
}

function sectionComponent(id: SectionId): ComponentType {
  const Lazy = lazy(() => loadSection(id).then((C) => ({ default: C })));
  const Section = () => createElement(loaded.get(id) ?? Lazy);
  Section.displayName = `Section(${id})`;
  return Section;
}

const components = Object.fromEntries(SECTIONS.map((id) => [id, sectionComponent(id)])) as Record<
  SectionId,
  ComponentType
>;

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
