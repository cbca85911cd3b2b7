import { useEffect, useId } from 'react';
import { applyLanguage, language, LOCALES, setLanguage, useMessages } from './i18n/index.ts';

/**
 * The page's language: a labelled select in the header. A switch applies at
 * once everywhere and is remembered; the document's title, description and
 * <html lang> follow.
 */
export function LanguageSelect() {
  const id = useId();
  const m = useMessages();
  useEffect(() => {
    applyLanguage();
    document.title = m.page.title;
    document.querySelector('meta[name="description"]')?.setAttribute('content', m.page.description);
  }, [m]);
  return (
    <div className="language">
      <label htmlFor={id}>{m.language.label}</label>{' '}
      <select id={id} value={language()} onChange={(e) => setLanguage(e.target.value)}>
        {LOCALES.map((l) => (
          <option key={l.meta.code} value={l.meta.code} lang={l.meta.code}>
            {l.meta.name}
          </option>
        ))}
      </select>
    </div>
  );
}
