/**
 * Every locale file `locales/<lng>/<namespace>.json`, gathered at build time.
 * Each feature owns its namespace file; both languages must hold the same keys (scripts/check-i18n.mjs).
 */
import type { Resource } from 'i18next';

const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { eager: true, import: 'default' });

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'zh-CN';

export const resources: Resource = {};
for (const [path, data] of Object.entries(files)) {
  const m = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
  if (!m) continue;
  const [, lng, ns] = m;
  (resources[lng] ??= {})[ns] = data as Record<string, string>;
}

export const namespaces = Object.keys(resources[defaultLanguage] ?? {});
