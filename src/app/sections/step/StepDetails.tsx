import type { BlockStep } from '../../../resnext/model';
import type { BlockSpec } from '../../../resnext/spec';
import { stepCost, stepTextKeys, type StepDef } from './steps';
import { formatInt, formatShape } from '../../block/format';
import { useT } from '../../i18n/useT';
import { useAppState } from '../../state/AppStateContext';
import { tensorShapeText, type BlockTextParams } from './stepText';

interface StepDetailsProps {
  def: StepDef;
  spec: BlockSpec;
  params: BlockTextParams;
  shapeOf: (tensor: BlockStep) => readonly number[];
  /** side of the block's input maps */
  side: number;
  /**
   * The current step's details carry the ids and test hooks and are visible; the others are rendered but
   * take no room (step.css), so a short step leaves no blank run below it.
   */
  current: boolean;
}

/** What the step does: its title, explanation, tensor shapes, parameters and MACs, and formula. */
export function StepDetails({ def, spec, params, shapeOf, side, current }: StepDetailsProps) {
  const t = useT();
  const [{ lang }] = useAppState();
  const keys = stepTextKeys(def, spec);
  const cost = stepCost(def, spec, side);
  const result = def.tensors[def.tensors.length - 1];
  const hook = (id: string) => (current ? id : undefined);
  return (
    <div
      className={current ? 'st-details' : 'st-details is-idle'}
      aria-hidden={current ? undefined : true}
      data-details={def.id}
    >
      <h2 id={hook('st-step-title')} data-testid={hook('step-title')}>
        {t(def.titleKey, params)}
      </h2>
      <p data-testid={hook('step-explanation')}>{t(keys.explanationKey, params)}</p>
      <dl className="st-facts">
        <div>
          <dt>{t('step.details.shapes')}</dt>
          <dd>
            {def.inputs.length > 0 && (
              <>
                {t('step.details.input')}{' '}
                {def.inputs.map((name, i) => (
                  <span key={name} className="st-shape" data-testid={hook('step-input-shape')}>
                    {i > 0 && ' + '}
                    {tensorShapeText(t, name, shapeOf(name), spec)}
                  </span>
                ))}
                {' → '}
                {t('step.details.output')}{' '}
              </>
            )}
            <span className="st-shape" data-testid={hook('step-shape')}>
              {tensorShapeText(t, result, shapeOf(result), spec)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('step.details.cost')}</dt>
          <dd data-testid={hook('step-cost')} data-params={cost.params} data-macs={cost.macs}>
            {cost.layers.length === 0
              ? t('step.details.costNone')
              : t('step.details.costValue', {
                  params: formatInt(cost.params, lang),
                  macs: formatInt(cost.macs, lang),
                })}
            {cost.layers.length > 0 && (
              <ul className="st-layers">
                {cost.layers.map((l) => (
                  <li key={l.name}>
                    {t('step.details.costLayer', { layer: l.name, shape: formatShape(l.weightShape) })}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        {keys.formulaKey && (
          <div>
            <dt>{t('step.details.formula')}</dt>
            <dd>
              <code className="st-formula" data-testid={hook('step-formula')}>
                {t(keys.formulaKey, params)}
              </code>
            </dd>
          </div>
        )}
      </dl>
    </div>
  );
}
