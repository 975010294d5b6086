/**
 * The fault list: filters, search, sort, and each row's most urgent clock counting down
 * (virtualised). Rows are the stored projections, checked against their logs in the background
 * (./projection-check.ts): a row that differs shows what its log says, with a warning mark.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Table } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaultRecord } from '@shared/schemas/fault';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { navigate } from '../../app/router';
import { useSystems, useTeam, useClockConfig, useNow } from '../../core';
import { useFaultColumns } from './fault-columns';
import { emptyFilters, filterFaults, type FaultFilters } from './fault-filters';
import { FaultFilterBar } from './FaultFilterBar';
import { useFaults } from './faults.repo';
import { useCheckedFaults } from './projection-check';

function useTableHeight(offset: number): number {
  const [h, setH] = useState(() => Math.max(320, window.innerHeight - offset));
  useEffect(() => {
    const on = () => setH(Math.max(320, window.innerHeight - offset));
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, [offset]);
  return h;
}

/** Each row's lower-cased search text, built once per change of rows or names. */
function useHaystack(
  rows: FaultRecord[] | undefined,
  systemName: Map<string, string>,
  memberName: Map<string, string>,
) {
  return useMemo(() => {
    const cache = new Map<string, string>();
    for (const r of rows ?? []) {
      cache.set(
        r.id,
        `${r.number} ${r.symptoms} ${r.description} ${r.reporter.name} ${r.reporter.department} ${systemName.get(r.systemId) ?? ''} ${memberName.get(r.assigneeId) ?? ''}`.toLowerCase(),
      );
    }
    return cache;
  }, [rows, systemName, memberName]);
}

function NewButton() {
  const { t } = useTranslation('faults');
  return (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/faults/new')} data-testid="fault-new">
      {t('list.new')}
    </Button>
  );
}

const onRow = (r: FaultRecord) => ({ onClick: () => navigate(`/faults/${r.id}`), style: { cursor: 'pointer' } });

export function FaultListPage() {
  const { t } = useTranslation('faults');
  const { rows, found } = useCheckedFaults(useFaults());
  const systems = useSystems();
  const team = useTeam();
  const cfg = useClockConfig();
  const now = useNow(30_000);
  const [filters, setFilters] = useState<FaultFilters>(emptyFilters);
  const height = useTableHeight(300);
  const systemName = useMemo(() => new Map((systems ?? []).map((s) => [s.id, s.name])), [systems]);
  const memberName = useMemo(() => new Map((team ?? []).map((m) => [m.id, m.name])), [team]);
  const haystack = useHaystack(rows, systemName, memberName);
  // Filtering 10,000 rows takes a few ms: done at once, in the same render as the input (no deferral,
  // which would paint the list twice).
  const filtered = useMemo(
    () =>
      filterFaults(rows ?? [], filters, (r) => haystack.get(r.id) ?? '', new Date(Math.max(Date.now(), now.getTime()))),
    [rows, filters, haystack, now],
  );
  const tableLocale = useMemo(() => ({ emptyText: t('list.noMatch') }), [t]);
  const set = useCallback((patch: Partial<FaultFilters>) => setFilters((f) => ({ ...f, ...patch })), []);
  const clear = useCallback(() => setFilters(emptyFilters), []);
  const isFiltered = JSON.stringify(filters) !== JSON.stringify(emptyFilters);
  const columns = useFaultColumns({ systemName, memberName, cfg, now, found });
  const count =
    rows &&
    (isFiltered
      ? t('list.countFiltered', { count: filtered.length, total: rows.length })
      : t('list.count', { count: rows.length }));

  return (
    <>
      <PageHeader title={t('title')} sub={count} extra={<NewButton />} />
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
