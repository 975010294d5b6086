/** The fault list's columns: the countdown reads the row's most urgent clock through ./fault-view.ts. */
import { Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { faultStatuses, type FaultRecord, type FaultStatusValue } from '@shared/schemas/fault';
import { formatDateTime } from '../../core';
import { formatMinutes } from '../../core/faults/duration';
import type { ClockConfig } from './fault-model';
import { rowClock } from './fault-view';
import { MismatchMark } from './MismatchMark';
import type { Mismatches } from './projection-check';
import { levelColors, LiteTag, stateColors, statusColor } from './tags';

const collator = new Intl.Collator('zh-CN');
const dueMs = (r: FaultRecord) =>
  r.status !== 'closed' && r.urgent?.dueAt ? Date.parse(r.urgent.dueAt) : Number.MAX_SAFE_INTEGER;

function UrgentCell({ row, cfg, now, t }: { row: FaultRecord; cfg: ClockConfig; now: Date; t: TFunction }) {
  const live = rowClock(row, cfg, now);
  if (!live || !row.urgent) return <Typography.Text type="secondary">—</Typography.Text>;
  const left = live.leftMinutes;
  const time =
    left === undefined
      ? t(`clockStates.${live.state}`)
      : left < 0 || live.state === 'breached'
        ? t('countdown.over', { time: formatMinutes(t, left) })
        : t('countdown.left', { time: formatMinutes(t, left) });
  return (
    <LiteTag
      color={stateColors[live.state]}
      testId="clock-tag"
      state={live.state}
      title={`${t(`clockStates.${live.state}`)} · ${t(row.urgent.calendar === '5x8' ? 'countdown.businessNote' : 'countdown.elapsedNote')}`}
    >
      {`${t(`clocks.${row.urgent.kind}`)} · ${time}`}
    </LiteTag>
  );
}

interface ColumnInputs {
  systemName: Map<string, string>;
  memberName: Map<string, string>;
  cfg: ClockConfig;
  now: Date;
  /** Rows whose stored projection differs from their log: marked on the number. */
  found: Mismatches;
}

export function useFaultColumns({ systemName, memberName, cfg, now, found }: ColumnInputs): ColumnsType<FaultRecord> {
  const { t, i18n } = useTranslation('faults');
  // The countdown comes right after the level: on a narrow window it must not scroll out of sight.
  // Memoised, with one shared collator and numeric keys: a sort over 10,000 rows stays cheap.
  return useMemo<ColumnsType<FaultRecord>>(() => {
    const byText = (f: (r: FaultRecord) => string) => (a: FaultRecord, b: FaultRecord) => collator.compare(f(a), f(b));
    return [
      {
        title: t('list.columns.number'),
        dataIndex: 'number',
        width: 150,
        sorter: (a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0),
        render: (v: string, r) => {
          const c = found.get(r.id);
          return (
            <>
              <a href={`#/faults/${r.id}`} onClick={(e) => e.stopPropagation()}>
                {v}
              </a>
              {c?.derived === r && <MismatchMark list={c.mismatches} member={(id) => memberName.get(id) ?? id} />}
            </>
          );
        },
      },
      {
        title: t('list.columns.level'),
        dataIndex: 'level',
        width: 70,
        sorter: (a, b) => a.level - b.level,
        render: (v: number) => (
          <LiteTag color={levelColors[v]} testId="level-tag">
            {t(`levels.${v}`)}
          </LiteTag>
        ),
      },
      {
        title: t('list.columns.urgent'),
        key: 'urgent',
        width: 200,
        sorter: (a, b) => dueMs(a) - dueMs(b),
        render: (_: unknown, r) => <UrgentCell row={r} cfg={cfg} now={now} t={t} />,
      },
      {
        title: t('list.columns.symptoms'),
        dataIndex: 'symptoms',
        width: 280,
        ellipsis: true,
        sorter: byText((r) => r.symptoms),
      },
      {
        title: t('list.columns.status'),
        dataIndex: 'status',
        width: 100,
        render: (v: FaultStatusValue) => <LiteTag color={statusColor(v)}>{t(`statuses.${v}`)}</LiteTag>,
        sorter: (a, b) => faultStatuses.indexOf(a.status) - faultStatuses.indexOf(b.status),
      },
      {
        title: t('list.columns.system'),
        dataIndex: 'systemId',
        width: 170,
        ellipsis: true,
        render: (v: string) => systemName.get(v) ?? '—',
        sorter: byText((r) => systemName.get(r.systemId) ?? ''),
      },
      {
        title: t('list.columns.reporter'),
        key: 'reporter',
        width: 84,
        ellipsis: true,
        render: (_: unknown, r) => r.reporter.name,
        sorter: byText((r) => r.reporter.name),
      },
      {
        title: t('list.columns.assignee'),
        dataIndex: 'assigneeId',
        width: 76,
        ellipsis: true,
        render: (v: string) => memberName.get(v) ?? '—',
        sorter: byText((r) => memberName.get(r.assigneeId) ?? ''),
      },
      // Rows arrive newest first from the database; sorting is only done when asked for.
      {
        title: t('list.columns.reportedAt'),
        dataIndex: 'reportedAt',
        width: 150,
        sorter: (a, b) => Date.parse(a.reportedAt) - Date.parse(b.reportedAt),
        render: (v: string) => formatDateTime(v, i18n.language),
      },
    ];
  }, [t, i18n.language, systemName, memberName, cfg, now, found]);
}
