import { ArchitectureTables } from './ArchitectureTables';
import { GroupedCost } from './GroupedCost';
import { MeasuredResults } from './MeasuredResults';
import { PaperResults } from './PaperResults';
import { SpeedTest } from './SpeedTest';
import { useNumbersText } from './useNumbersText';
import { AfterFirstFigure } from '../../startup/AfterFirstFigure';
import './numbers.css';

/** The Numbers section: architecture tables, the paper's results, the project's measurements, a speed test. */
export function NumbersSection() {
  const { t } = useNumbersText();
  return (
    <div data-section-body="numbers" className="numbers">
      <p className="numbers-lead">{t('numbers.intro')}</p>
      <ArchitectureTables />
      <AfterFirstFigure>
        <PaperResults />
        <MeasuredResults />
        <SpeedTest />
        <GroupedCost />
      </AfterFirstFigure>
    </div>
  );
}
