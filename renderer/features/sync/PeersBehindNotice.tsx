import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../core';
import { navigate } from '../../app/router';
import { usePeerLabel, usePeers } from './SyncPage';
import { peersBehind, relativeTime } from './sync.service';

/**
 * Before a report that counts the whole team's work (the monthly service report): names each peer
 * laptop whose changes this one last received more than three days ago, with the way to sync.
 * Renders nothing when every peer is current or there are none.
 */
export function PeersBehindNotice({ onGoToSync }: { onGoToSync?: () => void }) {
  const { t, i18n } = useTranslation('sync');
  const peers = usePeers();
  const label = usePeerLabel();
  const now = useNow(60_000).getTime();
  const behind = peersBehind(peers ?? [], now);
  if (behind.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="peers-behind"
      style={{ marginBottom: 12 }}
      title={t('beforeReport.title')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {behind.map((p) => (
            <li key={p.device}>
              {t('beforeReport.peer', { peer: label(p), when: relativeTime(p.receivedAt, i18n.language, now) })}
            </li>
          ))}
        </ul>
      }
      action={
        <Button
          size="small"
          onClick={() => {
            onGoToSync?.();
            navigate('/sync');
          }}
        >
          {t('dashboard.open')}
        </Button>
      }
    />
  );
}
