import { ArchitectureTables } from './ArchitectureTables';
import { GroupedCost } from './GroupedCost';
import { MeasuredResults } from './MeasuredResults';
import { NumbersGroup } from './NumbersGroup';
import { PaperResults } from './PaperResults';
import { SpeedTest } from './SpeedTest';
import { useNumbersText } from './useNumbersText';
import { AfterFirstFigure } from '../../startup/AfterFirstFigure';
import './numbers.css';

/**
 * The Numbers section in three parts: the paper (its architecture and results), our training (the project's
 * measurements), your device (what runs in the reader's browser: the speed test, the grouped cost).
 */
export function NumbersSection() {
  const { t } = useNumbersText();
  return (
    <div data-section-body="numbers" className="numbers">
      <p className="numbers-lead">{t('numbers.intro')}</p>
      <NumbersGroup id="numbers-paper" title={t('numbers.group.paper')} lead={t('numbers.group.paperLead')}>
        <ArchitectureTables />
        <AfterFirstFigure>
          <PaperResults />
        </AfterFirstFigure>
      </NumbersGroup>
      <AfterFirstFigure>
        <NumbersGroup id="numbers-ours" title={t('numbers.group.ours')} lead={t('numbers.group.oursLead')}>
          <MeasuredResults />
        </NumbersGroup>
        <NumbersGroup
          id="numbers-device"
          title={t('numbers.group.device')}
          lead={t('numbers.group.deviceLead')}
        >
          <SpeedTest />
          <GroupedCost />
        </NumbersGroup>
      </AfterFirstFigure>
    </div>
  );
}
