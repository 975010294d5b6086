import { FileAddOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, DatePicker, Flex, Input, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportRecord, ReportStatus } from '@shared/schemas/report';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useSaveHandler } from '../../components/useSaveHandler';
import { formatDateTime, useTeam, issueReport, useAllReports } from '../../core';
import { sampleDemoData } from '../../pdf/demo/sample-demo';
import type { Language } from '../../pdf/types';
import { MonthlyServiceAction } from './MonthlyServiceDialog';
import { ReportRowActions } from './ReportRowActions';

export const statusColor: Record<ReportStatus, string> = {
  issued: 'blue',
  signed: 'green',
  filed: 'default',
  void: 'red',
};

/** Every issued report: filter, open, save again, print, verify, sign, attach the signed scan, file, void. */
export function ReportsPage() {
  const { t, i18n } = useTranslation('registry');
  const rows = useAllReports();
  const team = useTeam();
  const save = useSaveHandler();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [type, setType] = useState<string | undefined>();
  const [status, setStatus] = useState<ReportStatus | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [latestOnly, setLatestOnly] = useState(true);
  const [busy, setBusy] = useState(false);
  const nameOf = (id: string) => team?.find((m) => m.id === id)?.name ?? id;
  const filtered = useMemo(() => {
    const needle = q.trim().toLowerCase();
    const latest = new Map<string, number>();
    for (const r of rows ?? []) latest.set(r.number, Math.max(latest.get(r.number) ?? 0, r.version));
    return (rows ?? []).filter(
      (r) =>
        (!latestOnly || latest.get(r.number) === r.version) &&
        (!type || r.type === type) &&
        (!status || r.status === status) &&
        (!range?.[0] || r.issuedAt >= range[0].startOf('day').toISOString()) &&
        (!range?.[1] || r.issuedAt <= range[1].endOf('day').toISOString()) &&
        (!needle || `${r.number} ${r.title} ${r.dataHash}`.toLowerCase().includes(needle)),
    );
  }, [rows, q, type, status, range, latestOnly]);
  const types = [...new Set((rows ?? []).map((r) => r.type))];
  const issueSample = async () => {
    setBusy(true);
    const hide = message.loading(t('generating'), 0);
    try {
      await save(async () => {
        const lng = i18n.language as Language;
        await issueReport({
          type: 'sample',
          subjectType: 'sample',
          subjectId: 'sample',
          data: await sampleDemoData(lng, 30),
          period: { from: '2026-11-01', to: '2026-11-30' },
        });
      }, 'registry:issued');
    } finally {
      hide();
      setBusy(false);
    }
  };
  const columns: ColumnsType<ReportRecord> = [
    {
      title: t('col.number'),
      dataIndex: 'number',
      sorter: (a, b) => a.number.localeCompare(b.number),
      render: (v: string) => <span className="tabular">{v}</span>,
    },
    {
      title: t('col.version'),
      dataIndex: 'version',
      width: 70,
      sorter: (a, b) => a.version - b.version,
      render: (v: number) => `V${v}`,
    },
    { title: t('col.title'), dataIndex: 'title', sorter: (a, b) => a.title.localeCompare(b.title, 'zh-CN') },
    {
      title: t('col.language'),
      dataIndex: 'language',
      width: 90,
      render: (v: string) => t(`common:languages.${v === 'en' ? 'en' : 'zh'}`),
    },
    {
      title: t('col.issuedAt'),
      dataIndex: 'issuedAt',
      defaultSortOrder: 'descend',
      sorter: (a, b) => a.issuedAt.localeCompare(b.issuedAt),
      render: (v: string) => formatDateTime(v, i18n.language),
    },
    { title: t('col.issuedBy'), dataIndex: 'issuedBy', render: nameOf },
    {
      title: t('col.status'),
      dataIndex: 'status',
      sorter: (a, b) => a.status.localeCompare(b.status),
      render: (v: ReportStatus, r) => (
        <Tag color={statusColor[v]} title={r.voidReason}>
          {t(`status.${v}`)}
        </Tag>
      ),
    },
    { key: 'actions', render: (_, r) => <ReportRowActions report={r} /> },
  ];
  return (
    <>
      <PageHeader
        title={t('title')}
        sub={t('subtitle')}
        extra={
          <Flex gap={8}>
            <MonthlyServiceAction />
            <Button
              icon={<FileAddOutlined />}
              loading={busy}
              onClick={() => void issueSample()}
              data-testid="issue-sample"
            >
              {t('issueSample')}
            </Button>
          </Flex>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('search')}
          aria-label={t('search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          style={{ width: 260 }}
        />
        <Select
          allowClear
          placeholder={t('col.type')}
          value={type}
          onChange={setType}
          style={{ width: 180 }}
          options={types.map((v) => ({ value: v, label: t(`reports:types.${v}`) }))}
        />
        <Select
          allowClear
          placeholder={t('col.status')}
          value={status}
          onChange={setStatus}
          style={{ width: 130 }}
          options={(['issued', 'signed', 'filed', 'void'] as const).map((v) => ({ value: v, label: t(`status.${v}`) }))}
        />
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} aria-label={t('col.issuedAt')} />
        <Checkbox checked={latestOnly} onChange={(e) => setLatestOnly(e.target.checked)}>
          {t('latestOnly')}
        </Checkbox>
      </Flex>
      {rows && rows.length === 0 ? (
        <EmptyState title={t('empty')} description={t('emptyHint')} />
      ) : (
        <div data-testid="reports-table">
          <Table<ReportRecord>
            rowKey="id"
            size="small"
            loading={!rows}
            columns={columns}
            dataSource={filtered}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
          />
        </div>
      )}
    </>
  );
}
