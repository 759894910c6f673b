import { useId, useState } from 'react';
import { formatFixed } from '../block/format';
import { useT } from '../i18n/useT';
import { useAppState } from '../state/AppStateContext';
import { clampWeight, NEURON_INPUTS, NEURON_WEIGHTS, neuronSum, neuronTerms, WEIGHT_RANGE } from './neuron';

/** Half-width of a term bar, in the units of the largest possible |wᵢxᵢ|. */
const MAX_TERM = Math.max(...NEURON_INPUTS.map(Math.abs)) * Math.max(-WEIGHT_RANGE.min, WEIGHT_RANGE.max);

function TermBar({ value, scale }: { value: number; scale: number }) {
  const half = Math.min(1, Math.abs(value) / scale) * 50;
  const style =
    value >= 0 ? { left: '50%', width: `${half}%` } : { left: `${50 - half}%`, width: `${half}%` };
  return (
    <span className="sty-bar" aria-hidden="true">
      <span className={value >= 0 ? 'sty-bar-fill' : 'sty-bar-fill is-negative'} style={style} />
    </span>
  );
}

/** The simplest split-transform-merge: a neuron's Σᵢ wᵢxᵢ, with weights to move. */
export function NeuronDemo() {
  const t = useT();
  const [{ lang }] = useAppState();
  const [weights, setWeights] = useState<readonly number[]>(NEURON_WEIGHTS);
  const terms = neuronTerms(NEURON_INPUTS, weights);
  const sum = neuronSum(NEURON_INPUTS, weights);
  const captionId = useId();
  const n = (v: number) => formatFixed(v, 2, lang);
  const setWeight = (i: number, raw: number) =>
    setWeights((w) => w.map((v, j) => (j === i ? clampWeight(raw) : v)));

  return (
    <figure className="sty-neuron" data-testid="neuron-demo">
      <table className="sty-neuron-table" aria-describedby={captionId}>
        <thead>
          <tr>
            <th scope="col">{t('story.neuron.col.i')}</th>
            <th scope="col">{t('story.neuron.col.x')}</th>
            <th scope="col">{t('story.neuron.col.w')}</th>
            <th scope="col">{t('story.neuron.col.wx')}</th>
          </tr>
        </thead>
        <tbody>
          {NEURON_INPUTS.map((x, i) => (
            <tr key={i}>
              <th scope="row">{i + 1}</th>
              <td className="num">{n(x)}</td>
              <td>
                <span className="sty-weight">
                  <input
                    type="range"
                    min={WEIGHT_RANGE.min}
                    max={WEIGHT_RANGE.max}
                    step={WEIGHT_RANGE.step}
                    value={weights[i]}
                    aria-label={t('story.neuron.weight', { i: i + 1 })}
                    aria-valuetext={n(weights[i])}
                    data-testid={`neuron-w${i + 1}`}
                    onChange={(e) => setWeight(i, Number(e.target.value))}
                  />
                  <span className="num" aria-hidden="true">
                    {n(weights[i])}
                  </span>
                </span>
              </td>
              <td>
                <span className="sty-term">
                  <span className="num" data-testid={`neuron-term${i + 1}`}>
                    {n(terms[i])}
                  </span>
                  <TermBar value={terms[i]} scale={MAX_TERM} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {t('story.neuron.sum')}
            </th>
            <td>
              <output className="num sty-sum" aria-live="polite" data-testid="neuron-sum">
                {n(sum)}
              </output>
            </td>
          </tr>
        </tfoot>
      </table>
      <figcaption id={captionId} className="sty-caption">
        {t('story.neuron.caption')}{' '}
        <button type="button" onClick={() => setWeights(NEURON_WEIGHTS)}>
          {t('story.neuron.reset')}
        </button>
      </figcaption>
    </figure>
  );
}
