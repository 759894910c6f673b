import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { CurrentImage, ImageOrigin } from '../../model';
import { ImageError } from '../../model/image/imageError';
import { CameraCapture } from './CameraCapture';
import { useClassifyText } from './useClassifyText';

export interface InputError {
  code: string;
  key: ImageError['messageKey'];
  params: Record<string, string | number>;
}

interface Props {
  busy: boolean;
  /** decodes and shows a picture; rejects (ImageError) when it cannot */
  openFile(blob: Blob, name: string, origin: ImageOrigin): Promise<void>;
  setImage(image: CurrentImage): void;
  /** a dropped .safetensors file goes to the weights loader instead */
  onWeightsFile(file: File): void;
  onError(error: InputError | null): void;
}

const isWeightsFile = (f: File) => /\.safetensors$/i.test(f.name);

/** Whether the event is typing into a field, where paste must keep its usual meaning. */
const inTextField = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) &&
  !(target instanceof HTMLInputElement && (target.type === 'file' || target.type === 'button'));

function toInputError(err: unknown): InputError {
  const e = err instanceof ImageError ? err : new ImageError('decode-failed', { format: '?' });
  return { code: e.code, key: e.messageKey, params: e.params };
}

/** File picker, drop zone (the whole page accepts drops while this section is open), paste and camera. */
export function ImageInput({ busy, openFile, setImage, onWeightsFile, onError }: Props) {
  const { t } = useClassifyText();
  const inputId = useId();
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);

  const open = useCallback(
    (file: File | Blob, name: string, origin: ImageOrigin) => {
      onError(null);
      openFile(file, name, origin).catch((err: unknown) => onError(toInputError(err)));
    },
    [openFile, onError],
  );

  const take = useCallback(
    (files: FileList | null | undefined, origin: ImageOrigin) => {
      const file = files?.[0];
      if (!file) return;
      if (isWeightsFile(file)) onWeightsFile(file);
      else open(file, file.name, origin);
    },
    [open, onWeightsFile],
  );

  useEffect(() => {
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current++;
      setDragging(true);
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!e.dataTransfer || !hasFiles(e)) return;
      e.preventDefault();
      depth.current = 0;
      setDragging(false);
      take(e.dataTransfer.files, 'drop');
    };
    const onPaste = (e: ClipboardEvent) => {
      if (inTextField(e.target) || !e.clipboardData) return;
      const item = Array.from(e.clipboardData.items).find((i) => i.kind === 'file');
      const file = item?.getAsFile();
      e.preventDefault();
      if (!file) {
        onError(toInputError(new ImageError('paste-empty')));
        return;
      }
      open(file, file.name && file.name !== 'image.png' ? file.name : t('classify.input.pasted'), 'paste');
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
      document.removeEventListener('paste', onPaste);
    };
  }, [take, open, onError, t]);

  return (
    <div
      className={`classify-drop${dragging ? ' is-dragging' : ''}`}
      data-testid="drop-zone"
      data-dragging={dragging}
    >
      <p className="classify-drop-hint">
        {dragging ? t('classify.input.dropActive') : t('classify.input.dropHint')}
      </p>
      <div className="classify-drop-actions">
        <input
          id={inputId}
          className="classify-file-input"
          type="file"
          accept="image/*"
          data-testid="file-input"
          onChange={(e) => {
            take(e.currentTarget.files, 'upload');
            e.currentTarget.value = '';
          }}
        />
        <label htmlFor={inputId} className="button-like">
          {t('classify.input.choose')}
        </label>
        <CameraCapture
          onCapture={(decoded) => {
            onError(null);
            setImage({ ...decoded, name: t('classify.input.photo'), origin: 'camera' });
          }}
          onError={() => onError(toInputError(new ImageError('camera')))}
        />
      </div>
      <p className="classify-status" role="status">
        {busy ? t('classify.input.reading') : ''}
      </p>
    </div>
  );
}
