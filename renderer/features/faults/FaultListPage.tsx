/**
 * The fault list: filters, search, sort, and each row's most urgent clock counting down
 * (virtualised). Rows are the stored projections, checked against their logs in the background
 * (./projection-check.ts): a row that differs shows what its log says, with a warning mark. The
 * newest rows are painted first and the rest read after them (./fault-list-load.ts); until then
 * the count and an empty result say the list is still loading.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Table } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { FaultRecord } from '@shared/schemas/fault';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { navigate } from '../../app/router';
import { useSystems, useTeam, useClockConfig, useNow } from '../../core';
import { useFaultColumns } from './fault-columns';
import { emptyFilters, filterFaults, type FaultFilters } from './fault-filters';
import { FaultFilterBar } from './FaultFilterBar';
import { useFaultList } from './fault-list-load';
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

/**
 * Each row's lower-cased search text, built the first time a search reads it and kept per row
 * object (a changed row is a new object): opening the list builds none, a search builds each once.
 */
function useHaystack(systemName: Map<string, string>, memberName: Map<string, string>) {
  return useMemo(() => {
    const cache = new WeakMap<FaultRecord, string>();
    return (r: FaultRecord): string => {
      let text = cache.get(r);
      if (text === undefined) {
        text =
          `${r.number} ${r.symptoms} ${r.description} ${r.reporter.name} ${r.reporter.department} ${systemName.get(r.systemId) ?? ''} ${memberName.get(r.assigneeId) ?? ''}`.toLowerCase();
        cache.set(r, text);
      }
      return text;
    };
  }, [systemName, memberName]);
}

/** The line under the title: how many rows, and whether the rest are still being read. */
function countLine(t: TFunction, shown: number, total: number, isFiltered: boolean, complete: boolean): string {
  if (!complete)
    return isFiltered ? t('list.countFilteredLoading', { count: shown }) : t('list.countLoading', { count: total });
  return isFiltered ? t('list.countFiltered', { count: shown, total }) : t('list.count', { count: total });
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
  const list = useFaultList();
  const { rows, found } = useCheckedFaults(list.rows);
  const systems = useSystems();
  const team = useTeam();
  const cfg = useClockConfig();
  const now = useNow(30_000);
  const [filters, setFilters] = useState<FaultFilters>(emptyFilters);
  const height = useTableHeight(300);
  const systemName = useMemo(() => new Map((systems ?? []).map((s) => [s.id, s.name])), [systems]);
  const memberName = useMemo(() => new Map((team ?? []).map((m) => [m.id, m.name])), [team]);
  const haystack = useHaystack(systemName, memberName);
  // Filtering 10,000 rows takes a few ms: done at once, in the same render as the input (no deferral,
  // which would paint the list twice).
  const filtered = useMemo(
    () => filterFaults(rows ?? [], filters, haystack, new Date(Math.max(Date.now(), now.getTime()))),
    [rows, filters, haystack, now],
  );
  const tableLocale = useMemo(
    () => ({ emptyText: t(list.complete ? 'list.noMatch' : 'list.loadingRest') }),
    [t, list.complete],
  );
  const set = useCallback((patch: Partial<FaultFilters>) => setFilters((f) => ({ ...f, ...patch })), []);
  const clear = useCallback(() => setFilters(emptyFilters), []);
  const isFiltered = JSON.stringify(filters) !== JSON.stringify(emptyFilters);
  const columns = useFaultColumns({ systemName, memberName, cfg, now, found });
  const count = rows && countLine(t, filtered.length, rows.length, isFiltered, list.complete);

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
