import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  CopyOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
  SaveOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Input, List, Popconfirm, Row, Select, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem, InspectionTemplate, LocalizedText } from '@shared/schemas/inspection';
import { PageHeader } from '../../components/PageHeader';
import { useSaveHandler } from '../../components/useSaveHandler';
import { formatDateTime } from '../../core';
import { navigate } from '../../app/router';
import { pick, thresholdText } from '@shared/domain/inspection-judge';
import { SeverityTag } from './tags';
import { blankItem, TemplateItemForm } from './TemplateItemForm';
import { CopyDialog } from './CopyDialog';
import { saveTemplateVersion, useTemplate, useTemplateVersions } from './templates.repo';

interface Draft {
  title: LocalizedText;
  description: LocalizedText;
  items: ChecklistItem[];
}

/**
 * Views a built-in template, or edits a team template: names, and items added, removed, edited and
 * reordered (up/down buttons, keyboard-reachable). Saving writes a new version; runs keep theirs.
 */
export function TemplateEditor({ id }: { id: string }) {
  const { t, i18n } = useTranslation('inspections');
  const lng = i18n.language;
  const save = useSaveHandler();
  const entry = useTemplate(id);
  const stored = entry && !entry.isBuiltIn ? (entry.template as InspectionTemplate) : undefined;
  const versions = useTemplateVersions(stored?.templateKey);
  const [draft, setDraft] = useState<Draft>();
  const [editing, setEditing] = useState<{ index: number; item: ChecklistItem }>();
  const [changeNote, setChangeNote] = useState('');
  const [copying, setCopying] = useState(false);
  useEffect(() => {
    if (entry)
      setDraft({ title: entry.template.title, description: entry.template.description, items: entry.template.items });
  }, [entry]);
  if (entry === null) return <Empty description={t('templates.notFound')} />;
  if (!entry || !draft) return null;
  const readOnly = entry.isBuiltIn;
  const latest = versions?.[0];
  const isOld = !!stored && !!latest && latest.version > stored.version;
  const dirty =
    JSON.stringify(draft) !==
    JSON.stringify({
      title: entry.template.title,
      description: entry.template.description,
      items: entry.template.items,
    });
  const move = (i: number, d: -1 | 1) => {
    const items = [...draft.items];
    [items[i], items[i + d]] = [items[i + d], items[i]];
    setDraft({ ...draft, items });
  };
  const remove = (i: number) => setDraft({ ...draft, items: draft.items.filter((_, n) => n !== i) });
  const keep = (item: ChecklistItem) => {
    const items = [...draft.items];
    if (editing!.index < 0) items.push(item);
    else items[editing!.index] = item;
    setDraft({ ...draft, items });
    setEditing(undefined);
  };
  const submit = async () => {
    let next: InspectionTemplate | undefined;
    const ok = await save(async () => {
      next = await saveTemplateVersion(stored!, { ...draft, changeNote });
    }, 'inspections:templates.savedVersion');
    if (ok && next) {
      setChangeNote('');
      navigate(`/inspections/templates/${next.id}`);
    }
  };
  const text = (field: 'title' | 'description', lang: 'zh' | 'en') => (
    <Input.TextArea
      autoSize={{ minRows: 1, maxRows: 4 }}
      value={draft[field][lang]}
      disabled={readOnly}
      aria-label={t(`templates.form.${field}_${lang}`)}
      onChange={(e) => setDraft({ ...draft, [field]: { ...draft[field], [lang]: e.target.value } })}
      status={draft[field][lang].trim() ? undefined : 'error'}
    />
  );
  const answerText = (item: ChecklistItem) => {
    const a = item.answer;
    if (a.type === 'number')
      return `${t('templates.answerType.number')} ${thresholdText(a, t(`units.${a.unit}`, { defaultValue: a.unit }))}`;
    return t(`templates.answerType.${a.type}`);
  };
  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            {pick(entry.template.title, lng)}
            <Tag>v{entry.template.version}</Tag>
            {readOnly ? (
              <Tag color="blue">{t('templates.builtIn')}</Tag>
            ) : (
              <Tag color="green">{t('templates.team')}</Tag>
            )}
          </Flex>
        }
        sub={t('templates.editorSub', {
          family: t(`common:families.${entry.template.family}`),
          key: entry.template.templateKey,
        })}
        extra={
          <>
            <Button onClick={() => navigate('/inspections/templates')}>{t('detail.back')}</Button>
            <Button icon={<CopyOutlined />} onClick={() => setCopying(true)}>
              {t('templates.copy')}
            </Button>
            {!readOnly && (
              <Button
                type="primary"
                icon={<SaveOutlined />}
                disabled={!dirty || draft.items.length === 0}
                onClick={() => void submit()}
                data-testid="template-save"
              >
                {t('templates.saveVersion', { version: (latest?.version ?? entry.template.version) + 1 })}
              </Button>
            )}
          </>
        }
      />
      {readOnly && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('templates.builtInReadOnly')} />}
      {isOld && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('templates.oldVersion', { version: stored!.version, latest: latest!.version })}
          action={
            <Button size="small" onClick={() => navigate(`/inspections/templates/${latest!.id}`)}>
              {t('templates.openLatest')}
            </Button>
          }
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          <Card size="small" title={t('templates.names')} style={{ marginBottom: 12 }}>
            <Row gutter={12}>
              <Col span={12}>{text('title', 'zh')}</Col>
              <Col span={12}>{text('title', 'en')}</Col>
            </Row>
            <Row gutter={12} style={{ marginTop: 8 }}>
              <Col span={12}>{text('description', 'zh')}</Col>
              <Col span={12}>{text('description', 'en')}</Col>
            </Row>
          </Card>
          <Card
            size="small"
            title={t('templates.itemsTitle', { count: draft.items.length })}
            extra={
              !readOnly && (
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => setEditing({ index: -1, item: blankItem() })}
                  data-testid="template-add-item"
                >
                  {t('templates.addItem')}
                </Button>
              )
            }
          >
            <List
              size="small"
              dataSource={draft.items}
              data-testid="template-items"
              renderItem={(item, i) => (
                <List.Item
                  actions={
                    readOnly
                      ? []
                      : [
                          <Button
                            key="up"
                            size="small"
                            icon={<ArrowUpOutlined />}
                            disabled={i === 0}
                            onClick={() => move(i, -1)}
                            aria-label={t('templates.moveUp', { title: pick(item.title, lng) })}
                          />,
                          <Button
                            key="down"
                            size="small"
                            icon={<ArrowDownOutlined />}
                            disabled={i === draft.items.length - 1}
                            onClick={() => move(i, 1)}
                            aria-label={t('templates.moveDown', { title: pick(item.title, lng) })}
                          />,
                          <Button
                            key="edit"
                            size="small"
                            icon={<EditOutlined />}
                            onClick={() => setEditing({ index: i, item })}
                            aria-label={t('templates.editItem')}
                          />,
                          <Popconfirm
                            key="rm"
                            title={t('templates.confirmRemove')}
                            okText={t('common:actions.delete')}
                            cancelText={t('common:actions.cancel')}
                            onConfirm={() => remove(i)}
                          >
                            <Button
                              size="small"
                              danger
                              icon={<DeleteOutlined />}
                              aria-label={t('common:actions.delete')}
                            />
                          </Popconfirm>,
                        ]
                  }
                >
                  <List.Item.Meta
                    title={
                      <Flex gap={6} align="center" wrap>
                        <Typography.Text type="secondary">{i + 1}.</Typography.Text>
                        {pick(item.title, lng)}
                        <SeverityTag severity={item.severity} />
                        {item.deepOnly && <Tag color="purple">{t('run.deepOnly')}</Tag>}
                        {item.evidenceRequired && <Tag>{t('run.evidenceRequired')}</Tag>}
                      </Flex>
                    }
                    description={`${answerText(item)} · ${pick(item.expected, lng)}`}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          {!readOnly && (
            <Card size="small" title={t('templates.changeNote')} style={{ marginBottom: 12 }}>
              <Input.TextArea
                autoSize={{ minRows: 2, maxRows: 5 }}
                maxLength={500}
                value={changeNote}
                onChange={(e) => setChangeNote(e.target.value)}
                placeholder={t('templates.changeNotePlaceholder')}
              />
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                {t('templates.versionRule')}
              </Typography.Paragraph>
            </Card>
          )}
          {stored && (
            <Card size="small" title={t('templates.versions')}>
              <Select
                style={{ width: '100%' }}
                value={stored.id}
                onChange={(v) => navigate(`/inspections/templates/${v}`)}
                options={(versions ?? []).map((v) => ({
                  value: v.id,
                  label: `v${v.version} · ${formatDateTime(v.createdAt, lng)}${v.changeNote ? ` · ${v.changeNote}` : ''}`,
                }))}
                aria-label={t('templates.versions')}
              />
            </Card>
          )}
        </Col>
      </Row>
      {editing && (
        <TemplateItemForm
          item={editing.item}
          takenIds={draft.items.map((x) => x.id)}
          onSave={keep}
          onClose={() => setEditing(undefined)}
        />
      )}
      {copying && <CopyDialog entry={entry} onClose={() => setCopying(false)} />}
    </>
  );
}
