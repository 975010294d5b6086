/** Small presentational pieces the list, the detail and the dashboard share. */
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClockState } from '@shared/domain/fault-clock';
import type { FaultStatusValue } from '@shared/schemas/fault';
import { formatMinutes } from './duration';

export { formatMinutes };

export const levelColors: Record<number, string> = { 1: 'red', 2: 'volcano', 3: 'gold', 4: 'blue' };
export const stateColors: Record<ClockState['state'], string> = {
  pending: 'default',
  running: 'processing',
  paused: 'default',
  'at-risk': 'warning',
  met: 'success',
  breached: 'error',
  waived: 'default',
};
const statusColors: Partial<Record<FaultStatusValue, string>> = {
  reported: 'magenta',
  responded: 'cyan',
  'onsite-requested': 'orange',
  arrived: 'geekblue',
  'in-progress': 'blue',
  'waiting-client': 'default',
  resolved: 'green',
  confirmed: 'green',
  closed: 'default',
};

export function LevelTag({ level }: { level: number }) {
  const { t } = useTranslation('faults');
  return (
    <Tag color={levelColors[level]} data-testid="level-tag" style={{ marginInlineEnd: 0 }}>
      {t(`levels.${level}`)}
    </Tag>
  );
}

export function StatusTag({ status }: { status: FaultStatusValue }) {
  const { t } = useTranslation('faults');
  return (
    <Tag color={statusColors[status]} data-testid="status-tag" style={{ marginInlineEnd: 0 }}>
      {t(`statuses.${status}`)}
    </Tag>
  );
}

/** A clock's state as a coloured tag with time left or overdue. */
export function ClockTag({ kind, state, leftMinutes, calendar, testId }: { kind?: string; state: ClockState['state']; leftMinutes?: number; calendar?: '5x8' | '7x24'; testId?: string }) {
  const { t } = useTranslation('faults');
  const time =
    leftMinutes === undefined ? t(`clockStates.${state}`) : leftMinutes < 0 || state === 'breached' ? t('countdown.over', { time: formatMinutes(t, leftMinutes) }) : t('countdown.left', { time: formatMinutes(t, leftMinutes) });
  const label = kind ? `${t(`clocks.${kind}`)} · ${time}` : time;
  const tag = (
    <Tag color={stateColors[state]} data-testid={testId ?? 'clock-tag'} data-state={state} style={{ marginInlineEnd: 0 }}>
      {label}
    </Tag>
  );
  return calendar ? <Tooltip title={`${t(`clockStates.${state}`)} · ${t(calendar === '5x8' ? 'countdown.businessNote' : 'countdown.elapsedNote')}`}>{tag}</Tooltip> : tag;
}
