import { useId, useState } from 'react';
import { variantText } from '../../model/variant';
import { formatBytes } from './format';
import type { CustomWeightsState } from './useCustomWeights';
import { useClassifyText } from './useClassifyText';
import { checkWeightsUrl, type WeightsUrlCheck } from './weightsUrl';

interface Props {
  state: CustomWeightsState;
  load(source: File | string): Promise<void>;
  /** forgets the last load's error when a newer problem replaces it */
  clearError?(): void;
}

/** Bring your own ImageNet ResNet/ResNeXt: a safetensors file from disk or from an address. */
export function CustomWeights({ state, load, clearError = () => {} }: Props) {
  const { t, locale, message } = useClassifyText();
  const fileId = useId();
  const urlId = useId();
  const [url, setUrl] = useState('');
  // Why the address typed cannot be loaded; checked before any request is made.
  const [urlProblem, setUrlProblem] = useState<Exclude<WeightsUrlCheck, { ok: true }> | null>(null);
  const reading = state.status === 'reading';

  const submitUrl = () => {
    const check = checkWeightsUrl(url, document.baseURI);
    if (check.ok) {
      setUrlProblem(null);
      void load(check.url);
    } else {
      // one error at a time: the new problem replaces the last load's error
      clearError();
      setUrlProblem(check);
    }
  };

  return (
    <section className="classify-custom" aria-labelledby="classify-custom-heading">
      <h2 id="classify-custom-heading">{t('classify.custom.heading')}</h2>
      <p>{t('classify.custom.intro')}</p>
      <div className="classify-custom-row">
        <div className="field">
          <span id={`${fileId}-label`}>{t('classify.custom.file')}</span>
          <input
            id={fileId}
            className="classify-file-input"
            type="file"
            accept=".safetensors,application/octet-stream"
            data-testid="weights-file"
            aria-labelledby={`${fileId}-label`}
            disabled={reading}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) {
                setUrlProblem(null);
                void load(file);
              }
            }}
          />
          <label htmlFor={fileId} className="button-like">
            {t('classify.custom.choose')}
          </label>
        </div>
        <form
          noValidate
          className="field classify-url"
          onSubmit={(e) => {
            e.preventDefault();
            submitUrl();
          }}
        >
          <label htmlFor={urlId}>{t('classify.custom.url')}</label>
          <div className="classify-url-row">
            <input
              id={urlId}
              type="url"
              inputMode="url"
              data-testid="weights-url"
              value={url}
              aria-describedby={`${urlId}-hint`}
              aria-invalid={urlProblem !== null}
              onChange={(e) => setUrl(e.currentTarget.value)}
              placeholder="models/resnext50_32x4d.safetensors"
            />
            <button type="submit" data-testid="weights-load" disabled={reading}>
              {t('classify.custom.load')}
            </button>
          </div>
          <p
            id={`${urlId}-hint`}
            className="classify-fineprint"
            data-testid="weights-url-hint"
            aria-live="polite"
            data-problem={urlProblem?.reason}
          >
            {urlProblem
              ? urlProblem.reason === 'cross-origin'
                ? t('classify.custom.crossOrigin', { origin: urlProblem.origin })
                : t('classify.custom.badUrl')
              : t('classify.custom.urlHint')}
          </p>
        </form>
      </div>
      {reading && state.progress && (
        <div className="classify-progress">
          <progress
            data-testid="weights-progress"
            aria-label={t('classify.custom.progressLabel')}
            max={state.progress.total ?? undefined}
            value={state.progress.total ? state.progress.loaded : undefined}
          />
          <span>
            {state.progress.total
              ? t('classify.custom.reading', {
                  name: state.name ?? '',
                  loaded: formatBytes(state.progress.loaded, locale),
                  total: formatBytes(state.progress.total, locale),
                })
              : t('classify.custom.readingUnknown', {
                  name: state.name ?? '',
                  loaded: formatBytes(state.progress.loaded, locale),
                })}
          </span>
        </div>
      )}
      <div aria-live="polite">
        {state.status === 'done' && state.variant && (
          <p data-testid="custom-summary" data-variant={state.variant.label}>
            {t('classify.custom.loaded', { label: variantText(state.variant, t), name: state.name ?? '' })}
          </p>
        )}
      </div>
      {state.status === 'error' && state.error && (
        <p role="alert" className="classify-error" data-testid="weights-error" data-key={state.error.key}>
          {message(state.error)}
        </p>
      )}
    </section>
  );
}
