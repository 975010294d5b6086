import { FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { systemFamilies } from '@shared/schemas/core';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../core';
import { navigate } from '../../app/router';
import { FaqManualDialog } from './FaqManualDialog';
import { Highlight } from './Highlight';
import { tagCounts, type KbArticle } from './kb.repo';
import { useKbStore, type KbSort } from './kb.store';
import { snippet } from './marks';
import { useDebounced, useKbIndex, useKbSearch } from './useKbSearch';

interface Row {
  article: KbArticle;
  terms: string[];
  score: number;
}

function sortRows(rows: Row[], sort: KbSort, searching: boolean): Row[] {
  const out = [...rows];
  if (sort === 'title') out.sort((a, b) => a.article.title.localeCompare(b.article.title, 'zh-CN'));
  else if (sort === 'updated' || !searching) out.sort((a, b) => b.article.updatedAt.localeCompare(a.article.updatedAt));
  return out;
}

/** 知识库: search (Chinese word segmentation, highlighted matches), filters, and the article list. */
export function KbPage() {
  const { t, i18n } = useTranslation('kb');
  const ui = useKbStore();
  const [faqOpen, setFaqOpen] = useState(false);
  const { articles, systems } = useKbIndex();
  const text = useDebounced(ui.query, 150);
  const hits = useKbSearch({ text, family: ui.family, tags: ui.tags });
  const searching = text.trim().length > 0;
  const rows: Row[] | undefined = useMemo(() => {
    if (!articles) return undefined;
    if (searching) return (hits ?? []).map((h) => ({ article: h.article, terms: h.hit.terms, score: h.hit.score }));
    return articles
      .filter((a) => (!ui.family || a.family === ui.family) && ui.tags.every((tag) => a.tags.includes(tag)))
      .map((article) => ({ article, terms: [], score: 0 }));
  }, [articles, hits, searching, ui.family, ui.tags]);
  const sorted = rows && sortRows(rows, ui.sort, searching);
  const tags = useMemo(() => tagCounts(articles ?? []), [articles]);
  const filtered = !!ui.family || ui.tags.length > 0;

  const header = (
    <PageHeader
      title={t('common:nav.kb')}
      sub={articles ? t('list.count', { count: articles.length }) : undefined}
      extra={
        <>
          <Button
            icon={<FilePdfOutlined />}
            onClick={() => setFaqOpen(true)}
            disabled={!articles?.length}
            data-testid="kb-faq-open"
          >
            {t('faq.open')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/kb/new')} data-testid="kb-new">
            {t('list.new')}
          </Button>
        </>
      }
    />
  );
  if (articles && articles.length === 0) {
    return (
      <>
        {header}
        <EmptyState
          testId="kb-empty"
          title={t('list.emptyTitle')}
          description={t('list.emptyHint')}
          action={t('list.new')}
          onAction={() => navigate('/kb/new')}
        />
      </>
    );
  }
  return (
    <>
      {header}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap>
          <Input.Search
            autoFocus
            allowClear
            data-testid="kb-search"
            aria-label={t('list.searchLabel')}
            placeholder={t('list.searchPlaceholder')}
            value={ui.query}
            onChange={(e) => ui.set({ query: e.target.value })}
            style={{ flex: '1 1 320px', maxWidth: 520 }}
          />
          <Select
            allowClear
            aria-label={t('fields.family')}
            placeholder={t('list.allFamilies')}
            value={ui.family}
            onChange={(family) => ui.set({ family })}
            options={systemFamilies.map((f) => ({ value: f, label: t(`common:families.${f}`) }))}
            style={{ width: 200 }}
            data-testid="kb-filter-family"
          />
          <Select
            mode="multiple"
            allowClear
            aria-label={t('fields.tags')}
            placeholder={t('list.allTags')}
            value={ui.tags}
            onChange={(v) => ui.set({ tags: v })}
            options={tags.map(([tag, n]) => ({ value: tag, label: `${tag} (${n})` }))}
            style={{ minWidth: 200 }}
            maxTagCount="responsive"
            data-testid="kb-filter-tags"
          />
          <Select<KbSort>
            aria-label={t('list.sortLabel')}
            value={ui.sort}
            onChange={(sort) => ui.set({ sort })}
            options={(['relevance', 'updated', 'title'] as const).map((s) => ({
              value: s,
              label: t(`list.sort.${s}`),
            }))}
            style={{ width: 150 }}
          />
        </Flex>
      </Card>
      <List<Row>
        data-testid="kb-results"
        loading={!sorted}
        dataSource={sorted ?? []}
        pagination={sorted && sorted.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{
          emptyText: (
            <EmptyState
              testId="kb-no-results"
              title={t('list.noResults')}
              description={
                searching ? t('list.noResultsHint', { query: text }) : filtered ? t('list.noFilterResults') : undefined
              }
            />
          ),
        }}
        renderItem={({ article: a, terms }) => (
          <List.Item
            key={a.id}
            data-testid="kb-result"
            style={{ cursor: 'pointer' }}
            onClick={() => navigate(`/kb/${a.id}`)}
          >
            <List.Item.Meta
              title={
                <Space wrap size={6}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {a.number}
                  </Typography.Text>
                  <Typography.Link
                    data-testid="kb-result-title"
                    href={`#/kb/${a.id}`}
                    onClick={(e) => e.stopPropagation()}
                  >
                    <Highlight text={a.title} terms={terms} />
                  </Typography.Link>
                  <Tag color="blue">{t(`common:families.${a.family}`)}</Tag>
                  {a.tags.map((tag) => (
                    <Tag key={tag} color={ui.tags.includes(tag) ? 'gold' : undefined}>
                      <Highlight text={tag} terms={terms} />
                    </Tag>
                  ))}
                </Space>
              }
              description={
                <>
                  <Typography.Paragraph style={{ marginBottom: 2 }} type="secondary">
                    <Highlight text={snippet(a.symptoms, terms)} terms={terms} />
                  </Typography.Paragraph>
                  {searching && a.steps.some((s) => terms.some((x) => s.toLowerCase().includes(x))) && (
                    <Typography.Paragraph style={{ marginBottom: 2, fontSize: 12 }} type="secondary">
                      {t('list.inSolution')}
                      <Highlight text={snippet(a.steps.join(' '), terms, 70)} terms={terms} />
                    </Typography.Paragraph>
                  )}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[
                      a.systemId && systems.get(a.systemId)?.name,
                      t('list.versionLine', { version: a.version, date: formatDate(a.updatedAt, i18n.language) }),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
      <FaqManualDialog open={faqOpen} onClose={() => setFaqOpen(false)} />
    </>
  );
}
