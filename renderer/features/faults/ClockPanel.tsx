/** Every contract clock of a fault at `now`: due time, time left or overdue (business or calendar time), state. */
import { Table, Typography } from 'antd';
import { useMemo, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClockState } from '@shared/domain/fault-clock';
import type { FaultEventRow } from '@shared/schemas/fault';
import { formatDateTime, useNow } from '../../core';
import { formatShortDateTime } from '../../core/faults/duration';
import type { ClockConfig } from './fault-model';
import { faultView, minutesLeft } from './fault-view';
import { ClockTag, formatMinutes } from './tags';

/** Re-evaluates the log every second on its own, so only this panel re-renders at that pace. */
export function ClockPanel({ rows, cfg }: { rows: FaultEventRow[]; cfg: ClockConfig }) {
  const { t, i18n } = useTranslation('faults');
  const now = useNow(1000);
  const clocks = useMemo(() => faultView(rows, cfg, now).clocks, [rows, cfg, now]);
  // Compact in the table; the full date and time on hover.
  const dt = (v?: string) =>
    v ? <span title={formatDateTime(v, i18n.language)}>{formatShortDateTime(v, i18n.language)}</span> : '—';
  return (
    <Table<ClockState>
      data-testid="clock-panel"
      rowKey="kind"
      size="small"
      pagination={false}
      dataSource={clocks}
      locale={{ emptyText: t('clockPanel.none') }}
      onRow={(c) => ({ 'data-clock': c.kind, 'data-state': c.state }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('clockPanel.kind'),
          dataIndex: 'kind',
          render: (k: string) => <Typography.Text strong>{t(`clocks.${k}`)}</Typography.Text>,
        },
        {
          title: t('clockPanel.target'),
          key: 'target',
          render: (_: unknown, c) => (
            <span
              title={t(`calendars.${c.calendar}`)}
            >{`${formatMinutes(t, c.targetMinutes)} · ${t(`calendarShort.${c.calendar}`)}`}</span>
          ),
        },
        { title: t('clockPanel.started'), dataIndex: 'startedAt', render: dt },
        { title: t('clockPanel.due'), dataIndex: 'dueAt', render: dt },
        { title: t('clockPanel.stopped'), dataIndex: 'stoppedAt', render: dt },
        {
          title: t('clockPanel.left'),
          key: 'left',
          render: (_: unknown, c) => {
            const left = minutesLeft(c, cfg, now);
            return <ClockTag state={c.state} leftMinutes={left} calendar={c.calendar} testId={`clock-${c.kind}`} />;
          },
        },
      ]}
    />
  );
}
