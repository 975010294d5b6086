import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage, languages, namespaces, resources, type Language } from './resources';

export { languages, defaultLanguage, type Language };

const storageKey = 'onsite-desk.language';

/** The language remembered on this laptop (localStorage: it must be known before the database opens). */
export function storedLanguage(): Language {
  try {
    const v = localStorage.getItem(storageKey);
    return (languages as readonly string[]).includes(v ?? '') ? (v as Language) : defaultLanguage;
  } catch {
    return defaultLanguage;
  }
}

export function rememberLanguage(lng: Language): void {
  try {
    localStorage.setItem(storageKey, lng);
  } catch {
    /* private mode: the choice lasts for this session only */
  }
}

/** A standalone i18next instance (tests, PDF builders in Node, the worker). */
export async function createI18n(lng: Language = defaultLanguage): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    fallbackLng: defaultLanguage,
    ns: namespaces,
    defaultNS: 'common',
    resources,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/** The app's instance, bound to React. */
export async function initAppI18n(): Promise<I18n> {
  await i18next.use(initReactI18next).init({
    lng: storedLanguage(),
    fallbackLng: defaultLanguage,
    ns: namespaces,
    defaultNS: 'common',
    resources,
    interpolation: { escapeValue: false },
  });
  return i18next;
}

export { i18next };
