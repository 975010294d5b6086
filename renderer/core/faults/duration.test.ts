import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n';
import { formatMinutes, formatShortDateTime } from './duration';

let zh: TFunction;
let en: TFunction;
beforeAll(async () => {
  zh = (await createI18n('zh-CN')).getFixedT('zh-CN');
  en = (await createI18n('en')).getFixedT('en');
});

describe('formatMinutes', () => {
  it('reads minutes, hours and days at each boundary', () => {
    expect(formatMinutes(en, 0)).toBe('under 1 min');
    expect(formatMinutes(en, 0.5)).toBe('under 1 min');
    expect(formatMinutes(en, 1)).toBe('1 min');
    expect(formatMinutes(en, 59)).toBe('59 min');
    expect(formatMinutes(en, 60)).toBe('1 h');
    expect(formatMinutes(en, 80)).toBe('1 h 20 min');
    expect(formatMinutes(en, 1439)).toBe('23 h 59 min');
    expect(formatMinutes(en, 1440)).toBe('1 d');
    expect(formatMinutes(en, 1440 * 2 + 3 * 60 + 59)).toBe('2 d 3 h');
  });

  it('ignores the sign (an overdue clock reads the same span) and drops fractions', () => {
    expect(formatMinutes(en, -80)).toBe(formatMinutes(en, 80));
    expect(formatMinutes(en, -0.4)).toBe('under 1 min');
    expect(formatMinutes(en, 90.9)).toBe('1 h 30 min');
  });

  it('speaks Chinese in the Chinese interface', () => {
    expect(formatMinutes(zh, 12)).toBe('12 分钟');
    expect(formatMinutes(zh, 80)).toBe('1 小时 20 分');
    expect(formatMinutes(zh, 1440 + 120)).toBe('1 天 2 小时');
    expect(formatMinutes(zh, 0)).toBe('不到 1 分钟');
  });
});

describe('formatShortDateTime', () => {
  it('shows the Shanghai wall clock whatever the instant’s offset', () => {
    // 00:18 UTC is 08:18 in Shanghai; the same instant written with +08:00 reads the same.
    expect(formatShortDateTime('2026-11-26T00:18:00Z', 'zh-CN')).toBe('11-26 08:18');
    expect(formatShortDateTime('2026-11-26T08:18:00+08:00', 'zh-CN')).toBe('11-26 08:18');
    // Across midnight: 16:30 UTC on the 25th is 00:30 on the 26th in Shanghai.
    expect(formatShortDateTime('2026-11-25T16:30:00Z', 'en')).toBe('11-26 00:30');
  });

  it('shows a dash for no time', () => {
    expect(formatShortDateTime(undefined, 'en')).toBe('—');
    expect(formatShortDateTime('', 'zh-CN')).toBe('—');
  });
});
