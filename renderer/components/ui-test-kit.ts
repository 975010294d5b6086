/**
 * For component tests (jsdom): what antd and the app's texts need before a screen renders. Tests only.
 */
import { i18next, initAppI18n } from '../i18n';

/** Gives jsdom the `matchMedia` antd's responsive parts and modals ask for, and the app's texts in `lang`. */
export async function readyForUiTests(lang: 'zh-CN' | 'en' = 'zh-CN'): Promise<void> {
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
  if (!i18next.isInitialized) await initAppI18n();
  await i18next.changeLanguage(lang);
}
