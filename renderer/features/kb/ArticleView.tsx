import { EditOutlined, FilePdfOutlined, HistoryOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KbArticle } from '@shared/schemas/kb';
import { DetailPage, RecordGate } from '../../components/DetailPage';
import { AttachmentList, formatDateTime, useSystems, useTeam } from '../../core';
import { navigate } from '../../app/router';
import { ArticleBody } from './ArticleBody';
import { FaqManualDialog } from './FaqManualDialog';
import { articleOwnerType, deleteArticle, undoDelete, useArticle } from './kb.repo';
import { useKbStore } from './kb.store';
import { tokenize } from './search';
import { useFaultRefs } from '../faults';
import { VersionHistory } from './VersionHistory';
import { ConflictMark } from '../sync';

/** One article, readable; edit, version history, PDF, delete (confirmed, undoable). */
export function ArticleView({ id }: { id: string }) {
  const { t, i18n } = useTranslation('kb');
  const article = useArticle(id);
  const team = useTeam();
  const [historyOpen, setHistoryOpen] = useState(false);
  const [pdfOpen, setPdfOpen] = useState(false);
  if (article == null)
    return (
      <RecordGate
        record={article}
        testId="kb-not-found"
        notFound={t('errors.notFound')}
        backTo="/kb"
        backLabel={t('view.back')}
      />
    );
  const name = (uid: string) => team?.find((m) => m.id === uid)?.name ?? uid;

  return (
    <DetailPage
      backTo="/kb"
      backLabel={t('view.back')}
      title={
        <>
          {article.title}
          <ConflictMark table="kbArticles" recordId={article.id} />
        </>
      }
      titleTestId="kb-article-title"
      sub={t('view.sub', {
        number: article.number,
        version: article.version,
        date: formatDateTime(article.updatedAt, i18n.language),
        who: name(article.updatedBy),
      })}
      actions={
        <>
          <Button icon={<HistoryOutlined />} onClick={() => setHistoryOpen(true)} data-testid="kb-history-open">
            {t('history.open', { count: article.version })}
          </Button>
          <Button icon={<FilePdfOutlined />} onClick={() => setPdfOpen(true)}>
            {t('view.pdf')}
          </Button>
        </>
      }
      remove={{
        confirm: t('view.confirmDelete'),
        remove: () => deleteArticle(article.id),
        restore: undoDelete,
        undoKey: `kb-undo-${article.id}`,
      }}
      primary={
        <Button
          type="primary"
          icon={<EditOutlined />}
          onClick={() => navigate(`/kb/${article.id}/edit`)}
          data-testid="kb-edit"
        >
          {t('common:actions.edit')}
        </Button>
      }
    >
      <ArticleParticulars article={article} name={name} />
      <VersionHistory article={article} open={historyOpen} onClose={() => setHistoryOpen(false)} />
      <FaqManualDialog open={pdfOpen} onClose={() => setPdfOpen(false)} preselect={[article.id]} />
    </DetailPage>
  );
}

/** The article's fields, body (search terms highlighted) and attachments. */
function ArticleParticulars({ article, name }: { article: KbArticle; name: (uid: string) => string }) {
  const { t } = useTranslation('kb');
  const systems = useSystems();
  const faults = useFaultRefs(article.faultIds);
  const query = useKbStore((s) => s.query);
  const system = systems?.find((s) => s.id === article.systemId);
  return (
    <Card size="small">
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('fields.family')}>{t(`common:families.${article.family}`)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.system')}>{system?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fields.tags')}>
          {article.tags.length ? article.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.author')}>{name(article.authorId)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.faults')} span={2}>
          <Space wrap data-testid="kb-linked-faults">
            {faults?.length
              ? faults.map((f) => (
                  <Typography.Link key={f.id} href={`#/faults/${f.id}`}>
                    {f.number} {f.symptoms}
                  </Typography.Link>
                ))
              : t('view.noFaults')}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <ArticleBody content={article} terms={tokenize(query)} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('fields.attachments')}
      </Typography.Title>
      <AttachmentList ownerType={articleOwnerType} ownerId={article.id} testId="kb-attachments" />
    </Card>
  );
}
