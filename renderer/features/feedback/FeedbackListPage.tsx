import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, List, Popconfirm, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { useSaveHandler } from '../../components/useSaveHandler';
import { useUndoMessage } from '../../components/useUndoMessage';
import { formatDate } from '../../core';
import { FeedbackForm } from './FeedbackForm';
import {
  deleteFeedbackMeeting,
  undoDeleteFeedbackMeeting,
  useFeedbackMeetings,
  type FeedbackMeeting,
} from './feedback.repo';

const searchText = (m: FeedbackMeeting) =>
  `${m.date} ${m.attendees.map((a) => a.name).join(' ')} ${m.clientSaid} ${m.actions
    .map((a) => `${a.what} ${a.owner}`)
    .join(' ')}`;

/** Every feedback meeting: searchable, sortable; a row opens to what the client said and the actions. */
export function FeedbackListPage() {
  const { t } = useTranslation('feedback');
  const rows = useFeedbackMeetings();
  // undefined: closed; null: a new meeting.
  const [editing, setEditing] = useState<FeedbackMeeting | null | undefined>();
  const columns = useColumns(setEditing);
  return (
    <div data-testid="feedback-page">
      <PageHeader title={t('title')} sub={t('subtitle')} />
      <ListTable<FeedbackMeeting>
        rows={rows}
        columns={columns}
        searchText={searchText}
        searchLabel={t('list.search')}
        testId="feedback-list"
        toolbarEnd={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="feedback-add">
            {t('list.add')}
          </Button>
        }
        empty={{
          title: t('list.emptyTitle'),
          description: t('list.emptyHint'),
          action: t('list.add'),
          onAction: () => setEditing(null),
        }}
        tableProps={{
          locale: { emptyText: t('list.noMatch') },
          expandable: { expandedRowRender: (m) => <MeetingBody m={m} /> },
          onRow: (m) => ({ onDoubleClick: () => setEditing(m) }),
        }}
      />
      <FeedbackForm open={editing !== undefined} meeting={editing ?? null} onClose={() => setEditing(undefined)} />
    </div>
  );
}

function MeetingBody({ m }: { m: FeedbackMeeting }) {
  const { t, i18n } = useTranslation('feedback');
  return (
    <Flex vertical gap={8} style={{ paddingInline: 8 }}>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{m.clientSaid}</Typography.Paragraph>
      {m.actions.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('fields.actions')}</Typography.Text>}
          dataSource={m.actions}
          renderItem={(a) => (
            <List.Item>
              <Flex gap={8} wrap align="center">
                <Tag color={a.done ? 'green' : 'orange'}>{a.done ? t('fields.done') : t('list.open')}</Tag>
                <span>{a.what}</span>
                <Typography.Text type="secondary">
                  {a.owner} · {formatDate(a.due, i18n.language)}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}

function useColumns(edit: (m: FeedbackMeeting) => void): ColumnsType<FeedbackMeeting> {
  const { t, i18n } = useTranslation('feedback');
  const save = useSaveHandler();
  const undo = useUndoMessage();
  const remove = async (m: FeedbackMeeting) => {
    let removed: FeedbackMeeting | null = null;
    const ok = await save(async () => {
      removed = await deleteFeedbackMeeting(m.id);
    }, null);
    if (ok && removed) {
      const gone: FeedbackMeeting = removed;
      undo(`feedback-undo-${m.id}`, () => undoDeleteFeedbackMeeting(gone));
    }
  };
  const doneOf = (m: FeedbackMeeting) => m.actions.filter((a) => a.done).length;
  return [
    {
      title: t('fields.date'),
      dataIndex: 'date',
      width: 130,
      defaultSortOrder: 'descend',
      sorter: (a, b) => a.date.localeCompare(b.date),
      render: (v: string) => formatDate(v, i18n.language),
    },
    {
      title: t('fields.attendees'),
      key: 'attendees',
      width: 240,
      sorter: (a, b) => a.attendees.length - b.attendees.length,
      render: (_, m) => m.attendees.map((a) => a.name).join('、'),
    },
    {
      title: t('fields.clientSaid'),
      dataIndex: 'clientSaid',
      ellipsis: true,
      sorter: (a, b) => a.clientSaid.localeCompare(b.clientSaid, 'zh-CN'),
    },
    {
      title: t('fields.actions'),
      key: 'actions',
      width: 130,
      sorter: (a, b) => a.actions.length - doneOf(a) - (b.actions.length - doneOf(b)),
      render: (_, m) =>
        m.actions.length ? t('list.actionsDone', { done: doneOf(m), total: m.actions.length }) : t('list.noActions'),
    },
    {
      key: 'ops',
      width: 96,
      render: (_, m) => (
        <Flex gap={4}>
          <Button
            size="small"
            type="text"
            icon={<EditOutlined />}
            aria-label={t('list.edit')}
            title={t('list.edit')}
            onClick={() => edit(m)}
          />
          <Popconfirm
            title={t('list.confirmDelete', { date: formatDate(m.date, i18n.language) })}
            okText={t('list.delete')}
            cancelText={t('common:actions.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove(m)}
          >
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('list.delete')}
              title={t('list.delete')}
            />
          </Popconfirm>
        </Flex>
      ),
    },
  ];
}
