import { DeleteOutlined, EditOutlined, FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Descriptions, Flex, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { daysOfNotice } from '@shared/domain/personnel';
import type { PersonnelChange, PersonnelStatus } from '@shared/schemas/team';
import { EmptyState } from '../../components/EmptyState';
import { useSaveHandler } from '../../components/useSaveHandler';
import { formatDate, formatDateTime, shanghaiDate, AttachmentList, saveReportPdf } from '../../core';
import { requireApproval } from '../access';
import { ConflictMark } from '../sync';
import { issuePersonnelNotice } from './notice';
import { PersonnelForm } from './PersonnelForm';
import { deletePersonnelChange, personnelOwnerType, savePersonnelChange, usePersonnelChanges } from './team.repo';

const statusColors: Record<PersonnelStatus, string> = {
  pending: 'processing',
  consented: 'success',
  refused: 'error',
  completed: 'default',
  withdrawn: 'default',
};

/**
 * 人员变更: records with the 30-day notice check, consent status, the written notice and the notice
 * letter (PDF), issued with the project manager's approval (their PIN, asked for at that moment).
 */
export function PersonnelPanel() {
  const { t, i18n } = useTranslation('team');
  const save = useSaveHandler();
  const rows = usePersonnelChanges();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<PersonnelChange | null>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const filtered = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (rows ?? []).filter(
      (r) => !q || `${r.leavingName} ${r.replacementName} ${r.reason} ${r.notes}`.toLowerCase().includes(q),
    );
  }, [rows, query]);
  const edit = (r: PersonnelChange | null) => {
    setEditing(r);
    setOpen(true);
  };
  const fmt = (d?: string) => (d ? formatDate(d, i18n.language) : '—');
  const printNotice = async (c: PersonnelChange) => {
    // The notice is the project manager's decision: the PM types their PIN here, on this laptop.
    const approval = await requireApproval(
      'personnel-notice',
      t('personnel.noticeSubject', {
        leaving: c.leavingName,
        replacement: c.replacementName,
        date: fmt(c.plannedDate),
      }),
    );
    if (!approval) return;
    setBusy(c.id);
    await save(async () => {
      const report = await issuePersonnelNotice(c.id, approval);
      await saveReportPdf(report);
    }, 'team:personnel.noticeIssued');
    setBusy(null);
  };
  const columns: ColumnsType<PersonnelChange> = [
    {
      title: t('personnel.fields.leaving'),
      dataIndex: 'leavingName',
      render: (v: string, r) => (
        <>
          {v}
          <ConflictMark table="personnelChanges" recordId={r.id} />
        </>
      ),
      sorter: (a, b) => a.leavingName.localeCompare(b.leavingName, 'zh-CN'),
    },
    {
      title: t('personnel.fields.replacement'),
      dataIndex: 'replacementName',
      sorter: (a, b) => a.replacementName.localeCompare(b.replacementName, 'zh-CN'),
    },
    {
      title: t('personnel.fields.noticeDate'),
      dataIndex: 'noticeDate',
      defaultSortOrder: 'descend',
      sorter: (a, b) => a.noticeDate.localeCompare(b.noticeDate),
      render: fmt,
    },
    {
      title: t('personnel.fields.plannedDate'),
      dataIndex: 'plannedDate',
      sorter: (a, b) => a.plannedDate.localeCompare(b.plannedDate),
      render: (d: string, r) => t('personnel.plannedCell', { date: fmt(d), days: daysOfNotice(r.noticeDate, d) }),
    },
    {
      title: t('personnel.fields.status'),
      dataIndex: 'status',
      sorter: (a, b) => a.status.localeCompare(b.status),
      render: (s: PersonnelStatus, r) => (
        <Tag color={statusColors[s]}>
          {t(`personnel.status.${s}`)}
          {r.consentDate ? ` ${fmt(r.consentDate)}` : ''}
        </Tag>
      ),
    },
    {
      key: 'actions',
      width: 200,
      render: (_, r) => (
        <Space>
          <Button
            size="small"
            icon={<FilePdfOutlined />}
            loading={busy === r.id}
            onClick={() => void printNotice(r)}
            data-testid="personnel-notice"
          >
            {t('personnel.notice')}
          </Button>
          <Button size="small" icon={<EditOutlined />} aria-label={t('common:actions.edit')} onClick={() => edit(r)} />
          <Popconfirm
            title={t('common:actions.confirmDelete')}
            okText={t('common:actions.delete')}
            cancelText={t('common:actions.cancel')}
            onConfirm={() => void save(() => deletePersonnelChange(r), null)}
          >
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common:actions.delete')} />
          </Popconfirm>
        </Space>
      ),
    },
  ];
  return (
    <div data-testid="personnel">
      <Flex justify="space-between" gap={8} style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('personnel.search')}
          aria-label={t('personnel.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          style={{ maxWidth: 320 }}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => edit(null)} data-testid="personnel-add">
          {t('personnel.add')}
        </Button>
      </Flex>
      {rows && rows.length === 0 ? (
        <EmptyState
          title={t('personnel.emptyTitle')}
          description={t('personnel.emptyHint')}
          action={t('personnel.add')}
          onAction={() => edit(null)}
        />
      ) : (
        <Table<PersonnelChange>
          rowKey="id"
          size="small"
          loading={!rows}
          columns={columns}
          dataSource={filtered}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          expandable={{
            expandedRowRender: (r) => (
              <Flex gap={24} wrap>
                <Descriptions size="small" column={1} style={{ flex: '1 1 320px' }}>
                  <Descriptions.Item label={t('personnel.fields.replacementPhone')}>
                    {r.replacementPhone || '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('personnel.fields.replacementProfile')}>
                    {r.replacementProfile || '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('personnel.fields.reason')}>{r.reason || '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('personnel.fields.consentBy')}>{r.consentBy || '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('personnel.fields.handover')}>{r.notes || '—'}</Descriptions.Item>
                  {r.noticeApproval && (
                    <Descriptions.Item label={t('personnel.fields.noticeApproval')}>
                      <span data-testid="personnel-notice-approval">
                        {t('personnel.noticeApprovalValue', {
                          name: r.noticeApproval.approverName,
                          at: formatDateTime(r.noticeApproval.approvedAt, i18n.language),
                          number: r.noticeApproval.reportNumber,
                        })}
                      </span>
                    </Descriptions.Item>
                  )}
                </Descriptions>
                <div style={{ flex: '1 1 320px' }}>
                  <Typography.Text strong>{t('personnel.writtenNotice')}</Typography.Text>
                  <AttachmentList ownerType={personnelOwnerType} ownerId={r.id} testId="personnel-attachments" />
                  {r.status === 'pending' && (
                    <Popconfirm
                      title={t('personnel.confirmConsent')}
                      okText={t('common:actions.ok')}
                      cancelText={t('common:actions.cancel')}
                      onConfirm={() =>
                        void save(
                          () =>
                            savePersonnelChange({ ...r, status: 'consented', consentDate: shanghaiDate(new Date()) }),
                          'team:personnel.saved',
                        )
                      }
                    >
                      <Button size="small" style={{ marginTop: 8 }}>
                        {t('personnel.markConsented')}
                      </Button>
                    </Popconfirm>
                  )}
                </div>
              </Flex>
            ),
          }}
        />
      )}
      <PersonnelForm open={open} editing={editing} onClose={() => setOpen(false)} />
    </div>
  );
}
