import { SyncOutlined } from '@ant-design/icons';
import { Alert, Button, Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, useNow } from '../../core';
import { navigate } from '../../app/router';
import { usePeerLabel, usePeers } from './SyncPage';
import { peersBehind, relativeTime } from './sync.service';

export const order = 85;
export const span = 12;

/** Dashboard card: per peer, when this laptop last received their changes; a warning past three days. */
export function Widget() {
  const { t, i18n } = useTranslation('sync');
  const peers = usePeers();
  const label = usePeerLabel();
  const now = useNow(60_000).getTime();
  const behind = peersBehind(peers ?? [], now);
  return (
    <Card
      size="small"
      title={t('dashboard.title')}
      data-testid="sync-widget"
      extra={
        <Button size="small" icon={<SyncOutlined />} onClick={() => navigate('/sync')}>
          {t('dashboard.open')}
        </Button>
      }
    >
      {behind.map((p) => (
        <Alert
          key={p.device}
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('dashboard.behind', { peer: label(p) })}
          data-testid="sync-widget-behind"
        />
      ))}
      {peers && peers.length === 0 ? (
        <Typography.Text type="secondary">{t('dashboard.empty')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={peers ?? []}
          renderItem={(p) => (
            <List.Item>
              <span title={formatDateTime(p.receivedAt, i18n.language)}>
                {t('dashboard.lastFrom', { peer: label(p), when: relativeTime(p.receivedAt, i18n.language, now) })}
              </span>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
