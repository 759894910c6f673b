import { useCallback, useEffect, useMemo, useState } from 'react';
import { renderFormDiagram } from '../../../viz/block/formDiagram';
import { renderFormMatrices, type FormMatricesData } from '../../../viz/block/formMatrices';
import { columnBlocks } from '../../../viz/connectivity/connectivityLayout';
import type { LayerRef } from '../../../viz/block/layerRef';
import type { BlockConfig } from '../../block/blockConfig';
import { usePrefersReducedMotion } from '../../block/usePrefersReducedMotion';
import { useD3 } from '../../block/useD3';
import { useLiveD3 } from '../../block/useLiveD3';
import { useT } from '../../i18n/useT';
import { Figure } from '../../layout/Figure';
import { FORM_IDS, type FormId } from '../../state/appState';
import { useAppState } from '../../state/AppStateContext';
import { describeRef, formDiagramData, formNotes, groupReads } from './formDiagramData';
import { MORPH_MS, nextMorphForm } from './morphPlay';

/**
 * One block drawn as form (a), (b) or (c), morphing from one to the next: the C last 1×1 convs merge into a
 * concatenation and one 1×1, then the C first 1×1 convs into one wide 1×1 and the C 3×3 convs into one
 * grouped conv. Under it the same weights as matrices move along: C small matrices per path in (a), the last
 * 1×1s joined into [W₁ | … | W_C] in (b), the first 1×1s stacked and the 3×3s block-diagonal in (c). The chosen
 * form is in the URL; "play" walks a → b → c.
 */
export function FormsMorph({
  config,
  selection,
  onSelect,
}: {
  config: BlockConfig;
  selection: LayerRef | null;
  onSelect: (ref: LayerRef) => void;
}) {
  const t = useT();
  const [{ lang, form }, update] = useAppState();
  const reduced = usePrefersReducedMotion();
  const [playing, setPlaying] = useState(false);
  const data = useMemo(
    () => formDiagramData(t, lang, config, form, selection, 'form-morph'),
    [t, lang, config, form, selection],
  );
  const notes = useMemo(() => formNotes(t, lang, config, form), [t, lang, config, form]);
  const describe = useCallback(
    (ref: LayerRef) => describeRef(t, lang, config, form, ref),
    [t, lang, config, form],
  );
  const draw = useCallback(
    (el: HTMLDivElement) =>
      renderFormDiagram(el, data, { describe, onSelect, duration: reduced ? 0 : MORPH_MS }),
    [data, describe, onSelect, reduced],
  );
  const ref = useD3(draw);

  // The same weights as matrices, moving with the morph.
  const { cardinality: c, d, width } = config;
  const { inChannels: inC, outChannels: out } = config.stage;
  const matrices = useMemo<FormMatricesData>(
    () => ({
      idBase: 'form-matrices',
      form,
      cardinality: c,
      title: t('conn.mx.title', { form: t(`forms.${form}.title`) }),
      description:
        c === 1
          ? t('conn.mx.one', { width, in: inC, out })
          : t(`conn.mx.${form}`, {
              c,
              d,
              in: inC,
              out,
              width,
              blocks: columnBlocks(c),
              first: groupReads(t, 1, d)[0],
            }),
      tags: { w1: '1×1', w2: '3×3', w3: '1×1' },
    }),
    [t, form, c, d, width, inC, out],
  );
  const drawMatrices = useCallback(
    (el: HTMLDivElement) => renderFormMatrices(el, matrices, { duration: reduced ? 0 : MORPH_MS }),
    [matrices, reduced],
  );
  const matricesRef = useLiveD3(drawMatrices);

  // Playing: each form holds for a moment after its morph, then the next one; (c) ends the walk.
  useEffect(() => {
    if (!playing) return;
    const next = nextMorphForm(form);
    if (!next) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => update({ form: next }), (reduced ? 0 : MORPH_MS) + 1400);
    return () => clearTimeout(timer);
  }, [playing, form, reduced, update]);

  const choose = (f: FormId) => {
    setPlaying(false);
    update({ form: f });
  };
  const play = () => {
    if (playing) {
      setPlaying(false);
      return;
    }
    update({ form: 'a' });
    setPlaying(true);
  };

  const params = { c, d, width, in: config.stage.inChannels, out: config.stage.outChannels };
  const notesCaption = t('forms.notes.caption', { form: t(`forms.${form}.title`) });
  return (
    <Figure id="fig-forms-morph" kind="forms-morph" className="fm-morph" label={t('forms.morph.heading')}>
      <div className="fm-morph-controls">
        <div role="group" aria-label={t('forms.morph.choose')} className="fm-morph-forms">
          {FORM_IDS.map((f) => (
            <button
              key={f}
              type="button"
              aria-pressed={form === f}
              data-testid={`morph-${f}`}
              onClick={() => choose(f)}
            >
              {t(`forms.${f}.title`)}
            </button>
          ))}
        </div>
        <button type="button" aria-pressed={playing} data-testid="morph-play" onClick={play}>
          {playing ? t('forms.morph.stop') : t('forms.morph.play')}
        </button>
      </div>
      <div className="fm-morph-body">
        <div className="fm-morph-drawings">
          <div ref={ref} className="fm-form fm-morph-svg" data-testid="form-morph" data-form={form} />
          <div
            ref={matricesRef}
            className="fm-matrices"
            data-form-matrices={form}
            data-testid="form-matrices"
          />
          <p className="blk-note" data-testid="form-matrices-text">
            {matrices.description}
          </p>
        </div>
        <div className="fm-morph-side">
          <p aria-live="polite" data-testid="form-morph-step">
            {t(`forms.morph.step.${form}`, params)}
          </p>
          <div className="blk-table-wrap" tabIndex={0} role="region" aria-label={notesCaption}>
            <table className="blk-table fm-notes">
              <caption>{notesCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('forms.notes.layer')}</th>
                  <th scope="col" className="num">
                    {t('forms.notes.weights')}
                  </th>
                  <th scope="col">{t('forms.notes.output')}</th>
                </tr>
              </thead>
              <tbody>
                {(['conv1', 'conv2', 'conv3'] as const).map((k) => (
                  <tr key={k}>
                    <th scope="row">{t(`forms.layer.${k}`)}</th>
                    <td className="num" data-testid={`morph-weights-${k}`}>
                      {notes[k].params}
                    </td>
                    <td>{notes[k].shape}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </Figure>
  );
}
