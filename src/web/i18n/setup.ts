/**
 * i18next with English and Korean; the choice is kept in localStorage and mirrored on <html lang>. Each
 * language's texts are their own chunk, loaded when first used: a reader downloads one language, not both
 * (they were a third of the entry script). The app renders once the reader's language is in (i18nReady).
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['en', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'cellwork.language';

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    if (value === 'en' || value === 'ko') return value;
  } catch {
    // Storage can be unavailable (private mode, sandboxed frames); fall through to the browser.
  }
  return navigator.language.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

const TEXTS: Record<Language, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import('./en.json'),
  ko: () => import('./ko.json'),
};

async function loadTexts(language: Language): Promise<void> {
  if (i18n.hasResourceBundle(language, 'translation')) return;
  i18n.addResourceBundle(language, 'translation', (await TEXTS[language]()).default);
}

/** Both languages' texts, for the few screens that write in both (a rule's titles in English and Korean). */
export function loadAllLanguages(): Promise<void> {
  return Promise.all(LANGUAGES.map(loadTexts)).then(() => undefined);
}

export const allLanguagesLoaded = (): boolean => LANGUAGES.every((l) => i18n.hasResourceBundle(l, 'translation'));

export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not persisted; the switch still applies to this page.
  }
  // The page keeps its current language until the other's texts are in, never showing bare keys.
  void loadTexts(language).then(() => i18n.changeLanguage(language));
}

export function currentLanguage(): Language {
  return i18n.resolvedLanguage === 'ko' ? 'ko' : 'en';
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

/** Resolves once the reader's language is loaded and i18next is ready: the app renders after it. */
export const i18nReady: Promise<void> = (async () => {
  const language = storedLanguage();
  await i18n.use(initReactI18next).init({
    resources: {},
    lng: language,
    // Both languages have every key (test/i18n.test.ts), so there is nothing to fall back on and no
    // second language to download.
    fallbackLng: false,
    supportedLngs: LANGUAGES,
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await loadTexts(language);
  await i18n.changeLanguage(language);
  document.documentElement.lang = i18n.language;
})();

export default i18n;
