/** Small presentational pieces the list, the detail and the dashboard share. */
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClockState } from '@shared/domain/fault-clock';
import type { FaultStatusValue } from '@shared/schemas/fault';
import { formatMinutes } from '../../core/faults/duration';

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
export function ClockTag({
  kind,
  state,
  leftMinutes,
  calendar,
  testId,
}: {
  kind?: string;
  state: ClockState['state'];
  leftMinutes?: number;
  calendar?: '5x8' | '7x24';
  testId?: string;
}) {
  const { t } = useTranslation('faults');
  const time =
    leftMinutes === undefined
      ? t(`clockStates.${state}`)
      : leftMinutes < 0 || state === 'breached'
        ? t('countdown.over', { time: formatMinutes(t, leftMinutes) })
        : t('countdown.left', { time: formatMinutes(t, leftMinutes) });
  const label = kind ? `${t(`clocks.${kind}`)} · ${time}` : time;
  const tag = (
    <Tag
      color={stateColors[state]}
      data-testid={testId ?? 'clock-tag'}
      data-state={state}
      style={{ marginInlineEnd: 0 }}
    >
      {label}
    </Tag>
  );
  return calendar ? (
    <Tooltip
      title={`${t(`clockStates.${state}`)} · ${t(calendar === '5x8' ? 'countdown.businessNote' : 'countdown.elapsedNote')}`}
    >
      {tag}
    </Tooltip>
  ) : (
    tag
  );
}

/** Ant Design's preset tag colours, for the light tags below. */
const palette: Record<string, [color: string, background: string, border: string]> = {
  red: ['#cf1322', '#fff1f0', '#ffa39e'],
  error: ['#cf1322', '#fff1f0', '#ffa39e'],
  volcano: ['#d4380d', '#fff2e8', '#ffbb96'],
  gold: ['#d48806', '#fffbe6', '#ffe58f'],
  warning: ['#d46b08', '#fff7e6', '#ffd591'],
  orange: ['#d46b08', '#fff7e6', '#ffd591'],
  blue: ['#0958d9', '#e6f4ff', '#91caff'],
  processing: ['#0958d9', '#e6f4ff', '#91caff'],
  geekblue: ['#1d39c4', '#f0f5ff', '#adc6ff'],
  cyan: ['#08979c', '#e6fffb', '#87e8de'],
  magenta: ['#c41d7f', '#fff0f6', '#ffadd2'],
  green: ['#389e0d', '#f6ffed', '#b7eb8f'],
  success: ['#389e0d', '#f6ffed', '#b7eb8f'],
  default: ['rgba(0,0,0,0.88)', '#fafafa', '#d9d9d9'],
};

/**
 * A tag drawn with plain inline styles, for the rows of a 10,000-row virtual list: an antd Tag (or
 * Tooltip) per cell runs its style hooks on every render, which is most of a filter change's cost.
 */
export function LiteTag({
  color,
  children,
  title,
  testId,
  state,
}: {
  color: string;
  children: string;
  title?: string;
  testId?: string;
  state?: string;
}) {
  const [fg, bg, border] = palette[color] ?? palette.default;
  return (
    <span
      title={title}
      data-testid={testId}
      data-state={state}
      style={{
        display: 'inline-block',
        padding: '0 7px',
        fontSize: 12,
        lineHeight: '20px',
        borderRadius: 4,
        whiteSpace: 'nowrap',
        color: fg,
        background: bg,
        border: `1px solid ${border}`,
      }}
    >
      {children}
    </span>
  );
}

export const statusColor = (s: FaultStatusValue) => statusColors[s] ?? 'default';
