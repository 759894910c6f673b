import type { ImageStoreValue } from '../../model';
import { SAMPLES } from '../../model/image/samples';
import { isMessageKey } from '../../../i18n/runtime';
import { Field } from '../../block/Field';
import { useT, type T } from '../../i18n/useT';

const OWN = '__own__';

/** The sample's name from the Classify catalog, or its id where that has none. */
function sampleLabel(t: T, id: string): string {
  const key = `classify.sample.${id}`;
  return isMessageKey(key) ? t(key) : id;
}

/** Chooses the sample photo the block runs on; the reader's own picture (from Classify) shows as one more entry. */
export function ImagePicker({ store }: { store: ImageStoreValue }) {
  const t = useT();
  const { image, sampleId, selectSample } = store;
  const own = image && !sampleId;
  return (
    <Field label={t('step.image.label')}>
      {(id) => (
        <select
          id={id}
          data-testid="image-select"
          data-image={image?.name ?? ''}
          value={own ? OWN : (sampleId ?? SAMPLES[0].id)}
          onChange={(e) => e.target.value !== OWN && selectSample(e.target.value)}
        >
          {own && <option value={OWN}>{t('step.image.own', { name: image.name })}</option>}
          {SAMPLES.map((s) => (
            <option key={s.id} value={s.id}>
              {sampleLabel(t, s.id)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
