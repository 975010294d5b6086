import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { faultStatuses, type FaultRecord, type FaultStatusValue } from '@shared/schemas/fault';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../app/format';
import { navigate } from '../../app/router';
import { useSystems, useTeam } from '../settings/settings.repo';
import { FaultFilterBar } from './FaultFilterBar';
import { useClockConfig } from './clock-config';
import type { ClockConfig } from './fault-model';
import { needsAttention, rowClock } from './fault-view';
import { useFaults } from './faults.repo';
import { formatMinutes } from './duration';
import { levelColors, LiteTag, stateColors, statusColor } from './tags';
import { useNow } from './useNow';

export interface FaultFilters {
  query: string;
  statuses: FaultStatusValue[];
  levels: number[];
  systemId?: string;
  assigneeId?: string;
  from?: string;
  to?: string;
  attentionOnly: boolean;
}
export const emptyFilters: FaultFilters = { query: '', statuses: [], levels: [], attentionOnly: false };

/** Filters a list in memory (10,000 rows in a few ms); `text` maps a row to its lower-cased search text. */
export function filterFaults(
  rows: FaultRecord[],
  f: FaultFilters,
  text: (r: FaultRecord) => string,
  now: Date,
): FaultRecord[] {
  const q = f.query.trim().toLowerCase();
  const statuses = new Set(f.statuses);
  const levels = new Set(f.levels);
  // Whole days in Shanghai: [from 00:00, the day after `to` 00:00).
  const from = f.from ? Date.parse(`${f.from}T00:00:00+08:00`) : undefined;
  const to = f.to ? Date.parse(`${f.to}T00:00:00+08:00`) + 86_400_000 : undefined;
  return rows.filter((r) => {
    if (statuses.size && !statuses.has(r.status)) return false;
    if (levels.size && !levels.has(r.level)) return false;
    if (f.systemId && r.systemId !== f.systemId) return false;
    if (f.assigneeId && r.assigneeId !== f.assigneeId) return false;
    if (from !== undefined || to !== undefined) {
      const at = Date.parse(r.reportedAt);
      if (from !== undefined && at < from) return false;
      if (to !== undefined && at >= to) return false;
    }
    if (f.attentionOnly && !needsAttention(r, now)) return false;
    return !q || text(r).includes(q);
  });
}

function useTableHeight(offset: number): number {
  const [h, setH] = useState(() => Math.max(320, window.innerHeight - offset));
  useEffect(() => {
    const on = () => setH(Math.max(320, window.innerHeight - offset));
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, [offset]);
  return h;
}

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

/** The fault list: filters, search, sort, and each row's most urgent clock counting down (virtualised). */
export function FaultListPage() {
  const { t, i18n } = useTranslation('faults');
  const rows = useFaults();
  const systems = useSystems();
  const team = useTeam();
  const cfg = useClockConfig();
  const now = useNow(30_000);
  const [filters, setFilters] = useState<FaultFilters>(emptyFilters);
  const height = useTableHeight(300);
  const systemName = useMemo(() => new Map((systems ?? []).map((s) => [s.id, s.name])), [systems]);
  const memberName = useMemo(() => new Map((team ?? []).map((m) => [m.id, m.name])), [team]);
  const haystack = useMemo(() => {
    const cache = new Map<string, string>();
    for (const r of rows ?? []) {
      cache.set(
        r.id,
        `${r.number} ${r.symptoms} ${r.description} ${r.reporter.name} ${r.reporter.department} ${systemName.get(r.systemId) ?? ''} ${memberName.get(r.assigneeId) ?? ''}`.toLowerCase(),
      );
    }
    return cache;
  }, [rows, systemName, memberName]);
  // Filtering 10,000 rows takes a few ms: done at once, in the same render as the input (no deferral,
  // which would paint the list twice).
  const filtered = useMemo(
    () =>
      filterFaults(rows ?? [], filters, (r) => haystack.get(r.id) ?? '', new Date(Math.max(Date.now(), now.getTime()))),
    [rows, filters, haystack, now],
  );
  const tableLocale = useMemo(() => ({ emptyText: t('list.noMatch') }), [t]);
  const onRow = useCallback(
    (r: FaultRecord) => ({ onClick: () => navigate(`/faults/${r.id}`), style: { cursor: 'pointer' } }),
    [],
  );
  const set = useCallback((patch: Partial<FaultFilters>) => setFilters((f) => ({ ...f, ...patch })), []);
  const clear = useCallback(() => setFilters(emptyFilters), []);
  const isFiltered = JSON.stringify(filters) !== JSON.stringify(emptyFilters);

  // The countdown comes right after the level: on a narrow window it must not scroll out of sight.
  // Memoised, with one shared collator and numeric keys: a sort over 10,000 rows stays cheap.
  const columns = useMemo<ColumnsType<FaultRecord>>(() => {
    const byText = (f: (r: FaultRecord) => string) => (a: FaultRecord, b: FaultRecord) => collator.compare(f(a), f(b));
    return [
      {
        title: t('list.columns.number'),
        dataIndex: 'number',
        width: 150,
        sorter: (a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0),
        render: (v: string, r) => (
          <a href={`#/faults/${r.id}`} onClick={(e) => e.stopPropagation()}>
            {v}
          </a>
        ),
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
  }, [t, i18n.language, systemName, memberName, cfg, now]);

  return (
    <>
      <PageHeader
        title={t('title')}
        sub={
          rows &&
          (isFiltered
            ? t('list.countFiltered', { count: filtered.length, total: rows.length })
            : t('list.count', { count: rows.length }))
        }
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => navigate('/faults/new')}
            data-testid="fault-new"
          >
            {t('list.new')}
          </Button>
        }
      />
      {rows && rows.length === 0 ? (
        <EmptyState
          testId="faults-empty"
          title={t('list.empty')}
          description={t('list.emptyHint')}
          action={t('list.new')}
          onAction={() => navigate('/faults/new')}
        />
      ) : (
        <>
          <FaultFilterBar filters={filters} set={set} clear={clear} isFiltered={isFiltered} />
          <Table<FaultRecord>
            data-testid="fault-table"
            rowKey="id"
            size="small"
            virtual
            // No sorter tooltips: nine Tooltip components re-rendered with every filter change.
            showSorterTooltip={false}
            columns={columns}
            dataSource={filtered}
            loading={!rows}
            pagination={false}
            scroll={{ x: 1280, y: height }}
            locale={tableLocale}
            onRow={onRow}
          />
        </>
      )}
    </>
  );
}
