import { describe, expect, it } from 'vitest';
import { helpAreaFor, isHelpArea, spokenMinutes } from './help-areas';

describe('help areas', () => {
  it('opens the area that explains the page', () => {
    expect(helpAreaFor('/faults/new')).toBe('levels');
    expect(helpAreaFor('/faults/abc-123')).toBe('clocks');
    expect(helpAreaFor('/inspections/run/1')).toBe('inspections');
    expect(helpAreaFor('/faultsX')).toBe('levels'); // not a prefix match on a longer word
    expect(helpAreaFor('/')).toBe('levels');
    expect(helpAreaFor('/help/upgrade')).toBe('upgrade'); // on the help page, the area shown
    expect(isHelpArea('upgrade')).toBe(true);
    expect(isHelpArea('nope')).toBe(false);
  });

  it('says durations the way a person reads them', () => {
    expect(spokenMinutes(30, 'zh-CN')).toBe('30 分钟');
    expect(spokenMinutes(240, 'zh-CN')).toBe('4 小时');
    expect(spokenMinutes(150, 'en')).toBe('2 h 30 min');
    expect(spokenMinutes(5, 'en')).toBe('5 min');
  });
});
