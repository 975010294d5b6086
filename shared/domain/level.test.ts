import { describe, expect, it } from 'vitest';
import { defaultPolicy, mergePolicy } from './policy';
import { type IntakeAnswers, LEVEL_REASON_KEYS, defaultTrack, proposeLevel, severityClass } from './level';

describe('proposeLevel', () => {
  it.each<[string, IntakeAnswers, number, string]>([
    ['key data lost', { keyDataLost: true }, 1, 'level.reason.keyDataLost'],
    ['outage over an hour', { businessInterrupted: true, interruptedOverHour: true }, 1, 'level.reason.outageOverHour'],
    [
      'outage under an hour',
      { businessInterrupted: true, interruptedOverHour: false },
      2,
      'level.reason.outageUnderHour',
    ],
    [
      'outage of unknown length counts as under an hour',
      { businessInterrupted: true },
      2,
      'level.reason.outageUnderHour',
    ],
    ['one side of a redundant pair down', { redundantSideDown: true }, 2, 'level.reason.redundantSideDown'],
    ['key business affected', { keyBusinessAffected: true }, 2, 'level.reason.keyBusinessAffected'],
    ['function affected, key business not', { keyBusinessAffected: false }, 3, 'level.reason.keyBusinessUnaffected'],
    ['nothing answered', {}, 3, 'level.reason.keyBusinessUnaffected'],
    ['only a configuration question', { informationOnly: true }, 4, 'level.reason.informationOnly'],
    [
      'the most severe answer wins',
      { informationOnly: true, redundantSideDown: true, keyDataLost: true },
      1,
      'level.reason.keyDataLost',
    ],
    [
      'an over-an-hour flag without an outage means nothing',
      { interruptedOverHour: true },
      3,
      'level.reason.keyBusinessUnaffected',
    ],
  ])('%s → level %i', (_label, answers, level, reasonKey) => {
    expect(proposeLevel(answers)).toEqual({ level, reasonKey });
    expect(LEVEL_REASON_KEYS).toContain(reasonKey);
  });
});

describe('defaultTrack and severityClass', () => {
  it.each([
    [1, 'onsite', 'major'],
    [2, 'onsite', 'major'],
    [3, 'remote', 'general'],
    [4, 'remote', 'general'],
  ] as const)('level %i → %s, %s', (level, track, cls) => {
    expect(defaultTrack(level)).toBe(track);
    expect(severityClass(level)).toBe(cls);
  });

  it('follows an edited policy', () => {
    const p = mergePolicy({ defaultTrack: { 3: 'onsite' } });
    expect(p.ok && defaultTrack(3, p.value)).toBe('onsite');
    expect(defaultTrack(3, defaultPolicy())).toBe('remote');
  });
});
