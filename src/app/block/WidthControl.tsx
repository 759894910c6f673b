import { useId, useState } from 'react';
import { useT } from '../i18n/useT';
import { useAppState } from '../state/AppStateContext';
import type { BlockConfig } from './blockConfig';

const D_MIN = 1;
const D_MAX = 128;

/**
 * "Keep complexity" (d follows the paper's equal-complexity rule) or a free d. Turning the rule off starts
 * the free d at the value the rule gave, so the block does not jump.
 */
export function WidthControl({ config }: { config: BlockConfig }) {
  const t = useT();
  const [{ keepComplexity, d }, update] = useAppState();
  const checkId = useId();
  const inputId = useId();
  const hintId = useId();
  const [draft, setDraft] = useState<string | null>(null);

  const onDraft = (text: string) => {
    setDraft(text);
    if (/^\d{1,3}$/.test(text)) {
      const n = Number(text);
      if (n >= D_MIN && n <= D_MAX) update({ d: n });
    }
  };

  return (
    <div className="blk-control blk-width">
      <div className="blk-check">
        <input
          id={checkId}
          type="checkbox"
          checked={keepComplexity}
          data-testid="keep-complexity"
          onChange={(e) =>
            update(
              e.target.checked ? { keepComplexity: true } : { keepComplexity: false, d: config.networkD },
            )
          }
        />
        <label htmlFor={checkId}>{t('block.keepComplexity')}</label>
      </div>
      {keepComplexity ? (
        <p className="blk-note" data-testid="d-derived">
          {t('block.d.derived', { d: config.networkD, c: config.cardinality })}
        </p>
      ) : (
        <div className="blk-d">
          <label htmlFor={inputId}>{t('block.d.label')}</label>
          <input
            id={inputId}
            type="number"
            inputMode="numeric"
            min={D_MIN}
            max={D_MAX}
            step={1}
            value={draft ?? String(d)}
            aria-describedby={hintId}
            data-testid="d-input"
            onChange={(e) => onDraft(e.target.value)}
            onBlur={() => setDraft(null)}
          />
          <span id={hintId} className="blk-note">
            {t('block.d.range', { min: D_MIN, max: D_MAX })}
          </span>
        </div>
      )}
    </div>
  );
}
