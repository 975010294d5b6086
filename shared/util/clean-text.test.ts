import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactSchema } from '../schemas/core';
import { cleanText, cleanTextReport, EMOJI_PLACEHOLDER } from './clean-text';

// eslint-disable-next-line no-control-regex
const invisible = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('cleanText', () => {
  it('removes C0/C1 controls and bidi controls, keeps newline and tab, counts what it removed', () => {
    const r = cleanTextReport('截止\u202e11-30\u202c 前\u0000\u0007\u0085\u2066完成\u2069\n第二行\t制表\r');
    expect(r.text).toBe('截止11-30 前完成\n第二行\t制表');
    expect(r.controls).toBe(8);
    expect(r.emoji).toBe(0);
  });

  it('replaces each emoji (with ZWJ sequences, flags, keycaps, skin tones) by one placeholder', () => {
    const r = cleanTextReport('已恢复👍🏽 家庭👨‍👩‍👧 国旗🇨🇳 键1️⃣ 好☕');
    const P = EMOJI_PLACEHOLDER;
    expect(r.text).toBe(`已恢复${P} 家庭${P} 国旗${P} 键${P} 好${P}`);
    expect(r.emoji).toBe(5);
  });

  it('leaves ordinary text alone: Chinese, punctuation, ©, ®, ™, digits, arrows', () => {
    const s = '华为® OceanStor™ © 2026 — 1→2，“引号”（括号）№5 ½ °C ±3%';
    expect(cleanText(s)).toBe(s);
  });

  it('property: the result has no invisible control and no emoji, and cleaning it again changes nothing', () => {
    const chars = fc.constantFrom(
      'a',
      '中',
      '\n',
      '\t',
      '\r',
      '\u0000',
      '\u001b',
      '\u0085',
      '\u202e',
      '\u2067',
      '😀',
      '🇨',
      '\ufe0f',
      '\u200d',
      '©',
      ' ',
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(chars, fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 40 }),
        (parts) => {
          const once = cleanText(parts.join(''));
          expect(invisible.test(once)).toBe(false);
          expect(cleanText(once)).toBe(once);
        },
      ),
      { seed: 1304, verbose: true },
    );
  });
});

describe('free-text schemas clean on every write', () => {
  it('a contact name with a bidi override and a control character is stored clean', () => {
    const row = contactSchema.parse({
      id: 'c1',
      createdAt: '2026-11-01T00:00:00Z',
      updatedAt: '2026-11-01T00:00:00Z',
      updatedBy: 'u',
      kind: 'client',
      isMaintenanceEngineer: false,
      name: ' 赵\u202e磊\u0007 ',
      company: '证券😀',
      department: '',
      title: '',
      phone: '',
      email: '',
      products: ['交易\u2066系统'],
    });
    expect(row.name).toBe('赵磊');
    expect(row.company).toBe(`证券${EMOJI_PLACEHOLDER}`);
    expect(row.products).toEqual(['交易系统']);
  });
});
