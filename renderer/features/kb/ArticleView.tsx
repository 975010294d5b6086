import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, FilePdfOutlined, HistoryOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useSaveHandler } from '../../components/useSaveHandler';
import { formatDateTime } from '../../app/format';
import { navigate } from '../../app/router';
import { AttachmentList } from '../attachments/AttachmentList';
import { useSystems, useTeam } from '../settings/settings.repo';
import { ArticleBody } from './ArticleBody';
import { FaqManualDialog } from './FaqManualDialog';
import { articleOwnerType, deleteArticle, undoDelete, useArticle } from './kb.repo';
import { useKbStore } from './kb.store';
import { tokenize } from './search';
import { useFaultRefs } from './useFaultRefs';
import { VersionHistory } from './VersionHistory';
import { useUndoMessage } from '../../components/useUndoMessage';

/** One article, readable; edit, version history, PDF, delete (confirmed, undoable). */
export function ArticleView({ id }: { id: string }) {
  const { t, i18n } = useTranslation('kb');
  const undo = useUndoMessage();
  const save = useSaveHandler();
  const article = useArticle(id);
  const team = useTeam();
  const systems = useSystems();
  const faults = useFaultRefs(article?.faultIds);
  const query = useKbStore((s) => s.query);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [pdfOpen, setPdfOpen] = useState(false);
  if (article === undefined) return <Spin />;
  if (article === null)
    return (
      <EmptyState
        testId="kb-not-found"
        title={t('errors.notFound')}
        action={t('view.back')}
        onAction={() => navigate('/kb')}
      />
    );
  const name = (uid: string) => team?.find((m) => m.id === uid)?.name ?? uid;
  const system = systems?.find((s) => s.id === article.systemId);
  const terms = tokenize(query);

  const remove = () =>
    save(async () => {
      const removed = await deleteArticle(article.id);
      navigate('/kb');
      if (!removed) return;
      undo(`kb-undo-${article.id}`, () => undoDelete(removed));
    }, null);

  return (
    <>
      <PageHeader
        title={<span data-testid="kb-article-title">{article.title}</span>}
        sub={t('view.sub', {
          number: article.number,
          version: article.version,
          date: formatDateTime(article.updatedAt, i18n.language),
          who: name(article.updatedBy),
        })}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/kb')}>
              {t('view.back')}
            </Button>
            <Button icon={<HistoryOutlined />} onClick={() => setHistoryOpen(true)} data-testid="kb-history-open">
              {t('history.open', { count: article.version })}
            </Button>
            <Button icon={<FilePdfOutlined />} onClick={() => setPdfOpen(true)}>
              {t('view.pdf')}
            </Button>
            <Popconfirm
              title={t('view.confirmDelete')}
              okText={t('common:actions.delete')}
              cancelText={t('common:actions.cancel')}
              onConfirm={() => void remove()}
            >
              <Button danger icon={<DeleteOutlined />}>
                {t('common:actions.delete')}
              </Button>
            </Popconfirm>
            <Button
              type="primary"
              icon={<EditOutlined />}
              onClick={() => navigate(`/kb/${article.id}/edit`)}
              data-testid="kb-edit"
            >
              {t('common:actions.edit')}
            </Button>
          </>
        }
      />
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
        <ArticleBody content={article} terms={terms} />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('fields.attachments')}
        </Typography.Title>
        <AttachmentList ownerType={articleOwnerType} ownerId={article.id} testId="kb-attachments" />
      </Card>
      <VersionHistory article={article} open={historyOpen} onClose={() => setHistoryOpen(false)} />
      <FaqManualDialog open={pdfOpen} onClose={() => setPdfOpen(false)} preselect={[article.id]} />
    </>
  );
}
