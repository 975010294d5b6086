import { PushpinFilled } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Space, Table, Tag, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../core';
import { EmptyState } from '../../components/EmptyState';
import type { BackupEntry } from '../../platform';
import { accessErrorText, requireApproval } from '../access';
import { formatBytes } from './messages';
import { unpinBackup } from './unpin';

const reasons = ['auto', 'manual', 'close', 'pre-upgrade', 'pre-restore'];
/** The reason is the last part of the name this app gives its backups. */
export function reasonOf(name: string): string | null {
  const m = /-([a-z-]+)\.odbk$/i.exec(name);
  const r = m ? reasons.find((x) => m[1].endsWith(x)) : undefined;
  return r ?? null;
}

/** Stored backups: searchable, sortable, each restorable (with confirmation in the dialog). */
export function BackupListCard({
  list,
  error,
  onRestore,
  onChanged,
}: {
  list: BackupEntry[] | undefined;
  error: string | null;
  onRestore: (name: string) => void;
  /** After a backup was unpinned: reload the list. */
  onChanged?: () => void;
}) {
  const { t, i18n } = useTranslation('backup');
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  async function unpin(name: string) {
    const approval = await requireApproval('backup-unpin', name);
    if (!approval) return;
    try {
      await unpinBackup(name, approval);
      message.success(t('list.unpinned'));
      onChanged?.();
    } catch (err) {
      message.error(accessErrorText(t, err));
    }
  }
  const rows = useMemo(
    () =>
      (list ?? []).filter(
        (b) =>
          !q.trim() ||
          `${b.name} ${t(`reasons.${reasonOf(b.name) ?? 'manual'}`)}`.toLowerCase().includes(q.trim().toLowerCase()),
      ),
    [list, q, t],
  );
  return (
    <Card
      size="small"
      title={t('list.title')}
      extra={
        <Input.Search
          allowClear
          size="small"
          placeholder={t('common:actions.search')}
          aria-label={t('common:actions.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          style={{ width: 220 }}
        />
      }
    >
      {error && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('list.error', { message: error })} />
      )}
      {list && list.length === 0 ? (
        <EmptyState title={t('list.emptyTitle')} description={t('list.emptyDescription')} testId="backup-list-empty" />
      ) : (
        <Table<BackupEntry>
          data-testid="backup-list"
          size="small"
          rowKey="name"
          loading={!list}
          dataSource={rows}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            {
              title: t('list.time'),
              dataIndex: 'modifiedAt',
              width: 170,
              render: (v: string) => formatDateTime(v, i18n.language),
              sorter: (a, b) => a.modifiedAt.localeCompare(b.modifiedAt),
              defaultSortOrder: 'descend',
            },
            {
              title: t('list.reason'),
              key: 'reason',
              width: 190,
              render: (_, b) => (
                <Space size={4}>
                  <Tag>{t(`reasons.${reasonOf(b.name) ?? 'manual'}`)}</Tag>
                  {b.pinned && (
                    <Tooltip title={t('list.pinnedHint')}>
                      <Tag icon={<PushpinFilled />} color="gold" data-testid={`pinned-${b.name}`}>
                        {t('list.pinned')}
                      </Tag>
                    </Tooltip>
                  )}
                </Space>
              ),
              sorter: (a, b) => (reasonOf(a.name) ?? '').localeCompare(reasonOf(b.name) ?? ''),
            },
            {
              title: t('list.name'),
              dataIndex: 'name',
              ellipsis: true,
              sorter: (a, b) => a.name.localeCompare(b.name),
            },
            {
              title: t('list.size'),
              dataIndex: 'size',
              width: 100,
              align: 'right',
              render: (v: number) => formatBytes(v, i18n.language),
              sorter: (a, b) => a.size - b.size,
            },
            {
              key: 'actions',
              width: 170,
              render: (_, b) => (
                <Space size={4}>
                  <Button size="small" onClick={() => onRestore(b.name)} data-testid={`restore-${b.name}`}>
                    {t('actions.restore')}
                  </Button>
                  {b.pinned && b.mine && (
                    <Button size="small" onClick={() => void unpin(b.name)} data-testid={`unpin-${b.name}`}>
                      {t('actions.unpin')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
