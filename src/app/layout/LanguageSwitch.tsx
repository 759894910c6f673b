import { useT } from '../i18n/useT';
import { HTML_LANG } from '../i18n/useDocumentLang';
import { useAppState } from '../state/AppStateContext';
import { APP_LANGS, type AppLang } from '../state/appState';

export function LanguageSwitch() {
  const t = useT();
  const [{ lang }, update] = useAppState();
  return (
    <div className="field">
      <label htmlFor="lang-select">{t('lang.label')}</label>
      <select
        id="lang-select"
        data-testid="lang-select"
        value={lang}
        onChange={(event) => update({ lang: event.target.value as AppLang })}
      >
        {APP_LANGS.map((code) => (
          // Each language is named in itself, so a reader can find theirs whatever is shown.
          <option key={code} value={code} lang={HTML_LANG[code]}>
            {t(`lang.${code}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
