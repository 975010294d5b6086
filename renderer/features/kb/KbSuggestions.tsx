import { BulbOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArticleBody } from './ArticleBody';
import { Highlight } from './Highlight';
import type { KbArticle } from './kb.repo';
import { snippet } from './marks';
import { useKbSuggestions } from './useKbSearch';

/**
 * For the fault intake form: knowledge articles that match the symptoms being typed. Opening one
 * shows it in a drawer, so the form being filled in is never left.
 */
export function KbSuggestions({ text }: { text: string }) {
  const { t } = useTranslation('kb');
  const hits = useKbSuggestions(text);
  const [open, setOpen] = useState<{ article: KbArticle; terms: string[] } | null>(null);
  if (hits.length === 0) return null;
  return (
    <>
      <Alert
        type="info"
        icon={<BulbOutlined />}
        showIcon
        data-testid="kb-suggestions"
        title={t('suggest.title', { count: hits.length })}
        description={
          <List
            size="small"
            dataSource={hits}
            renderItem={({ article: a, hit }) => (
              <List.Item style={{ paddingInline: 0 }} data-testid="kb-suggestion">
                <div>
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0, height: 'auto' }}
                    onClick={() => setOpen({ article: a, terms: hit.terms })}
                  >
                    <span>
                      <Highlight text={a.title} terms={hit.terms} />
                    </span>
                  </Button>{' '}
                  <Tag>{a.number}</Tag>
                  <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
                    <Highlight text={snippet(a.symptoms, hit.terms, 70)} terms={hit.terms} />
                  </Typography.Paragraph>
                </div>
              </List.Item>
            )}
          />
        }
      />
      <Drawer open={!!open} onClose={() => setOpen(null)} title={open?.article.title} size="large" destroyOnHidden>
        {open && (
          <>
            <Typography.Link href={`#/kb/${open.article.id}`} target="_blank">
              {t('suggest.openFull', { number: open.article.number })}
            </Typography.Link>
            <ArticleBody content={open.article} terms={open.terms} />
          </>
        )}
      </Drawer>
    </>
  );
}
