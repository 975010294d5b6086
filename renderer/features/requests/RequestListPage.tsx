import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requestStatuses, requestTypes, type RequestStatus, type RequestType } from '@shared/schemas/request';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime, formatDeadline, useClockConfig, useNow, useSystems, useTeam } from '../../core';
import { navigate } from '../../app/router';
import { ClockTag } from '../faults';
import { compareDue, requestDue, type RequestDue } from './request-due';
import { useRequests, type ServiceRequest } from './requests.repo';

/** The response deadline: its time (red when overdue, amber when due soon) and the time left or over. */
function DueCell({ due, now }: { due: RequestDue; now: Date }) {
  const { i18n } = useTranslation('requests');
  const { clock, dueAt, leftMinutes, open } = due;
  const tone = !open
    ? 'secondary'
    : clock.state === 'breached'
      ? 'danger'
      : clock.state === 'at-risk'
        ? 'warning'
        : undefined;
  return (
    <Flex gap={6} align="center" wrap data-testid="request-due" data-state={clock.state} data-open={open}>
      <Typography.Text type={tone} strong={open && tone !== undefined} title={formatDateTime(dueAt, i18n.language)}>
        {dueAt ? formatDeadline(dueAt, now, i18n.language) : '—'}
      </Typography.Text>
      <ClockTag state={clock.state} leftMinutes={leftMinutes} calendar={clock.calendar} />
    </Flex>
  );
}

const statusColors: Record<RequestStatus, string> = {
  open: 'magenta',
  responded: 'blue',
  resolved: 'green',
  closed: 'default',
};

export function RequestListPage() {
  const { t, i18n } = useTranslation('requests');
  const rows = useRequests();
  const systems = useSystems();
  const team = useTeam();
  const cfg = useClockConfig();
  const now = useNow(30_000);
  const [query, setQuery] = useState('');
  const [statuses, setStatuses] = useState<RequestStatus[]>([]);
  const [types, setTypes] = useState<RequestType[]>([]);
  const systemName = useMemo(() => new Map((systems ?? []).map((s) => [s.id, s.name])), [systems]);
  const memberName = useMemo(() => new Map((team ?? []).map((m) => [m.id, m.name])), [team]);
  const filtered = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (rows ?? []).filter(
      (r) =>
        (!statuses.length || statuses.includes(r.status)) &&
        (!types.length || types.includes(r.type)) &&
        (!q ||
          `${r.number} ${r.title} ${r.description} ${r.reporter.name} ${r.reporter.department} ${systemName.get(r.systemId) ?? ''}`
            .toLowerCase()
            .includes(q)),
    );
  }, [rows, statuses, types, query, systemName]);
  const dues = useMemo(() => new Map((rows ?? []).map((r) => [r.id, requestDue(r, cfg, now)])), [rows, cfg, now]);
  const dueOf = (r: ServiceRequest) => dues.get(r.id) ?? requestDue(r, cfg, now);
  const isFiltered = !!query || statuses.length > 0 || types.length > 0;

  const columns: ColumnsType<ServiceRequest> = [
    {
      title: t('list.columns.number'),
      dataIndex: 'number',
      width: 150,
      sorter: (a, b) => a.number.localeCompare(b.number),
      render: (v: string, r) => (
        <a href={`#/requests/${r.id}`} onClick={(e) => e.stopPropagation()}>
          {v}
        </a>
      ),
    },
    {
      title: t('list.columns.type'),
      dataIndex: 'type',
      width: 130,
      ellipsis: true,
      render: (v: RequestType) => t(`types.${v}`),
      sorter: (a, b) => a.type.localeCompare(b.type),
    },
    {
      title: t('list.columns.due'),
      key: 'due',
      width: 250,
      sorter: (a, b) => compareDue(dueOf(a), dueOf(b)),
      render: (_: unknown, r) => <DueCell due={dueOf(r)} now={now} />,
    },
    {
      title: t('list.columns.title'),
      dataIndex: 'title',
      width: 300,
      ellipsis: true,
      sorter: (a, b) => a.title.localeCompare(b.title, 'zh-CN'),
    },
    {
      title: t('list.columns.status'),
      dataIndex: 'status',
      width: 150,
      render: (v: RequestStatus) => <Tag color={statusColors[v]}>{t(`statuses.${v}`)}</Tag>,
      sorter: (a, b) => requestStatuses.indexOf(a.status) - requestStatuses.indexOf(b.status),
    },
    {
      title: t('list.columns.reporter'),
      key: 'reporter',
      width: 100,
      ellipsis: true,
      render: (_: unknown, r) => r.reporter.name,
      sorter: (a, b) => a.reporter.name.localeCompare(b.reporter.name, 'zh-CN'),
    },
    {
      title: t('list.columns.system'),
      dataIndex: 'systemId',
      width: 160,
      ellipsis: true,
      render: (v: string) => systemName.get(v) ?? '—',
    },
    {
      title: t('list.columns.assignee'),
      dataIndex: 'assigneeId',
      width: 90,
      ellipsis: true,
      render: (v: string) => memberName.get(v) ?? '—',
    },
    {
      title: t('list.columns.receivedAt'),
      dataIndex: 'receivedAt',
      width: 150,
      defaultSortOrder: 'descend',
      sorter: (a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt),
      render: (v: string) => formatDateTime(v, i18n.language),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        sub={rows && t('list.count', { count: rows.length })}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => navigate('/requests/new')}
            data-testid="request-new"
          >
            {t('list.new')}
          </Button>
        }
      />
      {rows && rows.length === 0 ? (
        <EmptyState
          testId="requests-empty"
          title={t('list.empty')}
          description={t('list.emptyHint')}
          action={t('list.new')}
          onAction={() => navigate('/requests/new')}
        />
      ) : (
        <>
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            <Input.Search
              allowClear
              placeholder={t('list.search')}
              aria-label={t('list.search')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              style={{ width: 280 }}
              data-testid="request-search"
            />
            <Select
              mode="multiple"
              allowClear
              placeholder={t('list.status')}
              aria-label={t('list.status')}
              style={{ minWidth: 150 }}
              value={statuses}
              onChange={setStatuses}
              options={requestStatuses.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
            />
            <Select
              mode="multiple"
              allowClear
              placeholder={t('list.type')}
              aria-label={t('list.type')}
              style={{ minWidth: 150 }}
              value={types}
              onChange={setTypes}
              options={requestTypes.map((s) => ({ value: s, label: t(`types.${s}`) }))}
              data-testid="request-type-filter"
            />
            {isFiltered && (
              <Button
                type="link"
                onClick={() => {
                  setQuery('');
                  setStatuses([]);
                  setTypes([]);
                }}
              >
                {t('list.clear')}
              </Button>
            )}
          </Flex>
          <Table<ServiceRequest>
            data-testid="request-table"
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={filtered}
            loading={!rows}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 1480 }}
            locale={{ emptyText: <Typography.Text type="secondary">{t('list.noMatch')}</Typography.Text> }}
            onRow={(r) => ({ onClick: () => navigate(`/requests/${r.id}`), style: { cursor: 'pointer' } })}
          />
        </>
      )}
    </>
  );
}
