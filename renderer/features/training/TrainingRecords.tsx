import { PlusOutlined } from '@ant-design/icons';
import { Button, Rate, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { trainingTypes, type Training } from '@shared/schemas/training';
import { ListTable } from '../../components/ListTable';
import { navigate } from '../../app/router';
import { TrainingDates } from './TrainingDates';
import { TrainingForm, type TrainingDraft } from './TrainingForm';
import { useTrainings } from './training.repo';

export const typeColors: Record<Training['type'], string> = {
  onsite: 'blue',
  adhoc: 'cyan',
  inspection: 'purple',
  special: 'gold',
  vendor: 'green',
};

/** Every training record: searchable, sortable, filterable by type and year. */
export function TrainingRecords() {
  const { t } = useTranslation('training');
  const rows = useTrainings();
  const [type, setType] = useState<Training['type'] | undefined>();
  const [year, setYear] = useState<string | undefined>();
  const [draft, setDraft] = useState<TrainingDraft | null>(null);
  const years = useMemo(() => [...new Set((rows ?? []).map((r) => r.startDate.slice(0, 4)))].sort().reverse(), [rows]);
  const columns = useTrainingColumns();
  return (
    <div data-testid="training-records">
      <ListTable<Training>
        rows={rows}
        columns={columns}
        searchText={(r) =>
          `${r.topic} ${r.trainer} ${r.location} ${r.content} ${r.feedback} ${r.attendees.map((a) => `${a.name} ${a.department}`).join(' ')}`
        }
        searchLabel={t('list.search')}
        filter={(r) => (!type || r.type === type) && (!year || r.startDate.startsWith(year))}
        filters={
          <>
            <Select
              allowClear
              placeholder={t('list.allTypes')}
              aria-label={t('fields.type')}
              value={type}
              onChange={setType}
              options={trainingTypes.map((x) => ({ value: x, label: t(`types.${x}`) }))}
              style={{ width: 150 }}
            />
            <Select
              allowClear
              placeholder={t('list.allYears')}
              aria-label={t('list.year')}
              value={year}
              onChange={setYear}
              options={years.map((y) => ({ value: y, label: y }))}
              style={{ width: 110 }}
            />
          </>
        }
        toolbarEnd={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDraft({})} data-testid="training-add">
            {t('list.add')}
          </Button>
        }
        empty={{
          title: t('list.emptyTitle'),
          description: t('list.emptyHint'),
          action: t('list.add'),
          onAction: () => setDraft({}),
        }}
        tableProps={{
          onRow: (r) => ({ onDoubleClick: () => navigate(`/training/records/${r.id}`) }),
          locale: { emptyText: t('list.noMatch') },
        }}
      />
      <TrainingForm
        open={draft !== null}
        draft={draft}
        onClose={() => setDraft(null)}
        onSaved={(r) => navigate(`/training/records/${r.id}`)}
      />
    </div>
  );
}

function useTrainingColumns(): ColumnsType<Training> {
  const { t } = useTranslation('training');
  return [
    {
      title: t('fields.dates'),
      dataIndex: 'startDate',
      width: 190,
      defaultSortOrder: 'descend',
      sorter: (a, b) => a.startDate.localeCompare(b.startDate),
      render: (_, r) => <TrainingDates t={r} />,
    },
    {
      title: t('fields.type'),
      dataIndex: 'type',
      width: 110,
      sorter: (a, b) => a.type.localeCompare(b.type),
      render: (v: Training['type']) => <Tag color={typeColors[v]}>{t(`types.${v}`)}</Tag>,
    },
    {
      title: t('fields.topic'),
      dataIndex: 'topic',
      sorter: (a, b) => a.topic.localeCompare(b.topic, 'zh-CN'),
      render: (v: string, r) => <a href={`#/training/records/${r.id}`}>{v}</a>,
    },
    {
      title: t('fields.trainer'),
      dataIndex: 'trainer',
      width: 100,
      sorter: (a, b) => a.trainer.localeCompare(b.trainer, 'zh-CN'),
    },
    { title: t('fields.hours'), dataIndex: 'hours', width: 80, align: 'right', sorter: (a, b) => a.hours - b.hours },
    {
      title: t('list.attendees'),
      key: 'attendees',
      width: 90,
      align: 'right',
      sorter: (a, b) => a.attendees.length - b.attendees.length,
      render: (_, r) => r.attendees.length,
    },
    {
      title: t('fields.rating'),
      dataIndex: 'rating',
      width: 140,
      sorter: (a, b) => (a.rating ?? 0) - (b.rating ?? 0),
      render: (v?: number) => (v ? <Rate disabled value={v} style={{ fontSize: 12 }} /> : '—'),
    },
  ];
}
