import { useId } from 'react';
import { CUSTOM_MODEL_ID, DEFAULT_MODEL_ID, SHIPPED_MODELS, settingLabel, useModelStore } from '../../model';
import { describeVariant, variantText } from '../../model/variant';
import { useAppState } from '../../state/AppStateContext';
import { formatBytes, formatCount } from './format';
import { useClassifyText } from './useClassifyText';
import { MAX_RESTARTS } from '../../../resnext/downloadLimits';

/** Which network classifies, its download progress, what it is, and a way back from the reader's weights. */
export function ModelPanel() {
  const { t, locale, message } = useClassifyText();
  const [, update] = useAppState();
  const store = useModelStore();
  const selectId = useId();
  const { status, progress, model, error, modelId, customName } = store;

  const options = SHIPPED_MODELS.map((m) => ({
    id: m.id,
    label:
      m.kind === 'default'
        ? t('classify.model.default', { setting: settingLabel(m), epochs: m.epochs })
        : t('classify.model.family', { setting: settingLabel(m), epochs: m.epochs }),
  }));
  if (customName)
    options.push({ id: CUSTOM_MODEL_ID, label: t('classify.model.custom', { name: customName }) });

  const variant = model ? describeVariant(model.spec) : null;

  return (
    <div className="classify-model">
      <div className="field">
        <label htmlFor={selectId}>{t('classify.model.label')}</label>
        <select
          id={selectId}
          data-testid="model-select"
          value={modelId}
          onChange={(e) => update({ model: e.currentTarget.value })}
        >
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      {status === 'loading' && progress && (
        <div className="classify-progress">
          <progress
            data-testid="model-progress"
            aria-label={t('classify.model.progressLabel')}
            max={progress.total ?? undefined}
            value={progress.total ? progress.loaded : undefined}
          />
          <span>
            {progress.total
              ? t('classify.model.downloading', {
                  loaded: formatBytes(progress.loaded, locale),
                  total: formatBytes(progress.total, locale),
                })
              : t('classify.model.downloadingUnknown', { loaded: formatBytes(progress.loaded, locale) })}
          </span>
          {(progress.restarts ?? 0) > 0 && (
            <span role="status" data-testid="download-restarts" data-restarts={progress.restarts}>
              {t('classify.model.restarted', { restart: progress.restarts ?? 0, max: MAX_RESTARTS })}
            </span>
          )}
        </div>
      )}
      {status === 'loading' && !progress && <p className="loading">{t('classify.model.building')}</p>}
      {status === 'error' && error && (
        <div role="alert" className="classify-error" data-testid="model-error">
          <p>{message(error)}</p>
          <button type="button" onClick={store.retry}>
            {t('classify.model.retry')}
          </button>
        </div>
      )}
      {model && variant && (
        <p
          className="classify-fineprint"
          data-testid="model-summary"
          data-arch={model.meta.arch}
          data-classes={model.meta.classes.length}
        >
          {t('classify.model.summary', {
            label: variantText(variant, t),
            params: formatCount(model.meta.params, locale),
            classes: formatCount(model.meta.classes.length, locale),
            size: model.meta.inputSize,
          })}
        </p>
      )}
      {modelId === CUSTOM_MODEL_ID && (
        <button type="button" data-testid="back-to-cifar" onClick={() => update({ model: DEFAULT_MODEL_ID })}>
          {t('classify.model.backToCifar')}
        </button>
      )}
    </div>
  );
}
