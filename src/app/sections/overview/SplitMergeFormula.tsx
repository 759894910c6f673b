import type { SmPhase } from '../../../viz/block/splitMergeLayout';
import { useT } from '../../i18n/useT';

const on = (active: boolean) => (active ? 'ov-term is-active' : 'ov-term');

/** F(x) = Σᵢ Tᵢ(x) and y = ReLU(x + F(x)), with the term the animation is at highlighted. */
export function SplitMergeFormula({ phase }: { phase: SmPhase }) {
  const t = useT();
  const transform = phase === 'split' || phase === 'transform' || phase === 'project';
  return (
    <div className="ov-formula" role="group" aria-label={t('overview.stm.formula')}>
      <p>
        <i>F</i>(<i>x</i>) ={' '}
        <span className={`${on(phase === 'aggregate')} ov-sum`}>
          <span className="ov-sum-limit">C</span>
          <span className="ov-sum-sign">Σ</span>
          <span className="ov-sum-limit">
            <i>i</i>=1
          </span>
        </span>{' '}
        <span className={on(transform)}>
          <i>T</i>
          <sub>i</sub>(<i>x</i>)
        </span>
      </p>
      <p>
        <i>y</i> = <span className={on(phase === 'relu')}>ReLU</span>(
        <span className={on(phase === 'shortcut')}>
          <i>x</i> +
        </span>{' '}
        <i>F</i>(<i>x</i>))
      </p>
    </div>
  );
}
