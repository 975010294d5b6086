import { BookOutlined } from '@ant-design/icons';
import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useArticlesForFault } from './kb.repo';

/** On a fault's page: the knowledge articles written from it, each a link to the article. */
export function KbLinks({ faultId, hideWhenNone }: { faultId: string; hideWhenNone?: boolean }) {
  const { t } = useTranslation('kb');
  const list = useArticlesForFault(faultId);
  if (!list || (hideWhenNone && list.length === 0)) return null;
  return (
    <Space wrap size={4} data-testid="kb-links">
      <BookOutlined aria-hidden />
      <Typography.Text type="secondary">{t('links.label')}</Typography.Text>
      {list.length === 0 ? (
        <Typography.Text type="secondary">{t('links.none')}</Typography.Text>
      ) : (
        list.map((a) => (
          <Typography.Link key={a.id} href={`#/kb/${a.id}`} data-testid="kb-link">
            {a.number} {a.title}
          </Typography.Link>
        ))
      )}
    </Space>
  );
}
