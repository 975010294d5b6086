import { CopyOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Modal, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '@shared/schemas/inspection';
import { PageHeader } from '../../components/PageHeader';
import { useSaveHandler } from '../../components/useSaveHandler';
import { formatDate } from '../../app/format';
import { navigate } from '../../app/router';
import { pick } from './judge';
import { copyTemplate, useTemplateEntries, type TemplateEntry } from './templates.repo';

/** Copies a template under a new name (both languages), then opens the copy in the editor. */
export function CopyDialog({ entry, onClose }: { entry: TemplateEntry; onClose: () => void }) {
  const { t } = useTranslation('inspections');
  const save = useSaveHandler();
  const [form] = Form.useForm<LocalizedText>();
  const submit = async () => {
    const v = await form.validateFields();
    let id = '';
    const ok = await save(async () => {
      id = (await copyTemplate(entry.template, { zh: v.zh.trim(), en: v.en.trim() })).id;
    }, 'inspections:templates.copied');
    if (ok) {
      onClose();
      navigate(`/inspections/templates/${id}`);
    }
  };
  const required = { required: true, whitespace: true, message: t('common:validation.required') };
  return (
    <Modal
      open
      title={t('templates.copyTitle')}
      okText={t('templates.copy')}
      cancelText={t('common:actions.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      data-testid="copy-dialog"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          zh: t('templates.copyName', { name: entry.template.title.zh, lng: 'zh-CN' }),
          en: t('templates.copyName', { name: entry.template.title.en, lng: 'en' }),
        }}
        onFinish={() => void submit()}
      >
        <Form.Item name="zh" label={t('templates.nameZh')} rules={[required]}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="en" label={t('templates.nameEn')} rules={[required]}>
          <Input maxLength={120} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}

/** The checklist library: built-in templates per family and the team's own versions. */
export function TemplatesPage() {
  const { t, i18n } = useTranslation('inspections');
  const entries = useTemplateEntries();
  const [query, setQuery] = useState('');
  const [copying, setCopying] = useState<TemplateEntry>();
  const filtered = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (entries ?? []).filter(
      (e) =>
        !q ||
        `${e.template.title.zh} ${e.template.title.en} ${e.template.templateKey} ${t(`common:families.${e.template.family}`)}`
          .toLowerCase()
          .includes(q),
    );
  }, [entries, query, t]);
  const columns: ColumnsType<TemplateEntry> = [
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
            onClick={() => setCopying(e)}
            data-testid={`copy-${e.template.templateKey}`}
          >
            {t('templates.copy')}
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('templates.title')}
        sub={t('templates.sub')}
        extra={<Button onClick={() => navigate('/inspections')}>{t('detail.back')}</Button>}
      />
      <Flex style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('templates.search')}
          aria-label={t('templates.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          style={{ maxWidth: 320 }}
        />
      </Flex>
      <Table<TemplateEntry>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={filtered}
        loading={!entries}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="templates-table"
      />
      {copying && <CopyDialog entry={copying} onClose={() => setCopying(undefined)} />}
    </>
  );
}
