import { useState } from 'react';
import { CIFAR_MEAN, CIFAR_STD } from '../../../resnext/modelMeta';
import { useBackend } from '../../backend/BackendContext';
import { useCurrentImage, useModel } from '../../model';
import type { InputMeta } from '../../model/makeInput';
import { CompareCardinalities } from './CompareCardinalities';
import { CustomWeights } from './CustomWeights';
import { ImageInput, type InputError } from './ImageInput';
import { ImagePreview } from './ImagePreview';
import { ModelPanel } from './ModelPanel';
import { PredictionPanel } from './PredictionPanel';
import { Reliability } from './Reliability';
import { SampleGallery } from './SampleGallery';
import { useClassification } from './useClassification';
import { useClassifyText } from './useClassifyText';
import { useCustomWeights } from './useCustomWeights';
import './classify.css';

/** Until a model is loaded, the preview shows the CIFAR-10 crop. */
const CIFAR_INPUT: InputMeta = { arch: 'cifar', inputSize: 32, mean: CIFAR_MEAN, std: CIFAR_STD };

export function ClassifySection() {
  const { t, message } = useClassifyText();
  const backend = useBackend();
  const { model } = useModel();
  const images = useCurrentImage();
  const { image } = images;
  const backendName = backend.status === 'ready' ? (backend.info?.name ?? null) : null;
  const classification = useClassification(model, image, backendName);
  const custom = useCustomWeights();
  const [inputError, setInputError] = useState<InputError | null>(null);

  const result = classification.result;
  const waiting = !!result && (result.model !== model || result.image !== image);
  const sampleError = !inputError && images.error && images.status === 'error' ? images.error : null;

  return (
    <div data-section-body="classify" className="classify">
      <p className="classify-intro">{t('classify.intro')}</p>
      <div className="classify-grid">
        <section className="classify-panel" aria-labelledby="classify-input-heading">
          <h2 id="classify-input-heading">{t('classify.input.heading')}</h2>
          <ImageInput
            busy={images.status === 'loading'}
            openFile={images.openFile}
            setImage={images.setImage}
            onWeightsFile={(file) => void custom.load(file)}
            onError={setInputError}
          />
          <div role="alert" className="classify-alert">
            {inputError && (
              <div className="classify-error" data-testid="image-error" data-code={inputError.code}>
                <p>{message({ key: inputError.key, params: inputError.params })}</p>
                {image && <p>{t('classify.image.errorKept')}</p>}
              </div>
            )}
            {sampleError && (
              <div className="classify-error" data-testid="image-error" data-code="sample">
                <p>{message(sampleError)}</p>
              </div>
            )}
          </div>
          <SampleGallery
            selectedId={images.sampleId}
            onSelect={(id) => {
              setInputError(null);
              images.selectSample(id);
            }}
          />
        </section>
        <section className="classify-panel" aria-labelledby="classify-preview-heading">
          <h2 id="classify-preview-heading">{t('classify.preview.heading')}</h2>
          <ImagePreview image={image} meta={model?.meta ?? CIFAR_INPUT} backendReady={backendName !== null} />
        </section>
        <section className="classify-panel" aria-labelledby="classify-result-heading">
          <h2 id="classify-result-heading">{t('classify.result.heading')}</h2>
          <ModelPanel />
          <PredictionPanel classification={classification} waiting={waiting} />
          <Reliability />
        </section>
      </div>
      <CompareCardinalities image={image} backendReady={backendName !== null} />
      <CustomWeights state={custom.state} load={custom.load} clearError={custom.clearError} />
    </div>
  );
}
