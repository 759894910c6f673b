import { useMemo } from 'react';
import type { BlockSpec } from '../../../resnext/spec';
import { gridScale } from '../../../viz/activations/gridLayout';
import { groupKernelMaps } from '../../../viz/activations/kernelMaps';
import { nhwcSource, type MapSource } from '../../../viz/activations/mapSource';
import type { Normalisation } from '../../../viz/activations/normalise';
import type { ColorScaleKind } from '../../../viz/activations/colorScale';
import { useT } from '../../i18n/useT';
import { ColorLegend } from './ColorLegend';
import { GroupPicker } from './GroupPicker';
import { MapCanvas, type MapPoint } from './MapCanvas';
import { GroupedOutput } from './oneOutput/GroupedOutput';
import { TensorMaps } from './TensorMaps';
import type { TraceReader } from './traceReader';
import { channelScales } from '../../../viz/activations/normalise';

interface GroupViewProps {
  reader: TraceReader;
  spec: BlockSpec;
  group: number;
  onGroup: (g: number) => void;
  normalisation: Normalisation;
  /** the picked output: channel within the group (0-based) and position, or none */
  channel: number;
  at: { y: number; x: number } | null;
  /** a value of the group's output maps picked: its channel within the group and position */
  onPick: (pick: MapPoint) => void;
}

/** One small figure of a group: its maps, a caption and the legend. */
interface PartProps {
  caption: string;
  source: MapSource;
  kind: ColorScaleKind;
  normalisation: Normalisation;
  columns: number;
  target: number;
  testId: string;
  label: string;
  first?: number;
  mapName?: (index: number) => string;
  onPick?: (pick: MapPoint) => void;
  picked?: MapPoint | null;
}

function Part(p: PartProps) {
  const scales = useMemo(
    () => channelScales(p.source, p.kind, p.normalisation),
    [p.source, p.kind, p.normalisation],
  );
  return (
    <figure className="st-figure st-part">
      <figcaption>{p.caption}</figcaption>
      <MapCanvas
        source={p.source}
        kind={p.kind}
        normalisation={p.normalisation}
        scales={scales}
        scale={gridScale(p.source.channels, p.source.height, p.source.width, p.target, 120_000)}
        maxColumns={p.columns}
        label={p.label}
        caption={p.caption}
        firstChannel={p.first}
        mapName={p.mapName}
        testId={p.testId}
        onPick={p.onPick}
        picked={p.picked}
      />
      <ColorLegend
        kind={p.kind}
        normalisation={p.normalisation}
        max={scales.reduce((a, b) => Math.max(a, b), 0)}
      />
    </figure>
  );
}

/** The grouped 3×3 convolution seen through one group: its d input maps, its d×d×3×3 kernel, its d output maps. */
export function GroupView({
  reader,
  spec,
  group,
  onGroup,
  normalisation,
  channel,
  at,
  onPick,
}: GroupViewProps) {
  const t = useT();
  const C = spec.groups;
  const d = spec.width / C;
  const g = Math.min(Math.max(0, group), C - 1);
  const relu1 = reader.peek('relu1');
  const conv2 = reader.peek('conv2');
  const kernel = reader.peek('kernel');
  const [, hi, wi] = reader.shape('relu1');
  const [, ho, wo] = reader.shape('conv2');

  const inputs = useMemo(
    () => relu1 && nhwcSource(relu1, hi, wi, spec.width, g * d, d),
    [relu1, hi, wi, spec.width, g, d],
  );
  const outputs = useMemo(
    () => conv2 && nhwcSource(conv2, ho, wo, spec.width, g * d, d),
    [conv2, ho, wo, spec.width, g, d],
  );
  const kernelMaps = useMemo(
    () => kernel && groupKernelMaps(kernel, [3, 3, d, spec.width], C, g),
    [kernel, d, spec.width, C, g],
  );
  const j = Math.min(Math.max(0, channel), d - 1);
  const atY = at && Math.min(at.y, ho - 1);
  const atX = at && Math.min(at.x, wo - 1);
  const picked = useMemo(
    () => (atY === null || atX === null ? null : { channel: j, y: atY, x: atX }),
    [j, atY, atX],
  );
  const pick = useMemo(() => picked && { group: g, ...picked }, [g, picked]);
  if (!inputs || !outputs || !kernelMaps) return <p className="loading">{t('app.loading')}</p>;

  const label = (caption: string, channels: number, h: number, w: number) =>
    `${caption}. ${t('step.maps.label', { name: caption, channels, h, w })}`;
  const inCaption = t('step.group.inputs', { d });
  const kCaption = t('step.group.kernel', { d });
  const outCaption = t('step.group.outputs', { d });
  return (
    <div className="st-group" data-testid="group-view" data-group={g}>
      <GroupPicker groups={C} d={d} value={g} onChange={onGroup} />
      <div className="st-group-parts">
        <Part
          caption={inCaption}
          source={inputs}
          kind="sequential"
          normalisation={normalisation}
          columns={d}
          target={96}
          testId="group-inputs"
          label={label(inCaption, d, hi, wi)}
          first={g * d}
        />
        <Part
          caption={kCaption}
          source={kernelMaps}
          kind="diverging"
          normalisation={normalisation}
          columns={d}
          target={36}
          testId="group-kernel"
          label={label(kCaption, d * d, 3, 3)}
          mapName={(k) =>
            t('step.probe.kernelMap', { o: g * d + Math.floor(k / d) + 1, i: g * d + (k % d) + 1 })
          }
        />
        <Part
          caption={outCaption}
          source={outputs}
          kind="diverging"
          normalisation={normalisation}
          columns={d}
          target={96}
          testId="group-outputs"
          label={label(outCaption, d, ho, wo)}
          first={g * d}
          onPick={onPick}
          picked={picked}
        />
      </div>
      {pick ? (
        <GroupedOutput reader={reader} spec={spec} pick={pick} />
      ) : (
        <p className="oo-prompt" data-testid="one-output-prompt">
          {t('one.prompt')}
        </p>
      )}
      <TensorMaps
        reader={reader}
        tensor="conv2"
        spec={spec}
        normalisation={normalisation}
        highlightGroup={g}
        caption={t('step.group.all', { c: C })}
      />
    </div>
  );
}
