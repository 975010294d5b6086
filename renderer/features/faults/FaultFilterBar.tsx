/**
 * The fault list's filters, each control memoised on its own: typing in the search re-renders only
 * the box (and the list), not five selects and a date picker.
 */
import { Button, Checkbox, DatePicker, Flex, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { faultStatuses, type FaultStatusValue } from '@shared/schemas/fault';
import { useSystems, useTeam } from '../../core';
import type { FaultFilters } from './fault-filters';

type Set = (patch: Partial<FaultFilters>) => void;

const SearchBox = memo(function SearchBox({ query, set }: { query: string; set: Set }) {
  const { t } = useTranslation('faults');
  return (
    <Input.Search
      allowClear
      placeholder={t('list.search')}
      aria-label={t('list.search')}
      value={query}
      onChange={(e) => set({ query: e.target.value })}
      style={{ width: 280 }}
      data-testid="fault-search"
    />
  );
});

// One memoised component per control: changing one filter re-renders that control and the list only.
const StatusFilter = memo(function StatusFilter({ value, set }: { value: FaultStatusValue[]; set: Set }) {
  const { t } = useTranslation('faults');
  return (
    <Select
      mode="multiple"
      allowClear
      maxTagCount={2}
      placeholder={t('list.status')}
      aria-label={t('list.status')}
      style={{ minWidth: 160 }}
      value={value}
      onChange={(v) => set({ statuses: v })}
      options={faultStatuses.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
      data-testid="filter-status"
    />
  );
});

const LevelFilter = memo(function LevelFilter({ value, set }: { value: number[]; set: Set }) {
  const { t } = useTranslation('faults');
  return (
    <Select
      mode="multiple"
      allowClear
      placeholder={t('list.level')}
      aria-label={t('list.level')}
      style={{ minWidth: 130 }}
      value={value}
      onChange={(v) => set({ levels: v })}
      options={[1, 2, 3, 4].map((l) => ({ value: l, label: t(`levels.${l}`) }))}
      data-testid="filter-level"
    />
  );
});

const SystemFilter = memo(function SystemFilter({ value, set }: { value?: string; set: Set }) {
  const { t } = useTranslation('faults');
  const systems = useSystems();
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('list.system')}
      aria-label={t('list.system')}
      style={{ width: 200 }}
      value={value}
      onChange={(v) => set({ systemId: v })}
      options={(systems ?? []).map((s) => ({ value: s.id, label: s.name }))}
      data-testid="filter-system"
    />
  );
});

const EngineerFilter = memo(function EngineerFilter({ value, set }: { value?: string; set: Set }) {
  const { t } = useTranslation('faults');
  const team = useTeam();
  return (
    <Select
      allowClear
      placeholder={t('list.engineer')}
      aria-label={t('list.engineer')}
      style={{ width: 120 }}
      value={value}
      onChange={(v) => set({ assigneeId: v })}
      options={(team ?? []).map((m) => ({ value: m.id, label: m.name }))}
      data-testid="filter-engineer"
    />
  );
});

const DateFilter = memo(function DateFilter({ from, to, set }: { from?: string; to?: string; set: Set }) {
  const { t } = useTranslation('faults');
  return (
    <DatePicker.RangePicker
      aria-label={t('list.dateRange')}
      placeholder={[t('list.dateRange'), t('list.dateRange')]}
      value={from && to ? [dayjs(from), dayjs(to)] : null}
      onChange={(v: [Dayjs | null, Dayjs | null] | null) =>
        set({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })
      }
      data-testid="filter-dates"
    />
  );
});

const AttentionFilter = memo(function AttentionFilter({ value, set }: { value: boolean; set: Set }) {
  const { t } = useTranslation('faults');
  return (
    <Checkbox checked={value} onChange={(e) => set({ attentionOnly: e.target.checked })} data-testid="filter-attention">
      {t('list.attentionOnly')}
    </Checkbox>
  );
});

export function FaultFilterBar({
  filters: f,
  set,
  clear,
  isFiltered,
}: {
  filters: FaultFilters;
  set: Set;
  clear: () => void;
  isFiltered: boolean;
}) {
  const { t } = useTranslation('faults');
  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }} data-testid="fault-filters">
      <SearchBox query={f.query} set={set} />
      <StatusFilter value={f.statuses} set={set} />
      <LevelFilter value={f.levels} set={set} />
      <SystemFilter value={f.systemId} set={set} />
      <EngineerFilter value={f.assigneeId} set={set} />
      <DateFilter from={f.from} to={f.to} set={set} />
      <AttentionFilter value={f.attentionOnly} set={set} />
      {isFiltered && (
        <Button type="link" onClick={clear}>
          {t('list.clear')}
        </Button>
      )}
    </Flex>
  );
}
