import { useCallback, type KeyboardEvent } from 'react';
import { layerId, parseLayerId, type LayerRef } from '../../../viz/block/layerRef';
import { BlockControls } from '../../block/BlockControls';
import { useBlockConfig } from '../../block/useBlockConfig';
import { useT } from '../../i18n/useT';
import { useAppState } from '../../state/AppStateContext';
import { Figure } from '../../layout/Figure';
import { DepthTwo } from './DepthTwo';
import { FormsDiagrams } from './FormsDiagrams';
import { FormsMorph } from './FormsMorph';
import { FormTotals } from './FormTotals';
import { NumericalProof } from './NumericalProof';
import { selectionText } from './selectionText';
import { AfterFirstFigure } from '../../startup/AfterFirstFigure';
import './forms.css';

/** The paper's three equivalent forms of a block, linked by their weights, and a numerical proof that they agree. */
export function FormsSection() {
  const t = useT();
  const [{ layer }, update] = useAppState();
  const config = useBlockConfig();
  const selection = parseLayerId(layer, config.cardinality);
  const { cardinality: c, d, width } = config;
  const out = config.stage.outChannels;

  // Selecting the selected weights again clears the selection.
  const onSelect = useCallback(
    (ref: LayerRef) => {
      const id = layerId(ref);
      update({ layer: id === layer ? '' : id });
    },
    [layer, update],
  );
  // Escape anywhere in the section clears the selection.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape' && layer) update({ layer: '' });
  };

  return (
    <div data-section-body="forms" className="fm-section" onKeyDown={onKeyDown}>
      <BlockControls config={config} />
      <section aria-labelledby="fm-diagrams-heading">
        <h2 id="fm-diagrams-heading">{t('forms.diagrams.heading')}</h2>
        <h3 id="fm-morph-heading">{t('forms.morph.heading')}</h3>
        <FormsMorph config={config} selection={selection} onSelect={onSelect} />
        <AfterFirstFigure>
          <Figure id="fig-forms" kind="forms" label={t('forms.diagrams.heading')}>
            <FormsDiagrams config={config} selection={selection} onSelect={onSelect} />
          </Figure>
          <div className="fm-selection">
            <p
              aria-live="polite"
              data-testid="forms-selection"
              data-layer={selection ? layerId(selection) : ''}
            >
              {selectionText(t, config, selection)}
            </p>
            {selection && (
              <button type="button" onClick={() => update({ layer: '' })}>
                {t('forms.selection.clear')}
              </button>
            )}
          </div>
          <p data-testid="forms-why">{t('forms.why', { c, d, width, out })}</p>
          <FormTotals config={config} />
          <h3 id="fm-depth2-heading">{t('conn.depth2.heading')}</h3>
          <DepthTwo config={config} />
        </AfterFirstFigure>
      </section>
      <AfterFirstFigure>
        <section aria-labelledby="fm-proof-heading">
          <h2 id="fm-proof-heading">{t('forms.proof.heading')}</h2>
          <NumericalProof config={config} />
        </section>
      </AfterFirstFigure>
    </div>
  );
}
