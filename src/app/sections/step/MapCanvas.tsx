import {
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
} from 'react';
import type { ColorScaleKind } from '../../../viz/activations/colorScale';
import { cssToRgba, cssVar } from '../../../viz/activations/cssColor';
import { hitTest } from '../../../viz/activations/gridLayout';
import { valueAt, type MapSource } from '../../../viz/activations/mapSource';
import { channelScales, type Normalisation } from '../../../viz/activations/normalise';
import { gridLayoutFor, renderMapGrid } from '../../../viz/activations/renderMapGrid';
import { formatFixed } from '../../block/format';
import { useT } from '../../i18n/useT';
import { useAppState } from '../../state/AppStateContext';
import { MapDialog } from './MapDialog';
import { useColorScheme } from './useColorScheme';

export interface MapCanvasProps {
  source: MapSource;
  kind: ColorScaleKind;
  normalisation: Normalisation;
  /** canvas pixels per tensor pixel */
  scale: number;
  groupSize?: number;
  /** frame single maps too, so one can be highlighted */
  framed?: boolean;
  highlightGroup?: number;
  maxColumns?: number;
  targetWidth?: number;
  /** accessible name of the canvas */
  label: string;
  /** what the maps are, shown under a map's name when it opens larger */
  caption?: string;
  /** colour-scale ends to use instead of measuring these maps */
  scales?: ArrayLike<number>;
  /** the tensor channel (0-based) map 0 is; the read-out numbers channels from 1 */
  firstChannel?: number;
  /** what the read-out calls map i, when not a channel number */
  mapName?: (index: number) => string;
  testId?: string;
  /**
   * Makes the values pickable: a click, or Enter / Space on the focused canvas, picks the value under the
   * pointer or the read-out point (map index, row, column).
   */
  onPick?: (pick: MapPoint) => void;
  /** the picked value, marked on its map */
  picked?: MapPoint | null;
}

/** A value of one map: map index (0-based, within these maps), row and column. */
export interface MapPoint {
  channel: number;
  y: number;
  x: number;
}

interface Probe {
  channel: number;
  x: number;
  y: number;
  /** read-outs from the keyboard are announced, those from pointer moves are not */
  byKey?: boolean;
}

/**
 * A grid of activation maps on one canvas, with a read-out of the value under the pointer; focused, the arrow
 * keys move the read-out point and Page Up / Page Down change the map. Where the values are not pickable, a
 * click on a map, or Enter / Space on the focused canvas, opens that map larger in a dialog (MapDialog).
 */
export function MapCanvas(p: MapCanvasProps) {
  const t = useT();
  const [{ lang }] = useAppState();
  const scheme = useColorScheme();
  const ref = useRef<HTMLCanvasElement>(null);
  const [probe, setProbe] = useState<Probe | null>(null);
  /** the map shown larger, if any */
  const [opened, setOpened] = useState<number | null>(null);
  const { source, kind, normalisation, scale, groupSize, framed, maxColumns, targetWidth, highlightGroup } =
    p;

  const layout = useMemo(
    () => gridLayoutFor(source, { scale, groupSize, framed, maxColumns, targetWidth }),
    [source, scale, groupSize, framed, maxColumns, targetWidth],
  );
  const given = p.scales;
  const scales = useMemo(
    () => given ?? channelScales(source, kind, normalisation),
    [given, source, kind, normalisation],
  );

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const framedGroups = layout.groupSize > 1;
    renderMapGrid(canvas, source, {
      kind,
      normalisation,
      layout,
      scales,
      groupFills: framedGroups
        ? [cssToRgba(cssVar(canvas, '--surface-2')), cssToRgba(cssVar(canvas, '--border'))]
        : undefined,
      highlight:
        highlightGroup !== undefined
          ? { group: highlightGroup, color: cssToRgba(cssVar(canvas, '--accent')) }
          : undefined,
    });
  }, [source, kind, normalisation, layout, scales, highlightGroup, scheme]);

  const first = p.firstChannel ?? 0;
  const clampProbe = (q: Probe): Probe => ({
    ...q,
    channel: Math.min(source.channels - 1, Math.max(0, q.channel)),
    x: Math.min(source.width - 1, Math.max(0, q.x)),
    y: Math.min(source.height - 1, Math.max(0, q.y)),
  });

  /** The map value under the pointer, if any. */
  const pointAt = (e: MouseEvent<HTMLCanvasElement>) => {
    const c = e.currentTarget;
    const r = c.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return null;
    return hitTest(
      layout,
      ((e.clientX - r.left) * c.width) / r.width,
      ((e.clientY - r.top) * c.height) / r.height,
    );
  };

  // A move of the mouse, or a touch (which moves nothing before it lands), shows the value under it.
  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const hit = pointAt(e);
    if (hit) setProbe({ ...hit, byKey: false });
  };

  const onClick = (e: MouseEvent<HTMLCanvasElement>) => {
    const hit = pointAt(e);
    if (!hit) return;
    if (p.onPick) p.onPick({ channel: hit.channel, y: hit.y, x: hit.x });
    else setOpened(hit.channel);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const q = probe ?? { channel: 0, x: 0, y: 0 };
    const moves: Record<string, Probe> = {
      ArrowLeft: { ...q, x: q.x - 1 },
      ArrowRight: { ...q, x: q.x + 1 },
      ArrowUp: { ...q, y: q.y - 1 },
      ArrowDown: { ...q, y: q.y + 1 },
      PageUp: { ...q, channel: q.channel - 1 },
      PageDown: { ...q, channel: q.channel + 1 },
    };
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      const at = clampProbe(q);
      if (p.onPick) p.onPick({ channel: at.channel, y: at.y, x: at.x });
      else setOpened(at.channel);
      return;
    }
    const next = moves[e.key];
    if (!next) return;
    e.preventDefault();
    e.stopPropagation();
    setProbe({ ...clampProbe(probe ? next : q), byKey: true });
  };

  const shown = probe && probe.channel < source.channels ? clampProbe(probe) : null;
  const readout = shown
    ? t('step.probe', {
        channel: p.mapName ? p.mapName(shown.channel) : first + shown.channel + 1,
        x: shown.x,
        y: shown.y,
        value: formatFixed(valueAt(source, shown.channel, shown.y, shown.x), 4, lang),
      })
    : '';

  const mapTitle = (i: number) =>
    p.mapName ? p.mapName(i) : t('step.mapDialog.channel', { channel: first + i + 1 });
  const closeDialog = () => {
    setOpened(null);
    ref.current?.focus({ preventScroll: true });
  };
  const open = opened !== null && opened < source.channels ? opened : null;

  const picked = p.picked && p.picked.channel < source.channels ? p.picked : null;
  const pickTile = picked ? layout.tiles[picked.channel] : undefined;
  return (
    <div className="st-maps" data-testid={p.testId}>
      <span className="st-canvas-wrap" style={{ width: `${layout.width}px` }}>
        <canvas
          ref={ref}
          className={['st-canvas', p.onPick ? 'is-pickable' : 'is-enlargeable'].join(' ')}
          style={{ width: `${layout.width}px` }}
          tabIndex={0}
          role="img"
          aria-label={`${p.label} ${t(p.onPick ? 'one.pickHint' : 'step.mapDialog.hint')}`}
          onPointerMove={onPointerMove}
          onPointerDown={onPointerMove}
          onClick={onClick}
          onKeyDown={onKeyDown}
          onFocus={() => setProbe((q) => q ?? { channel: 0, x: 0, y: 0, byKey: true })}
        />
        {picked && pickTile && (
          <span
            className="st-pick-mark"
            aria-hidden="true"
            data-testid="map-pick"
            data-channel={picked.channel}
            data-y={picked.y}
            data-x={picked.x}
            style={{
              left: `${((pickTile.x + picked.x * layout.scale) / layout.width) * 100}%`,
              top: `${((pickTile.y + picked.y * layout.scale) / layout.height) * 100}%`,
              width: `${(layout.scale / layout.width) * 100}%`,
              height: `${(layout.scale / layout.height) * 100}%`,
            }}
          />
        )}
      </span>
      <p
        className="st-probe"
        aria-live={probe?.byKey ? 'polite' : 'off'}
        data-testid="map-probe"
        data-channel={shown?.channel}
      >
        {readout}
      </p>
      {open !== null && (
        <MapDialog
          source={source}
          channel={open}
          kind={kind}
          normalisation={normalisation}
          scale={scales[open]}
          title={mapTitle(open)}
          caption={p.caption}
          onClose={closeDialog}
        />
      )}
    </div>
  );
}
