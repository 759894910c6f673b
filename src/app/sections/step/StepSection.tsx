import { lazy, Suspense } from 'react';
import { resnext29Spec } from '../../../resnext/spec';
import { useT } from '../../i18n/useT';
import { useCurrentImage, useModel } from '../../model';
import { useAppState } from '../../state/AppStateContext';
import { BlockPicker } from './BlockPicker';
import { ImagePicker } from './ImagePicker';
import { NetworkMap } from './network/NetworkMap';

import { useBlockTrace } from './useBlockTrace';
import './step.css';

/** The walker reads a trace, so it loads with TensorFlow.js, after the section's first figure. */
const StepWalker = lazy(() => import('./StepWalker').then((m) => ({ default: m.StepWalker })));

/** Until the model is there, the block list shows the trained network's blocks. */
const DEFAULT_SPEC = resnext29Spec(32, 4);

/** One block of the trained network, walked step by step on the current image. */
export function StepSection() {
  const t = useT();
  const [state, update] = useAppState();
  const { status, progress, model, error, retry } = useModel();
  const imageStore = useCurrentImage();
  const { image } = imageStore;
  const pixels = image?.pixels ?? null;
  const hasBlock = model ? model.spec.stages.flat().some((b) => b.name === state.block) : true;
  const trace = useBlockTrace(model, pixels, hasBlock ? state.block : '');

  const percent = progress?.total ? Math.round((100 * progress.loaded) / progress.total) : null;
  let body;
  if (error) {
    body = (
      <div role="alert" className="notice notice-error">
        <p>{t('step.error.model', { message: t(error.key, error.params) })}</p>
        <button type="button" onClick={retry}>
          {t('app.retry')}
        </button>
      </div>
    );
  } else if (!model || status !== 'ready') {
    // The live region says what is happening once; the bar, not a changing text, carries the percentage.
    body = (
      <div className="loading st-loading" data-testid="step-loading">
        <p role="status">{t('step.loading.model')}</p>
        <progress
          className="st-progress"
          aria-label={t('step.loading.model')}
          max={100}
          value={percent ?? undefined}
        />
      </div>
    );
  } else if (!pixels) {
    body = <p className="notice">{t('step.noImage')}</p>;
  } else if (trace.status === 'error') {
    body = (
      <p role="alert" className="notice notice-error">
        {t('step.error.trace', { message: trace.error ? t(trace.error.key, trace.error.params) : '' })}
      </p>
    );
  } else if (!trace.reader) {
    body = (
      <p className="loading" role="status" data-testid="step-loading">
        {t('step.loading.trace', { block: state.block })}
      </p>
    );
  } else {
    body = (
      <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
        <StepWalker reader={trace.reader} network={model.spec} />
      </Suspense>
    );
  }

  return (
    <div data-section-body="step" className="st-section">
      <NetworkMap model={status === 'ready' ? model : null} pixels={pixels} />
      <div className="st-row">
        <BlockPicker
          spec={model?.spec ?? DEFAULT_SPEC}
          value={state.block}
          onChange={(block) => update({ block })}
        />
        <ImagePicker store={imageStore} />
      </div>
      {body}
    </div>
  );
}
