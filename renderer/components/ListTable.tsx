import { Flex, Input, Table, type TableProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type ReactNode } from 'react';
import { EmptyState } from './EmptyState';

type Props<T> = {
  /** undefined while loading. */
  rows: readonly T[] | undefined;
  columns: ColumnsType<T>;
  /** The text a row is found by (lower-cased here); the search box matches any part of it. */
  searchText: (row: T) => string;
  searchLabel: string;
  /** Filters outside the search box (type, year …): rows it refuses are not shown. */
  filter?: (row: T) => boolean;
  /** Controls next to the search box. */
  filters?: ReactNode;
  /** On the right of the toolbar (usually the Add button). */
  toolbarEnd?: ReactNode;
  /** Shown instead of the table when there are no rows at all (not when the search finds none). */
  empty?: { title: string; description?: ReactNode; action?: string; onAction?: () => void };
  testId?: string;
  pageSize?: number;
  /** Anything else the table takes (`onRow`, `locale` …). */
  tableProps?: Omit<TableProps<T>, 'columns' | 'dataSource'>;
};

/**
 * The list-page pattern: a search box (plus optional filters and an Add button), then a small sortable
 * table of 20 rows a page — or, while the list is empty, an empty state that says how to start.
 */
export function ListTable<T extends { id: string }>({
  rows,
  columns,
  searchText,
  searchLabel,
  filter,
  filters,
  toolbarEnd,
  empty,
  testId,
  pageSize = 20,
  tableProps,
}: Props<T>) {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (rows ?? []).filter((r) => (!filter || filter(r)) && (!q || searchText(r).toLowerCase().includes(q)));
  }, [rows, query, filter, searchText]);
  return (
    <>
      <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap>
          <Input.Search
            allowClear
            placeholder={searchLabel}
            aria-label={searchLabel}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            style={{ width: 320 }}
          />
          {filters}
        </Flex>
        {toolbarEnd}
      </Flex>
      {empty && rows && rows.length === 0 ? (
        <EmptyState {...empty} />
      ) : (
        <Table<T>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={shown}
          loading={!rows}
          pagination={{ pageSize, hideOnSinglePage: true }}
          data-testid={testId}
          {...tableProps}
        />
      )}
    </>
  );
}
