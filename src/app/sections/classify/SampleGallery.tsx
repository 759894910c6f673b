import type { MessageKey } from '../../../i18n';
import { SAMPLES, sampleUrl } from '../../model/image/samples';
import { useClassifyText } from './useClassifyText';

interface Props {
  selectedId: string | null;
  onSelect(id: string): void;
}

/** The shipped photos as buttons; the one shown is pressed. */
export function SampleGallery({ selectedId, onSelect }: Props) {
  const { t } = useClassifyText();
  return (
    <section className="classify-samples" aria-labelledby="classify-samples-heading">
      <h3 id="classify-samples-heading">{t('classify.samples.heading')}</h3>
      <ul>
        {SAMPLES.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              aria-pressed={selectedId === s.id}
              data-sample={s.id}
              onClick={() => onSelect(s.id)}
            >
              <img src={sampleUrl(s)} alt="" width="72" height="48" loading="lazy" decoding="async" />
              <span>{t(`classify.sample.${s.id}` as MessageKey)}</span>
            </button>
          </li>
        ))}
      </ul>
      <p className="classify-fineprint">{t('classify.samples.note')}</p>
    </section>
  );
}
