import { useEffect, useRef, useState } from 'react';
import { captureVideoFrame, type DecodedImage } from '../../model/image/decodeImage';
import { useClassifyText } from './useClassifyText';

interface Props {
  onCapture(image: DecodedImage): void;
  onError(): void;
}

const cameraAvailable = () => typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;

/** A still from the device camera, where there is one. The stream stops as soon as the photo is taken. */
export function CameraCapture({ onCapture, onError }: Props) {
  const { t } = useClassifyText();
  const [stream, setStream] = useState<MediaStream | null>(null);
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    const v = video.current;
    if (v && stream) {
      v.srcObject = stream;
      void v.play().catch(() => undefined);
    }
    return () => stream?.getTracks().forEach((track) => track.stop());
  }, [stream]);

  if (!cameraAvailable()) return null;

  const start = async () => {
    try {
      setStream(
        await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }),
      );
    } catch {
      onError();
    }
  };

  const capture = () => {
    const v = video.current;
    try {
      if (!v) throw new Error('no video');
      onCapture(captureVideoFrame(v));
    } catch {
      onError();
    }
    setStream(null);
  };

  if (!stream) {
    return (
      <button type="button" onClick={() => void start()}>
        {t('classify.input.camera')}
      </button>
    );
  }
  return (
    <div className="classify-camera">
      <video ref={video} muted playsInline aria-label={t('classify.input.cameraLabel')} />
      <div className="classify-camera-actions">
        <button type="button" onClick={capture}>
          {t('classify.input.cameraCapture')}
        </button>
        <button type="button" onClick={() => setStream(null)}>
          {t('classify.input.cameraCancel')}
        </button>
      </div>
    </div>
  );
}
