import { lazy, Suspense, useMemo } from 'react';
import { INCEPTION_3A, INCEPTION_3A_NAIVE, inceptionCounts } from '../../resnext/inception';
import { formatFixed, formatInt } from '../block/format';
import { useT } from '../i18n/useT';
import { useAppState } from '../state/AppStateContext';
import { Chapter } from './Chapter';
import { formatCompact } from './storyFormat';

// The drawing needs D3: it loads on its own, into a box that already has its final size.
const InceptionPair = lazy(() => import('./InceptionPair').then((m) => ({ default: m.InceptionPair })));

export function HeritageChapter() {
  const t = useT();
  const [{ lang }] = useAppState();
  const naive = useMemo(() => inceptionCounts(INCEPTION_3A_NAIVE), []);
  const reduced = useMemo(() => inceptionCounts(INCEPTION_3A), []);
  const { spatial: s, inChannels } = INCEPTION_3A;
  return (
    <Chapter id="heritage" heading={t('story.heritage.heading')}>
      <p>{t('story.heritage.p1')}</p>
      <p data-testid="story-inception-counts">
        {t('story.heritage.p2', {
          s,
          in: inChannels,
          naiveParams: formatInt(naive.params, lang),
          naiveMacs: formatCompact(naive.macs, lang),
          params: formatInt(reduced.params, lang),
          macs: formatCompact(reduced.macs, lang),
          ratio: formatFixed(naive.macs / reduced.macs, 1, lang),
        })}
      </p>
      <figure className="sty-figure">
        <Suspense
          fallback={
            <div className="sty-inception-pair" aria-hidden="true">
              <div className="sty-inception" />
              <div className="sty-inception" />
            </div>
          }
        >
          <InceptionPair />
        </Suspense>
        <figcaption className="sty-caption">{t('story.inception.caption', { s, in: inChannels })}</figcaption>
      </figure>
      <p>{t('story.heritage.p3')}</p>
    </Chapter>
  );
}
