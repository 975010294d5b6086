import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Flex, Input, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { faultStatuses, type FaultRecord, type FaultStatusValue } from '@shared/schemas/fault';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime, shanghaiDate } from '../../app/format';
import { navigate } from '../../app/router';
import { useSystems, useTeam } from '../settings/settings.repo';
import { useClockConfig } from './clock-config';
import { liveUrgentState, type ClockConfig } from './fault-model';
import { needsAttention } from './fault-monitor';
import { useFaults } from './faults.repo';
import { ClockTag, LevelTag, StatusTag } from './tags';
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
export function filterFaults(rows: FaultRecord[], f: FaultFilters, text: (r: FaultRecord) => string, now: Date): FaultRecord[] {
  const q = f.query.trim().toLowerCase();
  const statuses = new Set(f.statuses);
  const levels = new Set(f.levels);
  return rows.filter((r) => {
    if (statuses.size && !statuses.has(r.status)) return false;
    if (levels.size && !levels.has(r.level)) return false;
    if (f.systemId && r.systemId !== f.systemId) return false;
    if (f.assigneeId && r.assigneeId !== f.assigneeId) return false;
    if (f.from || f.to) {
      const day = shanghaiDate(new Date(r.reportedAt));
      if (f.from && day < f.from) return false;
      if (f.to && day > f.to) return false;
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

const dueMs = (r: FaultRecord) => (r.status !== 'closed' && r.urgent?.dueAt ? Date.parse(r.urgent.dueAt) : Number.MAX_SAFE_INTEGER);

function UrgentCell({ row, cfg, now }: { row: FaultRecord; cfg: ClockConfig; now: Date }) {
  const live = row.status === 'closed' ? undefined : liveUrgentState(row.urgent, cfg, now);
  if (!live || !row.urgent) return <Typography.Text type="secondary">—</Typography.Text>;
  return <ClockTag kind={row.urgent.kind} state={live.state} leftMinutes={live.leftMinutes} calendar={row.urgent.calendar} />;
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
  const deferred = useDeferredValue(filters);
  const height = useTableHeight(300);
  const systemName = useMemo(() => new Map((systems ?? []).map((s) => [s.id, s.name])), [systems]);
  const memberName = useMemo(() => new Map((team ?? []).map((m) => [m.id, m.name])), [team]);
  const haystack = useMemo(() => {
    const cache = new Map<string, string>();
    for (const r of rows ?? []) {
      cache.set(r.id, `${r.number} ${r.symptoms} ${r.description} ${r.reporter.name} ${r.reporter.department} ${systemName.get(r.systemId) ?? ''} ${memberName.get(r.assigneeId) ?? ''}`.toLowerCase());
    }
    return cache;
  }, [rows, systemName, memberName]);
  const filtered = useMemo(() => filterFaults(rows ?? [], deferred, (r) => haystack.get(r.id) ?? '', now), [rows, deferred, haystack, now]);
  const set = (patch: Partial<FaultFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const isFiltered = JSON.stringify(filters) !== JSON.stringify(emptyFilters);

  // The countdown comes right after the level: on a narrow window it must not scroll out of sight.
  const columns: ColumnsType<FaultRecord> = [
    {
      title: t('list.columns.number'),
      dataIndex: 'number',
      width: 150,
      sorter: (a, b) => a.number.localeCompare(b.number),
      render: (v: string, r) => (
        <a href={`#/faults/${r.id}`} onClick={(e) => e.stopPropagation()}>
          {v}
        </a>
      ),
    },
    { title: t('list.columns.level'), dataIndex: 'level', width: 70, sorter: (a, b) => a.level - b.level, render: (v: number) => <LevelTag level={v} /> },
    { title: t('list.columns.urgent'), key: 'urgent', width: 200, sorter: (a, b) => dueMs(a) - dueMs(b), render: (_: unknown, r) => <UrgentCell row={r} cfg={cfg} now={now} /> },
    { title: t('list.columns.symptoms'), dataIndex: 'symptoms', width: 280, ellipsis: true, sorter: (a, b) => a.symptoms.localeCompare(b.symptoms, 'zh-CN') },
    { title: t('list.columns.status'), dataIndex: 'status', width: 100, render: (v: FaultStatusValue) => <StatusTag status={v} />, sorter: (a, b) => faultStatuses.indexOf(a.status) - faultStatuses.indexOf(b.status) },
    { title: t('list.columns.system'), dataIndex: 'systemId', width: 170, ellipsis: true, render: (v: string) => systemName.get(v) ?? '—', sorter: (a, b) => (systemName.get(a.systemId) ?? '').localeCompare(systemName.get(b.systemId) ?? '', 'zh-CN') },
    { title: t('list.columns.reporter'), key: 'reporter', width: 84, ellipsis: true, render: (_: unknown, r) => r.reporter.name, sorter: (a, b) => a.reporter.name.localeCompare(b.reporter.name, 'zh-CN') },
    { title: t('list.columns.assignee'), dataIndex: 'assigneeId', width: 76, ellipsis: true, render: (v: string) => memberName.get(v) ?? '—', sorter: (a, b) => (memberName.get(a.assigneeId) ?? '').localeCompare(memberName.get(b.assigneeId) ?? '', 'zh-CN') },
    { title: t('list.columns.reportedAt'), dataIndex: 'reportedAt', width: 150, defaultSortOrder: 'descend', sorter: (a, b) => Date.parse(a.reportedAt) - Date.parse(b.reportedAt), render: (v: string) => formatDateTime(v, i18n.language) },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        sub={rows && (isFiltered ? t('list.countFiltered', { count: filtered.length, total: rows.length }) : t('list.count', { count: rows.length }))}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/faults/new')} data-testid="fault-new">
            {t('list.new')}
          </Button>
        }
      />
      {rows && rows.length === 0 ? (
        <EmptyState testId="faults-empty" title={t('list.empty')} description={t('list.emptyHint')} action={t('list.new')} onAction={() => navigate('/faults/new')} />
      ) : (
        <>
          <Flex gap={8} wrap style={{ marginBottom: 12 }} data-testid="fault-filters">
            <Input.Search allowClear placeholder={t('list.search')} aria-label={t('list.search')} value={filters.query} onChange={(e) => set({ query: e.target.value })} style={{ width: 280 }} data-testid="fault-search" />
            <Select mode="multiple" allowClear maxTagCount="responsive" placeholder={t('list.status')} aria-label={t('list.status')} style={{ minWidth: 160 }} value={filters.statuses} onChange={(v) => set({ statuses: v })} options={faultStatuses.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} data-testid="filter-status" />
            <Select mode="multiple" allowClear placeholder={t('list.level')} aria-label={t('list.level')} style={{ minWidth: 130 }} value={filters.levels} onChange={(v) => set({ levels: v })} options={[1, 2, 3, 4].map((l) => ({ value: l, label: t(`levels.${l}`) }))} data-testid="filter-level" />
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('list.system')} aria-label={t('list.system')} style={{ width: 200 }} value={filters.systemId} onChange={(v) => set({ systemId: v })} options={(systems ?? []).map((s) => ({ value: s.id, label: s.name }))} data-testid="filter-system" />
            <Select allowClear placeholder={t('list.engineer')} aria-label={t('list.engineer')} style={{ width: 120 }} value={filters.assigneeId} onChange={(v) => set({ assigneeId: v })} options={(team ?? []).map((m) => ({ value: m.id, label: m.name }))} data-testid="filter-engineer" />
            <DatePicker.RangePicker
              aria-label={t('list.dateRange')}
              placeholder={[t('list.dateRange'), t('list.dateRange')]}
              value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
              onChange={(v: [Dayjs | null, Dayjs | null] | null) => set({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
              data-testid="filter-dates"
            />
            <Checkbox checked={filters.attentionOnly} onChange={(e) => set({ attentionOnly: e.target.checked })} data-testid="filter-attention">
              {t('list.attentionOnly')}
            </Checkbox>
            {isFiltered && (
              <Button type="link" onClick={() => setFilters(emptyFilters)}>
                {t('list.clear')}
              </Button>
            )}
          </Flex>
          <Table<FaultRecord>
            data-testid="fault-table"
            rowKey="id"
            size="small"
            virtual
            columns={columns}
            dataSource={filtered}
            loading={!rows}
            pagination={false}
            scroll={{ x: 1280, y: height }}
            locale={{ emptyText: t('list.noMatch') }}
            onRow={(r) => ({ onClick: () => navigate(`/faults/${r.id}`), style: { cursor: 'pointer' } })}
          />
        </>
      )}
    </>
  );
}
