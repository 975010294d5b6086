import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KbArticleContent } from '@shared/schemas/kb';
import { Highlight } from './Highlight';

const mono = { fontFamily: 'Consolas, "Cascadia Mono", Menlo, "Noto Sans Mono CJK SC", monospace', fontSize: 12.5 };

/** The readable part of an article: symptoms, cause, steps, commands (monospace). */
export function ArticleBody({
  content,
  terms = [],
  changed,
}: {
  content: KbArticleContent;
  terms?: string[];
  changed?: Set<string>;
}) {
  const { t } = useTranslation('kb');
  const title = (key: string) => (
    <Typography.Title level={5} style={{ marginTop: 16 }}>
      {t(`fields.${key}`)}
      {changed?.has(key) && (
        <Typography.Text type="warning" style={{ fontSize: 12, marginInlineStart: 8 }}>
          {t('history.changed')}
        </Typography.Text>
      )}
    </Typography.Title>
  );
  return (
    <div data-testid="kb-article-body">
      {title('symptoms')}
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
        {content.symptoms ? (
          <Highlight text={content.symptoms} terms={terms} />
        ) : (
          <Typography.Text type="secondary">{t('view.none')}</Typography.Text>
        )}
      </Typography.Paragraph>
      {title('cause')}
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
        {content.cause ? (
          <Highlight text={content.cause} terms={terms} />
        ) : (
          <Typography.Text type="secondary">{t('view.none')}</Typography.Text>
        )}
      </Typography.Paragraph>
      {title('steps')}
      {content.steps.length ? (
        <ol style={{ paddingInlineStart: 22 }}>
          {content.steps.map((s, i) => (
            <li key={i} style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
              <Highlight text={s} terms={terms} />
            </li>
          ))}
        </ol>
      ) : (
        <Typography.Paragraph type="secondary">{t('view.none')}</Typography.Paragraph>
      )}
      {content.commands && (
        <>
          {title('commands')}
          <pre
            data-testid="kb-commands"
            style={{
              ...mono,
              background: '#f6f8fa',
              border: '1px solid #e5e7eb',
              borderRadius: 4,
              padding: 10,
              whiteSpace: 'pre-wrap',
              wordBreak: 'break-all',
            }}
          >
            {content.commands}
          </pre>
        </>
      )}
    </div>
  );
}

export { mono };
