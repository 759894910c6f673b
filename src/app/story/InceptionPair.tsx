import { useCallback, useMemo } from 'react';
import type { InceptionModuleSpec } from '../../resnext/inception';
import { INCEPTION_3A, INCEPTION_3A_NAIVE } from '../../resnext/inception';
import { inceptionFigureData, type InceptionFigureData } from '../../viz/inception/inceptionData';
import type { InceptionLabels } from '../../viz/inception/inceptionText';
import { renderInception } from '../../viz/inception/renderInception';
import { formatInt } from '../block/format';
import { useD3 } from '../block/useD3';
import type { T } from '../i18n/useT';
import { useT } from '../i18n/useT';
import { useAppState } from '../state/AppStateContext';
import type { AppLang } from '../state/appState';
import { formatCompact } from './storyFormat';

function inceptionLabels(t: T, lang: AppLang): InceptionLabels {
  return {
    input: (s, c) => t('story.inception.input', { s, c }),
    conv: (k, out) => t('story.inception.conv', { k, out }),
    pool: (k) => t('story.inception.pool', { k }),
    concat: (c) => t('story.inception.concat', { c }),
    boxMacs: (macs) => t('story.inception.boxMacs', { macs: formatCompact(macs, lang) }),
    total: (params, macs) =>
      t('story.inception.total', { params: formatInt(params, lang), macs: formatCompact(macs, lang) }),
  };
}

/** The figure's text alternative: every branch, layer by layer, with the totals. */
function describe(
  t: T,
  lang: AppLang,
  title: string,
  data: InceptionFigureData,
  labels: InceptionLabels,
): string {
  const branches = data.branches
    .map((b) =>
      t('story.inception.descBranch', {
        layers: b.boxes
          .map((x) => (x.kind === 'conv' ? labels.conv(x.k, x.outChannels) : labels.pool(x.k)))
          .join(t('story.inception.descJoin')),
        macs: formatCompact(b.macs, lang),
      }),
    )
    .join(t('story.inception.descSep'));
  return t('story.inception.desc', {
    title,
    s: data.spatial,
    in: data.inChannels,
    branches,
    out: data.outChannels,
    params: formatInt(data.params, lang),
    macs: formatCompact(data.macs, lang),
  });
}

function Module({
  id,
  spec,
  title,
  maxMacs,
}: {
  id: string;
  spec: InceptionModuleSpec;
  title: string;
  maxMacs: number;
}) {
  const t = useT();
  const [{ lang }] = useAppState();
  const data = useMemo(() => inceptionFigureData(spec), [spec]);
  const draw = useCallback(
    (el: HTMLDivElement) => {
      const labels = inceptionLabels(t, lang);
      renderInception(el, data, {
        idBase: `sty-inception-${id}`,
        title,
        description: describe(t, lang, title, data, labels),
        labels,
        maxMacs,
      });
    },
    [t, lang, data, id, title, maxMacs],
  );
  const ref = useD3(draw);
  return (
    <div
      ref={ref}
      className="sty-inception"
      data-testid={`inception-${id}`}
      data-params={data.params}
      data-macs={data.macs}
    />
  );
}

/** The naive Inception module and Inception (3a) side by side, their cost bars on one scale. */
export function InceptionPair() {
  const t = useT();
  const maxMacs = useMemo(
    () => Math.max(inceptionFigureData(INCEPTION_3A_NAIVE).macs, inceptionFigureData(INCEPTION_3A).macs),
    [],
  );
  return (
    <div className="sty-inception-pair">
      <Module id="naive" spec={INCEPTION_3A_NAIVE} title={t('story.inception.naive')} maxMacs={maxMacs} />
      <Module id="reduced" spec={INCEPTION_3A} title={t('story.inception.reduced')} maxMacs={maxMacs} />
    </div>
  );
}
