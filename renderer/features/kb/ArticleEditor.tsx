import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Form, Input, Row, Select, Spin, Typography } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { systemFamilies } from '@shared/schemas/core';
import type { KbArticleContent } from '@shared/schemas/kb';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useSaveHandler } from '../../components/useSaveHandler';
import { navigate } from '../../app/router';
import { AttachmentList, useSite, useSystems } from '../../core';
import { mono } from './ArticleBody';
import { articleOwnerType, saveArticle, tagCounts, useArticle, useArticles, type KbArticle } from './kb.repo';
import { useSecretCheck } from '../access';
import { useAllFaultRefs } from '../faults';

interface FormValues {
  title: string;
  family: KbArticleContent['family'];
  systemId?: string;
  tags: string[];
  symptoms: string;
  cause: string;
  steps: string[];
  commands: string;
  faultIds: string[];
}

const blank: FormValues = {
  title: '',
  family: 'virtualization',
  tags: [],
  symptoms: '',
  cause: '',
  steps: [''],
  commands: '',
  faultIds: [],
};

function toForm(a: KbArticle): FormValues {
  return {
    title: a.title,
    family: a.family,
    systemId: a.systemId,
    tags: a.tags,
    symptoms: a.symptoms,
    cause: a.cause,
    steps: a.steps.length ? a.steps : [''],
    commands: a.commands,
    faultIds: a.faultIds,
  };
}

/** New article (`id` absent) or a new version of an existing one. */
export function ArticleEditor({ id }: { id?: string }) {
  const { t } = useTranslation('kb');
  const [form] = Form.useForm<FormValues>();
  const save = useSaveHandler();
  const checkSecrets = useSecretCheck();
  const article = useArticle(id);
  const site = useSite();
  const systems = useSystems();
  const all = useArticles();
  const faults = useAllFaultRefs();
  const family = Form.useWatch('family', form);
  const tagOptions = useMemo(() => tagCounts(all ?? []).map(([tag]) => ({ value: tag, label: tag })), [all]);
  // Fill the form once per article: a live update while typing must not wipe the user's edits.
  const filled = useRef<string | null>(null);
  useEffect(() => {
    if (article && filled.current !== article.id) {
      filled.current = article.id;
      form.setFieldsValue(toForm(article));
    }
  }, [article, form]);
  if (id && article === undefined) return <Spin />;
  if (id && article === null)
    return <EmptyState title={t('errors.notFound')} action={t('view.back')} onAction={() => navigate('/kb')} />;
  const required = { required: true, whitespace: true, message: t('common:validation.required') };
  const max = (n: number) => ({ max: n, message: t('common:validation.max', { n }) });

  async function submit(typed: FormValues) {
    // Articles are printed in the FAQ manual and read by everyone: a pasted password is offered for masking.
    const v = await checkSecrets(typed, ['title', 'symptoms', 'cause', 'steps', 'commands']);
    if (!v) return;
    if (v !== typed) form.setFieldsValue(v);
    let saved: KbArticle | undefined;
    const content: KbArticleContent = {
      title: v.title,
      family: v.family,
      systemId: v.systemId || undefined,
      symptoms: v.symptoms ?? '',
      cause: v.cause ?? '',
      steps: (v.steps ?? []).filter((s) => s?.trim()),
      commands: v.commands ?? '',
      tags: v.tags ?? [],
      faultIds: v.faultIds ?? [],
      authorId: article?.authorId ?? site?.currentUserId ?? '',
    };
    const ok = await save(async () => {
      saved = await saveArticle(content, { id: article?.id });
    }, 'kb:editor.saved');
    if (ok && saved) navigate(`/kb/${saved.id}`);
  }

  return (
    <>
      <PageHeader
        title={article ? t('editor.editTitle', { number: article.number }) : t('editor.newTitle')}
        sub={article ? t('editor.versionHint', { next: article.version + 1 }) : undefined}
      />
      <Form<FormValues>
        form={form}
        name="kbArticle"
        layout="vertical"
        initialValues={article ? toForm(article) : blank}
        onFinish={(v) => void submit(v)}
        data-testid="kb-editor"
        scrollToFirstError
      >
        <Card size="small">
          <Form.Item name="title" label={t('fields.title')} rules={[required, max(200)]}>
            <Input autoFocus />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item
                name="family"
                label={t('fields.family')}
                rules={[{ required: true, message: t('common:validation.required') }]}
              >
                <Select
                  options={systemFamilies.map((f) => ({ value: f, label: t(`common:families.${f}`) }))}
                  onChange={() => form.setFieldValue('systemId', undefined)}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="systemId" label={t('fields.system')}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('editor.systemPlaceholder')}
                  options={(systems ?? [])
                    .filter((s) => !family || s.family === family)
                    .map((s) => ({ value: s.id, label: s.name }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="tags" label={t('fields.tags')} extra={t('editor.tagsHint')}>
                <Select mode="tags" tokenSeparators={[',', '，', '、']} options={tagOptions} maxCount={30} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="symptoms" label={t('fields.symptoms')} rules={[required, max(10000)]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
          </Form.Item>
          <Form.Item name="cause" label={t('fields.cause')} rules={[max(10000)]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
          </Form.Item>
          <Typography.Text strong>{t('fields.steps')}</Typography.Text>
          <Form.List name="steps">
            {(items, { add, remove }) => (
              <div style={{ marginTop: 8 }}>
                {items.map((item, i) => (
                  <Flex key={item.key} gap={8} align="start">
                    <Typography.Text style={{ width: 22, paddingTop: 5, textAlign: 'right' }}>{i + 1}.</Typography.Text>
                    <Form.Item name={item.name} style={{ flex: 1, marginBottom: 8 }} rules={[max(4000)]}>
                      <Input.TextArea
                        autoSize={{ minRows: 1, maxRows: 6 }}
                        aria-label={t('editor.stepLabel', { n: i + 1 })}
                      />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t('editor.removeStep', { n: i + 1 })}
                      onClick={() => remove(item.name)}
                      disabled={items.length === 1}
                    />
                  </Flex>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add('')}
                  style={{ marginBottom: 16, marginInlineStart: 30 }}
                >
                  {t('editor.addStep')}
                </Button>
              </div>
            )}
          </Form.List>
          <Form.Item name="commands" label={t('fields.commands')} extra={t('editor.commandsHint')} rules={[max(20000)]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 14 }} style={mono} spellCheck={false} />
          </Form.Item>
          <Form.Item name="faultIds" label={t('fields.faults')} extra={t('editor.faultsHint')}>
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              options={(faults ?? []).map((f) => ({ value: f.id, label: `${f.number} ${f.symptoms}` }))}
              notFoundContent={t('editor.noFaults')}
            />
          </Form.Item>
          <Typography.Text strong>{t('fields.attachments')}</Typography.Text>
          <div style={{ marginTop: 8, marginBottom: 16 }}>
            {article ? (
              <AttachmentList ownerType={articleOwnerType} ownerId={article.id} />
            ) : (
              <Alert type="info" showIcon title={t('editor.attachmentsAfterSave')} />
            )}
          </div>
          <Flex gap={8} justify="end">
            <Button onClick={() => navigate(article ? `/kb/${article.id}` : '/kb')}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="primary" htmlType="submit" data-testid="kb-save">
              {t('common:actions.save')}
            </Button>
          </Flex>
        </Card>
      </Form>
    </>
  );
}
