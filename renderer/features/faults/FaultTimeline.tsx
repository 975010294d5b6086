/** Every event and action of a fault, oldest first; recorded automatic upgrades stand out. */
import { ArrowUpOutlined, CheckCircleOutlined, ExclamationCircleOutlined, ToolOutlined } from '@ant-design/icons';
import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../core';
import { eventDetails, eventTitle, isAutoUpgrade, type TimelineEntry } from '../../core/faults/event-text';

function colorOf(e: TimelineEntry): string {
  if (isAutoUpgrade(e)) return 'red';
  if (e.type === 'resolved' || e.type === 'confirmation' || e.type === 'closed') return 'green';
  if (e.type === 'escalation' || e.type === 'level-changed') return 'orange';
  if (e.type === 'paused') return 'gray';
  return 'blue';
}

function iconOf(e: TimelineEntry) {
  if (isAutoUpgrade(e)) return <ArrowUpOutlined />;
  if (e.type === 'escalation') return <ExclamationCircleOutlined />;
  if (e.type === 'resolved' || e.type === 'closed') return <CheckCircleOutlined />;
  if (e.type === 'action') return <ToolOutlined />;
  return undefined;
}

export function FaultTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t, i18n } = useTranslation('faults');
  return (
    <Timeline
      data-testid="fault-timeline"
      items={entries.map((e) => {
        // An event typed in later (or an upgrade recorded when the app opened) says when it was written.
        const late = Date.parse(e.recordedAt) - Date.parse(e.at) > 5 * 60_000;
        return {
          key: e.seq,
          color: colorOf(e),
          icon: iconOf(e),
          content: (
            <div data-testid={`timeline-${isAutoUpgrade(e) ? 'auto-upgrade' : e.type}`}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(e.at, i18n.language)} · {e.by || t('events.system')}
                {late && ` · ${t('events.recordedLater', { at: formatDateTime(e.recordedAt, i18n.language) })}`}
              </Typography.Text>
              <div>
                <Typography.Text strong>{eventTitle(e, t)}</Typography.Text>
              </div>
              {eventDetails(e, t).map((line, i) => (
                <Typography.Paragraph key={i} style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  {line}
                </Typography.Paragraph>
              ))}
            </div>
          ),
        };
      })}
    />
  );
}
