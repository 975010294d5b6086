import { CopyOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../core';
import { navigate } from '../../app/router';
import { CopyDialog } from './CopyDialog';
import { pick } from '@shared/domain/inspection-judge';
import { useTemplateEntries, type TemplateEntry } from './templates.repo';

/** The checklist library: built-in templates per family and the team's own versions. */
export function TemplatesPage() {
  const { t } = useTranslation('inspections');
  const entries = useTemplateEntries();
  const [copying, setCopying] = useState<TemplateEntry>();
  const columns = useTemplateColumns(setCopying);
  return (
    <>
      <PageHeader
        title={t('templates.title')}
        sub={t('templates.sub')}
        extra={<Button onClick={() => navigate('/inspections')}>{t('detail.back')}</Button>}
      />
      <ListTable<TemplateEntry>
        rows={entries}
        columns={columns}
        searchText={(e) =>
          `${e.template.title.zh} ${e.template.title.en} ${e.template.templateKey} ${t(`common:families.${e.template.family}`)}`
        }
        searchLabel={t('templates.search')}
        testId="templates-table"
      />
      {copying && <CopyDialog entry={copying} onClose={() => setCopying(undefined)} />}
    </>
  );
}

function useTemplateColumns(onCopy: (e: TemplateEntry) => void): ColumnsType<TemplateEntry> {
  const { t, i18n } = useTranslation('inspections');
  return [
    {
      title: t('templates.col.title'),
      key: 'title',
      sorter: (a, b) =>
        pick(a.template.title, i18n.language).localeCompare(pick(b.template.title, i18n.language), 'zh-CN'),
      render: (_, e) => (
        <a onClick={() => navigate(`/inspections/templates/${e.id}`)}>{pick(e.template.title, i18n.language)}</a>
      ),
    },
    {
      title: t('col.family'),
      key: 'family',
      sorter: (a, b) => a.template.family.localeCompare(b.template.family),
      render: (_, e) => t(`common:families.${e.template.family}`),
    },
    {
      title: t('templates.col.version'),
      key: 'version',
      sorter: (a, b) => a.template.version - b.template.version,
      render: (_, e) => `v${e.template.version}`,
    },
    {
      title: t('templates.col.items'),
      key: 'items',
      sorter: (a, b) => a.template.items.length - b.template.items.length,
      render: (_, e) =>
        t('templates.itemCounts', {
          routine: e.template.items.filter((i) => !i.deepOnly).length,
          deep: e.template.items.filter((i) => i.deepOnly).length,
        }),
    },
    {
      title: t('templates.col.kind'),
      key: 'kind',
      render: (_, e) =>
        e.isBuiltIn ? <Tag color="blue">{t('templates.builtIn')}</Tag> : <Tag color="green">{t('templates.team')}</Tag>,
    },
    {
      title: t('templates.col.updated'),
      key: 'updated',
      render: (_, e) => ('updatedAt' in e.template ? formatDate(e.template.updatedAt, i18n.language) : '—'),
    },
    {
      key: 'actions',
      width: 200,
      render: (_, e) => (
        <Space>
          <Button size="small" icon={<EyeOutlined />} onClick={() => navigate(`/inspections/templates/${e.id}`)}>
            {e.isBuiltIn ? t('templates.view') : t('templates.edit')}
          </Button>
          <Button
            size="small"
            icon={<CopyOutlined />}
            onClick={() => onCopy(e)}
            data-testid={`copy-${e.template.templateKey}`}
          >
            {t('templates.copy')}
          </Button>
        </Space>
      ),
    },
  ];
}
