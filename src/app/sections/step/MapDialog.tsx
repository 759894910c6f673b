import { useEffect, useId, useMemo, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import type { ColorScaleKind } from '../../../viz/activations/colorScale';
import type { MapSource } from '../../../viz/activations/mapSource';
import type { Normalisation } from '../../../viz/activations/normalise';
import { gridLayoutFor, renderMapGrid } from '../../../viz/activations/renderMapGrid';
import { useT } from '../../i18n/useT';
import { ColorLegend } from './ColorLegend';
import { useColorScheme } from './useColorScheme';

/** About this many canvas pixels across the enlarged map (a whole number of pixels per value). */
const TARGET_PX = 320;

export interface MapDialogProps {
  /** the grid's maps; `channel` is the one shown */
  source: MapSource;
  channel: number;
  kind: ColorScaleKind;
  normalisation: Normalisation;
  /** the colour-scale end the grid uses for this map */
  scale: number;
  /** the map's name, e.g. "Channel 12" */
  title: string;
  /** what the maps are (the grid's caption) */
  caption?: string;
  onClose: () => void;
}

/**
 * One map of a grid, enlarged in a modal dialog with its name and legend. The focus starts on the close button;
 * Escape, the button or a press on the backdrop closes it.
 */
export function MapDialog(p: MapDialogProps) {
  const t = useT();
  const scheme = useColorScheme();
  const dialog = useRef<HTMLDialogElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const titleId = useId();
  const { source, channel, kind, normalisation, scale } = p;

  const single = useMemo<MapSource>(
    () => ({ ...source, channels: 1, offset: source.offset + channel * source.cStride }),
    [source, channel],
  );
  const layout = useMemo(
    () =>
      gridLayoutFor(single, {
        scale: Math.max(1, Math.floor(TARGET_PX / Math.max(single.width, single.height))),
      }),
    [single],
  );

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (!d.open) d.showModal();
    return () => {
      if (d.open) d.close();
    };
  }, []);

  useEffect(() => {
    if (!canvas.current) return;
    renderMapGrid(canvas.current, single, { kind, normalisation, layout, scales: Float32Array.of(scale) });
  }, [single, kind, normalisation, layout, scale, scheme]);

  // The step-through's keys (arrows, Space) stay in the dialog; Escape still closes it (the browser's default).
  const keepKeys = (e: KeyboardEvent<HTMLDialogElement>) => e.stopPropagation();
  // A press on the backdrop lands on the dialog element itself (its content fills a box inside it).
  const onBackdrop = (e: MouseEvent<HTMLDialogElement>) => {
    if (e.target === e.currentTarget) e.currentTarget.close();
  };

  return (
    <dialog
      ref={dialog}
      className="st-map-dialog"
      aria-labelledby={titleId}
      data-testid="map-dialog"
      data-channel={channel}
      onClose={p.onClose}
      onKeyDown={keepKeys}
      onClick={onBackdrop}
    >
      <div className="st-map-dialog-body">
        <h2 id={titleId} className="st-map-dialog-title">
          {p.title}
        </h2>
        {p.caption && <p className="st-map-dialog-caption">{p.caption}</p>}
        <canvas
          ref={canvas}
          className="st-map-dialog-canvas"
          role="img"
          aria-label={p.caption ? `${p.title}. ${p.caption}` : p.title}
          data-testid="map-dialog-canvas"
        />
        <ColorLegend kind={kind} normalisation={normalisation} max={scale} />
        <form method="dialog" className="st-map-dialog-actions">
          <button type="submit" data-testid="map-dialog-close">
            {t('step.mapDialog.close')}
          </button>
        </form>
      </div>
    </dialog>
  );
}
