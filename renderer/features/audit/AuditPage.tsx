import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Descriptions, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@shared/schemas/core';
import { zeroHash } from '@shared/util/hash';
import { formatDateTime } from '../../core';
import { usePath } from '../../app/router';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { getDb } from '../../db';
import { distinct, filterAudit, type AuditFilter } from './audit-filter';
import { AuditFindings } from './AuditFindings';
import { useActorName, useEntityLabel } from './labels';
import { useAuditChainCheck } from './useAuditChainCheck';

const actionColors: Record<string, string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  restore: 'volcano',
  import: 'volcano',
  'report-issued': 'purple',
  'report-voided': 'magenta',
  signature: 'cyan',
  settings: 'gold',
};

/** /audit: the whole hash-chained log, filtered and virtualised, with the chain's state and head. */
export function AuditPage() {
  const { t, i18n } = useTranslation('audit');
  const path = usePath();
  const focusSeq = Number(new URLSearchParams(path.split('?')[1] ?? '').get('seq') ?? NaN);
  const entries = useLiveQuery(() => getDb().auditLog.orderBy('seq').reverse().toArray(), []);
  const chain = useAuditChainCheck();
  const actorName = useActorName();
  const entityLabel = useEntityLabel();
  const [f, setF] = useState<AuditFilter>({});
  const shown = useMemo(() => {
    const list = filterAudit(entries ?? [], f, actorName);
    return Number.isFinite(focusSeq) && !f.text
      ? [...list.filter((e) => e.seq === focusSeq), ...list.filter((e) => e.seq !== focusSeq)]
      : list;
  }, [entries, f, actorName, focusSeq]);
  const head = entries?.[0]?.hash ?? zeroHash;
  const badSeq = chain.result && !chain.result.ok ? chain.result.firstBadSeq : null;
  const set = (patch: Partial<AuditFilter>) => setF((old) => ({ ...old, ...patch }));
  const opt = (values: string[], label: (v: string) => string) => values.map((v) => ({ value: v, label: label(v) }));

  const columns: ColumnsType<AuditEntry> = [
    { title: '#', dataIndex: 'seq', width: 80, sorter: (a, b) => a.seq - b.seq, defaultSortOrder: 'descend' },
    {
      title: t('columns.at'),
      dataIndex: 'at',
      width: 150,
      render: (v: string) => formatDateTime(v, i18n.language),
      sorter: (a, b) => a.at.localeCompare(b.at),
    },
    {
      title: t('columns.actor'),
      dataIndex: 'actor',
      width: 100,
      render: (v: string) => actorName(v),
      sorter: (a, b) => actorName(a.actor).localeCompare(actorName(b.actor), 'zh-CN'),
    },
    {
      title: t('columns.action'),
      dataIndex: 'action',
      width: 110,
      render: (v: string) => <Tag color={actionColors[v]}>{t(`actions.${v}`, { defaultValue: v })}</Tag>,
      sorter: (a, b) => a.action.localeCompare(b.action),
    },
    {
      title: t('columns.entity'),
      dataIndex: 'entity',
      width: 120,
      render: (v: string) => entityLabel(v),
      sorter: (a, b) => a.entity.localeCompare(b.entity),
    },
    {
      title: t('columns.summary'),
      dataIndex: 'summary',
      width: 420,
      ellipsis: { showTitle: true },
      sorter: (a, b) => a.summary.localeCompare(b.summary, 'zh-CN'),
    },
    {
      title: t('columns.hash'),
      dataIndex: 'hash',
      width: 130,
      render: (v: string) => (
        <Typography.Text code title={v}>
          {v.slice(0, 12)}
        </Typography.Text>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('common:nav.audit')}
        sub={t('subtitle')}
        extra={
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined />}
            loading={chain.status === 'checking'}
            onClick={() => void chain.check()}
            data-testid="audit-verify"
          >
            {t('chain.verify')}
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }} data-testid="audit-chain-card">
        {chain.status === 'ok' && (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 12 }}
            title={t(chain.verification?.seal.status === 'no-key' ? 'chain.ok' : 'chain.okSealed', {
              count: chain.result?.count ?? 0,
              records: chain.verification?.records.checked ?? 0,
              time: formatDateTime(chain.checkedAt, i18n.language),
            })}
            data-testid="audit-chain-ok"
          />
        )}
        {chain.status === 'broken' && chain.verification && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={t(chain.result?.ok === false ? 'chain.brokenTitle' : 'seal.problemsTitle')}
            description={<AuditFindings v={chain.verification} bad={chain.bad} />}
            data-testid="audit-chain-broken"
          />
        )}
        {chain.status === 'error' && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('chain.error', { message: chain.error })}
          />
        )}
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('chain.head')} span={2}>
            <Typography.Text code copyable data-testid="audit-head">
              {head}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('chain.count')}>{entries?.length ?? '…'}</Descriptions.Item>
          <Descriptions.Item label={t('chain.headNote')}>{t('chain.headExplain')}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Flex gap={8} wrap style={{ marginBottom: 12 }} data-testid="audit-filters">
        <Input.Search
          allowClear
          placeholder={t('filters.text')}
          aria-label={t('filters.text')}
          style={{ width: 240 }}
          value={f.text ?? ''}
          onChange={(e) => set({ text: e.target.value })}
        />
        <Select
          allowClear
          placeholder={t('filters.entity')}
          aria-label={t('filters.entity')}
          style={{ width: 150 }}
          value={f.entity}
          onChange={(v?: string) => set({ entity: v })}
          options={opt(distinct(entries ?? [], 'entity'), entityLabel)}
        />
        <Select
          allowClear
          placeholder={t('filters.action')}
          aria-label={t('filters.action')}
          style={{ width: 140 }}
          value={f.action}
          onChange={(v?: string) => set({ action: v })}
          options={opt(distinct(entries ?? [], 'action'), (v) => t(`actions.${v}`, { defaultValue: v }))}
        />
        <Select
          allowClear
          placeholder={t('filters.actor')}
          aria-label={t('filters.actor')}
          style={{ width: 140 }}
          value={f.actor}
          onChange={(v?: string) => set({ actor: v })}
          options={opt(distinct(entries ?? [], 'actor'), actorName)}
        />
        <DatePicker.RangePicker
          aria-label={t('filters.dates')}
          onChange={(v: [Dayjs | null, Dayjs | null] | null) =>
            set({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })
          }
        />
        <Button onClick={() => setF({})}>{t('filters.reset')}</Button>
        <Typography.Text type="secondary" style={{ alignSelf: 'center' }} data-testid="audit-count">
          {t('filters.count', { shown: shown.length, total: entries?.length ?? 0 })}
        </Typography.Text>
      </Flex>
      {entries && entries.length === 0 ? (
        <EmptyState title={t('empty.title')} description={t('empty.description')} testId="audit-empty" />
      ) : (
        <Table<AuditEntry>
          data-testid="audit-table"
          virtual
          size="small"
          rowKey="seq"
          loading={!entries}
          columns={columns}
          dataSource={shown}
          pagination={false}
          scroll={{ x: 1110, y: 560 }}
          rowClassName={(e) =>
            badSeq !== null && e.seq >= badSeq ? 'audit-row-bad' : e.seq === focusSeq ? 'audit-row-focus' : ''
          }
          onRow={(e) => ({
            style:
              badSeq !== null && e.seq >= badSeq
                ? { background: '#fff1f0' }
                : e.seq === focusSeq
                  ? { background: '#fffbe6' }
                  : undefined,
          })}
          locale={{ emptyText: t('empty.filtered') }}
        />
      )}
    </>
  );
}
