import { cleanup, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readyForUiTests } from '../../components/ui-test-kit';
import { ClockPanel } from './ClockPanel';
import { faultView, needsAttention, projectFault } from './fault-view';
import { cfg, h, reported, row } from './test-log';

beforeAll(() => readyForUiTests());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});
afterAll(() => vi.useRealTimers());

/** Renders the panel at the Shanghai wall-clock instant `now` (the panel reads the current time). */
function panelAt(rows: ReturnType<typeof reported>[], now: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(h(now)));
  return render(<ClockPanel rows={rows} cfg={cfg} />);
}
const rowOf = (container: HTMLElement, kind: string) => container.querySelector(`tr[data-clock="${kind}"]`);

// Level 3 on the remote track, answered at 09:10; resolution (4 h of 5×8) breaches at 13:00: level 2, on site.
const upgradedLog = () => [reported(3), row('responded', '2026-11-25 09:10')];

describe('ClockPanel', { timeout: 30_000 }, () => {
  it('shows the clock an upgrade superseded grey and tagged, after the live ones', () => {
    const { container } = panelAt(upgradedLog(), '2026-11-25 13:05');
    const resolution = rowOf(container, 'resolution')!;
    expect(resolution.getAttribute('data-superseded')).toBe('true');
    expect(screen.getByTestId('clock-resolution').getAttribute('data-state')).toBe('superseded');
    expect(screen.getByTestId('clock-resolution').textContent).toMatch(/^已被升级取代 · 11-25 13:00$/);
    expect(screen.getByTestId('clock-arrival').getAttribute('data-state')).toBe('running');
    const order = [...container.querySelectorAll('tr[data-clock]')].map((r) => r.getAttribute('data-clock'));
    expect(order[order.length - 1]).toBe('resolution');
    expect(screen.getByTestId('clock-panel-notes').textContent).toContain('灰色的时钟已被升级');
  });

  it('the superseded breach does not make the fault need attention (badge, filter, monitor)', () => {
    const now = new Date(h('2026-11-25 13:05'));
    const rows = upgradedLog();
    expect(faultView(rows, cfg, now).clocks.find((c) => c.kind === 'resolution')?.state).toBe('breached');
    expect(needsAttention(projectFault(rows, cfg, now, 'u1'), now)).toBe(false);
  });

  it('a remote e-mail fault shows its first-reply clock and no response clock, with the rule under the table', () => {
    const { container } = panelAt([reported(3, '2026-11-25 09:00', 'email')], '2026-11-25 09:45');
    expect(rowOf(container, 'response')).toBeNull();
    expect(rowOf(container, 'reply')?.getAttribute('data-state')).toBe('breached');
    expect(screen.getByTestId('clock-panel-notes').textContent).toContain('首次回复就是响应');
  });
});
