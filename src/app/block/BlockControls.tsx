import { useT } from '../i18n/useT';
import type { BlockConfig } from './blockConfig';
import { CardinalitySlider } from './CardinalitySlider';
import { StageSelect } from './StageSelect';
import { WidthControl } from './WidthControl';
import './block.css';

/** The controls the Overview and Forms sections share; their values live in the URL. */
export function BlockControls({ config }: { config: BlockConfig }) {
  const t = useT();
  return (
    <fieldset className="blk-controls" data-testid="block-controls">
      <legend>{t('block.controls.legend')}</legend>
      <CardinalitySlider />
      <WidthControl config={config} />
      <StageSelect />
      <p className="blk-summary" data-testid="block-notation">
        {t('block.notation', { c: config.cardinality, d: config.d, width: config.width })}
      </p>
    </fieldset>
  );
}
