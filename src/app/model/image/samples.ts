/**
 * The sample photos in public/samples/ (sources and licences in public/samples/ATTRIBUTION.md). The first
 * is the picture every section starts with. `cifarClass` is the CIFAR-10 class the photo shows, or null for
 * photos of things outside the ten classes (the network must still pick one of its ten).
 */
export interface Sample {
  id: string;
  file: string;
  cifarClass: string | null;
}

export const SAMPLES: readonly Sample[] = [
  { id: 'cat', file: 'cat.jpg', cifarClass: 'cat' },
  { id: 'horse', file: 'horse.jpg', cifarClass: 'horse' },
  { id: 'rocket', file: 'rocket.jpg', cifarClass: null },
  { id: 'astronaut', file: 'astronaut.jpg', cifarClass: null },
  { id: 'coffee', file: 'coffee.jpg', cifarClass: null },
];

export const DEFAULT_SAMPLE = SAMPLES[0];

/** The sample with this id; an unknown or empty id means the first. */
export function sampleById(id: string): Sample {
  return SAMPLES.find((s) => s.id === id) ?? DEFAULT_SAMPLE;
}

export const sampleUrl = (s: Sample): string => `${import.meta.env.BASE_URL}samples/${s.file}`;
