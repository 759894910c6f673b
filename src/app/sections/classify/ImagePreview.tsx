import { Figure } from '../../layout/Figure';
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { MessageKey } from '../../../i18n';
import type { CurrentImage } from '../../model';
import type { InputMeta } from '../../model/makeInput';
import { drawPixels } from '../../../viz/classify/pixelCanvas';
import { useClassifyText } from './useClassifyText';

interface Props {
  image: CurrentImage | null;
  /** how the current model prepares its input */
  meta: InputMeta;
  /** false until a compute backend runs (the crop is computed with it) */
  backendReady: boolean;
}

/** The picture as kept, and enlarged with crisp pixels the exact crop the network receives. */
export function ImagePreview({ image, meta, backendReady }: Props) {
  const { t } = useClassifyText();
  const original = useRef<HTMLCanvasElement>(null);
  const crop = useRef<HTMLCanvasElement>(null);

  // drawn in the commit that adds the canvas, so that its first frame holds the picture, not a blank canvas
  useLayoutEffect(() => {
    if (image && original.current) drawPixels(original.current, image.pixels);
  }, [image]);

  const { arch, inputSize, mean, std } = meta;
  useEffect(() => {
    if (!image || !backendReady) return;
    let cancelled = false;
    // TensorFlow.js loads with the backend, after the picture itself is on screen
    void Promise.all([import('@tensorflow/tfjs-core'), import('../../model/makeInput')]).then(
      ([tf, { networkCrop }]) => {
        if (cancelled) return;
        const t3 = networkCrop(image.pixels, { arch, inputSize, mean, std });
        const bytes = tf.tidy(() => tf.cast(tf.clipByValue(tf.round(t3), 0, 255), 'int32'));
        t3.dispose();
        return bytes
          .data()
          .then((data) => {
            if (!cancelled && crop.current)
              drawPixels(crop.current, { data, width: inputSize, height: inputSize });
          })
          .finally(() => bytes.dispose());
      },
    );
    return () => {
      cancelled = true;
    };
  }, [image, backendReady, arch, inputSize, mean, std]);

  if (!image) return <p className="loading">{t('app.loading')}</p>;
  const notes: MessageKey[] = [
    ...image.notes.map((n) => `classify.note.${n}` as MessageKey),
    ...(image.hadAlpha ? (['classify.note.alpha'] as MessageKey[]) : []),
  ];
  // Tiny pictures are shown enlarged with crisp pixels rather than as a dot.
  const side = Math.max(image.pixels.width, image.pixels.height);
  const zoom = side < 160 ? Math.floor(160 / side) : 1;
  return (
    <Figure id="fig-classify-preview" kind="classify-preview" label={t('classify.preview.heading')}>
      <div className="classify-preview">
        <figure>
          <canvas
            ref={original}
            className={`classify-original${zoom > 1 ? ' is-zoomed' : ''}`}
            style={
              zoom > 1 ? { width: image.pixels.width * zoom, height: image.pixels.height * zoom } : undefined
            }
            data-testid="original"
            role="img"
            aria-label={t('classify.preview.originalAlt', { name: image.name })}
          />
          <figcaption>
            {t('classify.preview.original', {
              name: image.name,
              width: image.originalWidth,
              height: image.originalHeight,
            })}
          </figcaption>
        </figure>
        <figure>
          <canvas
            ref={crop}
            className="classify-crop"
            data-testid="network-crop"
            data-size={inputSize}
            width={inputSize}
            height={inputSize}
            role="img"
            aria-label={t('classify.preview.cropAlt', { size: inputSize })}
          />
          <figcaption>{t('classify.preview.crop', { size: inputSize })}</figcaption>
        </figure>
        {notes.length > 0 && (
          <ul className="classify-notes" data-testid="image-notes">
            {notes.map((key) => (
              <li key={key} data-note={key.slice('classify.note.'.length)}>
                {t(key)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Figure>
  );
}
