import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, Divider, Flex, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  answerTypes,
  checklistItemSchema,
  comparators,
  itemIdPattern,
  severities,
  type ChecklistItem,
} from '@shared/schemas/inspection';

/** Both language versions of one text side by side. */
function Bilingual({ name, label, rows = 1 }: { name: string; label: string; rows?: number }) {
  const { t } = useTranslation('inspections');
  const required = { required: true, whitespace: true, message: t('common:validation.required') };
  const Field = rows > 1 ? Input.TextArea : Input;
  return (
    <Row gutter={12}>
      <Col span={12}>
        <Form.Item name={[name, 'zh']} label={t('templates.form.zh', { label })} rules={[required]}>
          <Field {...(rows > 1 ? { autoSize: { minRows: rows, maxRows: 6 } } : {})} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name={[name, 'en']} label={t('templates.form.en', { label })} rules={[required]}>
          <Field {...(rows > 1 ? { autoSize: { minRows: rows, maxRows: 6 } } : {})} />
        </Form.Item>
      </Col>
    </Row>
  );
}

const emptyText = { zh: '', en: '' };

/** A new item's starting values. */
export function blankItem(): ChecklistItem {
  return {
    id: '',
    title: { ...emptyText },
    check: { ...emptyText },
    method: { ...emptyText },
    expected: { ...emptyText },
    answer: { type: 'status' },
    required: true,
    evidenceRequired: false,
    severity: 'medium',
    bestPractice: { ...emptyText },
    deepOnly: false,
  };
}

/** Adds or edits one checklist item; the result is checked against the template schema before it is kept. */
export function TemplateItemForm({
  item,
  takenIds,
  onSave,
  onClose,
}: {
  item: ChecklistItem;
  takenIds: string[];
  onSave: (item: ChecklistItem) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('inspections');
  const [form] = Form.useForm<ChecklistItem>();
  const type = Form.useWatch(['answer', 'type'], form) ?? item.answer.type;
  const comparator = Form.useWatch(['answer', 'comparator'], form);
  const isNew = !item.id;
  const submit = async () => {
    const v = await form.validateFields();
    // Only the fields of the chosen answer type: switching type leaves the others' values in the form.
    const a = form.getFieldValue('answer') as Record<string, unknown>;
    const answer =
      v.answer.type === 'number'
        ? {
            type: 'number',
            unit: String(a.unit ?? '').trim(),
            comparator: a.comparator,
            threshold: a.threshold,
            ...(a.comparator === 'between' ? { max: a.max } : {}),
          }
        : v.answer.type === 'choice'
          ? { type: 'choice', options: a.options }
          : { type: v.answer.type };
    const parsed = checklistItemSchema.safeParse({ ...item, ...v, answer });
    if (!parsed.success) {
      form.setFields(
        parsed.error.issues.map((i) => ({
          name: i.path as never,
          errors: [i.message.startsWith('inspections:') ? t(i.message) : t('templates.form.invalid')],
        })),
      );
      return;
    }
    onSave(parsed.data);
  };
  return (
    <Modal
      open
      width={860}
      title={isNew ? t('templates.addItem') : t('templates.editItem')}
      okText={t('common:actions.ok')}
      cancelText={t('common:actions.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      data-testid="item-form"
    >
      <Form form={form} layout="vertical" initialValues={item} onFinish={() => void submit()}>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="id"
              label={t('templates.form.id')}
              extra={t('templates.form.idHint')}
              rules={[
                { required: true, message: t('common:validation.required') },
                { pattern: itemIdPattern, message: t('validation.itemId') },
                {
                  validator: (_, v) =>
                    isNew && takenIds.includes(v)
                      ? Promise.reject(new Error(t('validation.duplicateItemId')))
                      : Promise.resolve(),
                },
              ]}
            >
              <Input disabled={!isNew} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="severity" label={t('templates.form.severity')}>
              <Select options={severities.map((s) => ({ value: s, label: t(`severity.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['answer', 'type']} label={t('templates.form.answerType')}>
              <Select options={answerTypes.map((a) => ({ value: a, label: t(`templates.answerType.${a}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        {type === 'number' && (
          <Row gutter={12}>
            <Col span={6}>
              <Form.Item
                name={['answer', 'unit']}
                label={t('templates.form.unit')}
                extra={t('templates.form.unitHint')}
              >
                <Input maxLength={20} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item
                name={['answer', 'comparator']}
                label={t('templates.form.comparator')}
                rules={[{ required: true, message: t('common:validation.required') }]}
              >
                <Select options={comparators.map((c) => ({ value: c, label: t(`templates.comparator.${c}`) }))} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item
                name={['answer', 'threshold']}
                label={t('templates.form.threshold')}
                rules={[{ required: true, message: t('common:validation.required') }]}
              >
                <InputNumber style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            {comparator === 'between' && (
              <Col span={6}>
                <Form.Item
                  name={['answer', 'max']}
                  label={t('templates.form.max')}
                  rules={[{ required: true, message: t('common:validation.required') }]}
                >
                  <InputNumber style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            )}
          </Row>
        )}
        {type === 'choice' && (
          <Form.List
            name={['answer', 'options']}
            initialValue={[
              { value: 'ok', label: { zh: '', en: '' }, abnormal: false },
              { value: 'bad', label: { zh: '', en: '' }, abnormal: true },
            ]}
          >
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Flex key={f.key} gap={8} align="baseline">
                    <Form.Item
                      name={[f.name, 'value']}
                      rules={[
                        { required: true, pattern: /^[a-z0-9][a-z0-9-]{0,39}$/, message: t('validation.itemId') },
                      ]}
                      style={{ width: 120 }}
                    >
                      <Input
                        placeholder={t('templates.form.optionValue')}
                        aria-label={t('templates.form.optionValue')}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'label', 'zh']}
                      rules={[{ required: true, message: t('common:validation.required') }]}
                      style={{ flex: 1 }}
                    >
                      <Input placeholder={t('templates.form.optionZh')} aria-label={t('templates.form.optionZh')} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'label', 'en']}
                      rules={[{ required: true, message: t('common:validation.required') }]}
                      style={{ flex: 1 }}
                    >
                      <Input placeholder={t('templates.form.optionEn')} aria-label={t('templates.form.optionEn')} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'abnormal']} valuePropName="checked">
                      <Checkbox>{t('templates.form.optionAbnormal')}</Checkbox>
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t('common:actions.delete')}
                      disabled={fields.length <= 2}
                      onClick={() => remove(f.name)}
                    />
                  </Flex>
                ))}
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => add({ value: '', label: { zh: '', en: '' }, abnormal: false })}
                  disabled={fields.length >= 12}
                  style={{ marginBottom: 12 }}
                >
                  {t('templates.form.addOption')}
                </Button>
              </>
            )}
          </Form.List>
        )}
        <Flex gap={24} style={{ marginBottom: 8 }}>
          <Form.Item name="required" valuePropName="checked" noStyle>
            <Checkbox>{t('templates.form.required')}</Checkbox>
          </Form.Item>
          <Form.Item name="evidenceRequired" valuePropName="checked" noStyle>
            <Checkbox>{t('templates.form.evidenceRequired')}</Checkbox>
          </Form.Item>
          <Form.Item name="deepOnly" valuePropName="checked" noStyle>
            <Checkbox>{t('templates.form.deepOnly')}</Checkbox>
          </Form.Item>
        </Flex>
        <Divider style={{ margin: '8px 0 12px' }} />
        <Bilingual name="title" label={t('templates.form.title')} />
        <Bilingual name="check" label={t('templates.form.check')} rows={2} />
        <Bilingual name="method" label={t('templates.form.method')} rows={2} />
        <Bilingual name="expected" label={t('templates.form.expected')} />
        <Bilingual name="bestPractice" label={t('templates.form.bestPractice')} rows={2} />
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
