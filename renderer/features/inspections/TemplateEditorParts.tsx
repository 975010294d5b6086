/**
 * The parts of the template editor (./TemplateEditor.tsx): the item list with its reorder, edit and
 * remove buttons, the names, the title, the change-note card and the version picker.
 */
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  CopyOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
  SaveOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Input, List, Popconfirm, Row, Select, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem, InspectionTemplate, LocalizedText } from '@shared/schemas/inspection';
import { pick, thresholdText } from '@shared/domain/inspection-judge';
import { formatDateTime } from '../../core';
import { navigate } from '../../app/router';
import { PageHeader } from '../../components/PageHeader';
import { SeverityTag } from './tags';
import type { TemplateEntry } from './templates.repo';

/** The items of a template, in order; the buttons are left out when it cannot be edited. */
export function TemplateItemList({
  items,
  readOnly,
  onAdd,
  onMove,
  onEdit,
  onRemove,
}: {
  items: ChecklistItem[];
  readOnly: boolean;
  onAdd: () => void;
  onMove: (index: number, by: -1 | 1) => void;
  onEdit: (index: number, item: ChecklistItem) => void;
  onRemove: (index: number) => void;
}) {
  const { t, i18n } = useTranslation('inspections');
  const lng = i18n.language;
  const answerText = (item: ChecklistItem) => {
    const a = item.answer;
    if (a.type === 'number')
      return `${t('templates.answerType.number')} ${thresholdText(a, t(`units.${a.unit}`, { defaultValue: a.unit }))}`;
    return t(`templates.answerType.${a.type}`);
  };
  return (
    <Card
      size="small"
      title={t('templates.itemsTitle', { count: items.length })}
      extra={
        !readOnly && (
          <Button size="small" icon={<PlusOutlined />} onClick={onAdd} data-testid="template-add-item">
            {t('templates.addItem')}
          </Button>
        )
      }
    >
      <List
        size="small"
        dataSource={items}
        data-testid="template-items"
        renderItem={(item, i) => (
          <List.Item
            actions={
              readOnly
                ? []
                : itemActions({
                    t,
                    title: pick(item.title, lng),
                    index: i,
                    last: items.length - 1,
                    onMove,
                    onRemove,
                    onEdit: () => onEdit(i, item),
                  })
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
  );
}

/** What changed, saved with the next version. */
export function ChangeNoteCard({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation('inspections');
  return (
    <Card size="small" title={t('templates.changeNote')} style={{ marginBottom: 12 }}>
      <Input.TextArea
        autoSize={{ minRows: 2, maxRows: 5 }}
        maxLength={500}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={t('templates.changeNotePlaceholder')}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('templates.versionRule')}
      </Typography.Paragraph>
    </Card>
  );
}

/** Opens another version of a team template. */
export function VersionPicker({ current, versions }: { current: InspectionTemplate; versions: InspectionTemplate[] }) {
  const { t, i18n } = useTranslation('inspections');
  return (
    <Card size="small" title={t('templates.versions')}>
      <Select
        style={{ width: '100%' }}
        value={current.id}
        onChange={(v) => navigate(`/inspections/templates/${v}`)}
        options={versions.map((v) => ({
          value: v.id,
          label: `v${v.version} · ${formatDateTime(v.createdAt, i18n.language)}${v.changeNote ? ` · ${v.changeNote}` : ''}`,
        }))}
        aria-label={t('templates.versions')}
      />
    </Card>
  );
}

/** The up, down, edit and remove buttons of item `index`. */
function itemActions(p: {
  t: TFunction;
  title: string;
  index: number;
  last: number;
  onMove: (index: number, by: -1 | 1) => void;
  onEdit: () => void;
  onRemove: (index: number) => void;
}) {
  const { t, title, index: i } = p;
  return [
    <Button
      key="up"
      size="small"
      icon={<ArrowUpOutlined />}
      disabled={i === 0}
      onClick={() => p.onMove(i, -1)}
      aria-label={t('templates.moveUp', { title })}
    />,
    <Button
      key="down"
      size="small"
      icon={<ArrowDownOutlined />}
      disabled={i === p.last}
      onClick={() => p.onMove(i, 1)}
      aria-label={t('templates.moveDown', { title })}
    />,
    <Button key="edit" size="small" icon={<EditOutlined />} onClick={p.onEdit} aria-label={t('templates.editItem')} />,
    <Popconfirm
      key="rm"
      title={t('templates.confirmRemove')}
      okText={t('common:actions.delete')}
      cancelText={t('common:actions.cancel')}
      onConfirm={() => p.onRemove(i)}
    >
      <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common:actions.delete')} />
    </Popconfirm>,
  ];
}

/** `items` with the entries at `a` and `b` swapped (a new array). */
export function swapped<T>(items: T[], a: number, b: number): T[] {
  const out = [...items];
  [out[a], out[b]] = [out[b], out[a]];
  return out;
}

/** `items` with `item` at `index`, or appended when `index` is negative (a new array). */
export function replaced<T>(items: T[], index: number, item: T): T[] {
  return index < 0 ? [...items, item] : items.map((x, n) => (n === index ? item : x));
}

/** The page header: name, version and kind; back, copy and (for a team template) save. */
export function TemplateHeader({
  template,
  builtIn,
  nextVersion,
  canSave,
  onCopy,
  onSave,
}: {
  template: TemplateEntry['template'];
  builtIn: boolean;
  nextVersion: number;
  canSave: boolean;
  onCopy: () => void;
  onSave: () => void;
}) {
  const { t } = useTranslation('inspections');
  return (
    <PageHeader
      title={<TemplateTitle template={template} builtIn={builtIn} />}
      sub={t('templates.editorSub', { family: t(`common:families.${template.family}`), key: template.templateKey })}
      extra={
        <>
          <Button onClick={() => navigate('/inspections/templates')}>{t('detail.back')}</Button>
          <Button icon={<CopyOutlined />} onClick={onCopy}>
            {t('templates.copy')}
          </Button>
          {!builtIn && (
            <Button
              type="primary"
              icon={<SaveOutlined />}
              disabled={!canSave}
              onClick={onSave}
              data-testid="template-save"
            >
              {t('templates.saveVersion', { version: nextVersion })}
            </Button>
          )}
        </>
      }
    />
  );
}

/** The template's name, version and whether it is built in or the team's. */
function TemplateTitle({ template, builtIn }: { template: TemplateEntry['template']; builtIn: boolean }) {
  const { t, i18n } = useTranslation('inspections');
  return (
    <Flex gap={8} align="center" wrap>
      {pick(template.title, i18n.language)}
      <Tag>v{template.version}</Tag>
      {builtIn ? <Tag color="blue">{t('templates.builtIn')}</Tag> : <Tag color="green">{t('templates.team')}</Tag>}
    </Flex>
  );
}

/** Says that a newer version of this team template exists, with a button to open it. */
export function OldVersionAlert({ version, latest }: { version: number; latest: InspectionTemplate }) {
  const { t } = useTranslation('inspections');
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={t('templates.oldVersion', { version, latest: latest.version })}
      action={
        <Button size="small" onClick={() => navigate(`/inspections/templates/${latest.id}`)}>
          {t('templates.openLatest')}
        </Button>
      }
    />
  );
}

type NameField = 'title' | 'description';

/** The template's title and description in both languages; a blank one is marked. */
export function NamesCard({
  names,
  readOnly,
  onChange,
}: {
  names: Record<NameField, LocalizedText>;
  readOnly: boolean;
  onChange: (field: NameField, value: LocalizedText) => void;
}) {
  const { t } = useTranslation('inspections');
  const text = (field: NameField, lang: 'zh' | 'en') => (
    <Input.TextArea
      autoSize={{ minRows: 1, maxRows: 4 }}
      value={names[field][lang]}
      disabled={readOnly}
      aria-label={t(`templates.form.${field}_${lang}`)}
      onChange={(e) => onChange(field, { ...names[field], [lang]: e.target.value })}
      status={names[field][lang].trim() ? undefined : 'error'}
    />
  );
  return (
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
  );
}
