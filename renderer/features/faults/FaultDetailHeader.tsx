/** The top of a fault's page: number and symptoms, the tags, the alerts its view raises, the action bar. */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaultRecord } from '@shared/schemas/fault';
import { PageHeader } from '../../components/PageHeader';
import { navigate } from '../../app/router';
import type { FaultCommand } from './fault-model';
import type { FaultView } from './fault-view';
import { LevelTag, StatusTag } from './tags';

const primary: FaultCommand[] = ['respond', 'arrived', 'resolve', 'confirm', 'close'];

/** The report is issued from its card (language choice, versions): the action-bar button leads there. */
function focusIssue() {
  const button = document.querySelector<HTMLButtonElement>('[data-testid="issue-report"]');
  button?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  button?.focus();
}

export function FaultDetailHeader({ fault, view }: { fault: FaultRecord; view: FaultView }) {
  const { t } = useTranslation('faults');
  return (
    <PageHeader
      title={
        <span>
          <span data-testid="fault-number">{fault.number}</span>{' '}
          <Typography.Text style={{ fontSize: 18, fontWeight: 400 }}>{fault.symptoms}</Typography.Text>
        </span>
      }
      sub={
        <Space size={6} wrap style={{ marginTop: 6 }} data-testid="fault-header">
          <LevelTag level={view.level} />
          <Tag data-testid="severity-tag">{t(`severityTag.${view.severityClass}`)}</Tag>
          <Tag color={view.track === 'onsite' ? 'purple' : 'cyan'} data-testid="track-tag">
            {t(`tracks.${view.track}`)}
          </Tag>
          <StatusTag status={view.status} />
          <Tag data-testid="tier-tag">{t(`tiers.${view.tier}`)}</Tag>
        </Space>
      }
      extra={
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/faults')}>
          {t('detail.back')}
        </Button>
      }
    />
  );
}

/** The PM alert, the escalation suggestion and the clock warnings of the view. */
export function FaultAlerts({ view, onEscalate }: { view: FaultView; onEscalate: () => void }) {
  const { t } = useTranslation('faults');
  return (
    <>
      {view.pmAlert && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('detail.pmAlert')} data-testid="pm-alert" />
      )}
      {view.escalationSuggested && view.tier < 3 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('detail.escalationSuggested')}
          data-testid="escalation-suggested"
          action={
            <Button size="small" onClick={onEscalate}>
              {t('commands.escalate')}
            </Button>
          }
        />
      )}
      {view.warnings.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('detail.warnings')}
          description={view.warnings.join('\n')}
        />
      )}
    </>
  );
}

export function CommandBar({
  commands,
  onCommand,
  extra,
}: {
  commands: FaultCommand[];
  onCommand: (c: FaultCommand) => void;
  /** After the commands: the corrections menu (./FaultCorrections.tsx). */
  extra?: ReactNode;
}) {
  const { t } = useTranslation('faults');
  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }} data-testid="fault-commands">
      {commands.map((c) => (
        <Button
          key={c}
          type={primary.includes(c) ? 'primary' : 'default'}
          onClick={() => (c === 'report' ? focusIssue() : onCommand(c))}
          data-testid={`cmd-${c}`}
        >
          {t(`commands.${c}`)}
        </Button>
      ))}
      {extra}
    </Flex>
  );
}
