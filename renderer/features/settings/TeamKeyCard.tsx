import { Alert, Button, Card, Descriptions, Flex, Form, Input, Popconfirm, QRCode, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { teamKey } from '../../core/team-key';
import { canRevealTeamCode, revealTeamCode, teamCodeProblem, type TeamCode } from '../../core/team-key-store';
import { platform, type BackupLocation } from '../../platform';

const codePlaceholder = Array(9).fill('XXXX').join('-');

/** The code and its QR code, for the other laptops of the team. */
export function TeamCodeView({ code }: { code: TeamCode }) {
  const { t } = useTranslation('settings');
  return (
    <Flex gap={24} align="center" data-testid="team-code">
      <QRCode value={code.qr} size={168} bordered={false} />
      <div>
        <Typography.Paragraph type="secondary">{t('teamKey.codeUse')}</Typography.Paragraph>
        <Typography.Text code copyable style={{ fontSize: 16, letterSpacing: 1 }} data-testid="team-code-text">
          {code.code}
        </Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('teamKey.current', { name: code.teamName, id: code.teamId })}
        </Typography.Paragraph>
      </div>
    </Flex>
  );
}

/**
 * A button that shows the team code after a confirmation. `load` fetches it (from main in
 * Electron; the code just created in the setup wizard).
 */
export function RevealTeamCode({ load }: { load: () => Promise<TeamCode | null> }) {
  const { t } = useTranslation('settings');
  const [code, setCode] = useState<TeamCode | null>(null);
  if (code)
    return (
      <>
        <Typography.Title level={5}>{t('teamKey.codeTitle')}</Typography.Title>
        <TeamCodeView code={code} />
        <Button style={{ marginTop: 12 }} onClick={() => setCode(null)}>
          {t('teamKey.hide')}
        </Button>
      </>
    );
  return (
    <Popconfirm
      title={t('teamKey.showConfirm')}
      okText={t('common:actions.ok')}
      cancelText={t('common:actions.cancel')}
      onConfirm={() => void load().then(setCode)}
    >
      <Button data-testid="team-code-show">{t('teamKey.show')}</Button>
    </Popconfirm>
  );
}

/** Settings → Team key: which team this laptop belongs to, and its code for the other laptops. */
export function TeamKeyCard() {
  const { t } = useTranslation('settings');
  const key = teamKey();
  return (
    <Card size="small" title={t('teamKey.title')} style={{ maxWidth: 720 }} data-testid="team-key-card">
      <Typography.Paragraph type="secondary">{t('teamKey.intro')}</Typography.Paragraph>
      {key ? (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('teamKey.teamName')}>{key.teamName}</Descriptions.Item>
          <Descriptions.Item label={t('teamKey.teamId')}>{key.teamId}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Alert type="warning" showIcon title={t('teamKey.none')} style={{ marginBottom: 12 }} />
      )}
      {key &&
        (canRevealTeamCode() ? (
          <RevealTeamCode load={revealTeamCode} />
        ) : (
          <Alert type="info" showIcon title={t('teamKey.browserOnce')} />
        ))}
    </Card>
  );
}

/** The team part of the setup wizard's first step: start a team or join one. */
export function SetupTeamFields() {
  const { t } = useTranslation('settings');
  const form = Form.useFormInstance();
  const mode = Form.useWatch('teamMode', form) as 'create' | 'join' | undefined;
  const existing = teamKey();
  if (existing)
    return (
      <Alert type="info" showIcon title={t('teamKey.current', { name: existing.teamName, id: existing.teamId })} />
    );
  return (
    <>
      <Typography.Text strong>{t('teamKey.title')}</Typography.Text>
      <Typography.Paragraph type="secondary">{t('teamKey.intro')}</Typography.Paragraph>
      <Form.Item name="teamMode">
        <Radio.Group
          data-testid="setup-team-mode"
          options={[
            { value: 'create', label: t('teamKey.create') },
            { value: 'join', label: t('teamKey.join') },
          ]}
        />
      </Form.Item>
      {mode === 'join' && (
        <Form.Item
          name="teamCode"
          label={t('teamKey.code')}
          extra={t('teamKey.codeHint')}
          validateTrigger="onBlur"
          rules={[
            { required: true, message: t('common:validation.required') },
            {
              validator: (_, v: string | undefined) => {
                const problem = v ? teamCodeProblem(v) : null;
                return problem ? Promise.reject(new Error(t(problem.key, problem.params))) : Promise.resolve();
              },
            },
          ]}
        >
          <Input
            data-testid="setup-team-code"
            autoComplete="off"
            spellCheck={false}
            placeholder={codePlaceholder}
            style={{ fontFamily: 'monospace' }}
          />
        </Form.Item>
      )}
      <Form.Item
        name="teamName"
        label={t('teamKey.teamName')}
        extra={mode === 'join' ? undefined : t('teamKey.teamNameHint')}
        rules={[
          ...(mode === 'join' ? [{ required: true, message: t('common:validation.required') }] : []),
          { max: 80, message: t('common:validation.max', { n: 80 }) },
        ]}
      >
        <Input data-testid="setup-team-name" style={{ maxWidth: 320 }} />
      </Form.Item>
    </>
  );
}

/** The backup-folder part of the setup wizard: another disk in Electron; a note in the browser. */
export function SetupBackupFolder() {
  const { t } = useTranslation('settings');
  const [loc, setLoc] = useState<BackupLocation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => void platform.backupLocation().then(setLoc, () => setLoc(null));
  useEffect(refresh, []);
  if (loc?.kind === 'browser')
    return (
      <>
        <Typography.Text strong>{t('setup.backupTitle')}</Typography.Text>
        <Alert
          type="info"
          showIcon
          style={{ margin: '8px 0 16px' }}
          title={t('setup.backupBrowser')}
          data-testid="setup-backup-browser"
        />
      </>
    );
  const choose = () =>
    void platform.backupChooseFolder().then(
      () => (setError(null), refresh()),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  return (
    <>
      <Typography.Text strong>{t('setup.backupTitle')}</Typography.Text>
      <Typography.Paragraph type="secondary">{t('setup.backupIntro')}</Typography.Paragraph>
      {loc && <Typography.Paragraph>{t('setup.backupCurrent', { folder: loc.folder })}</Typography.Paragraph>}
      {loc?.sameDiskAsData === true && (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('setup.backupSameDisk')} />
      )}
      {loc?.sameDiskAsData === false && (
        <Alert type="success" showIcon style={{ marginBottom: 8 }} title={t('setup.backupOtherDisk')} />
      )}
      {error && <Alert type="error" showIcon style={{ marginBottom: 8 }} title={error} />}
      <Button onClick={choose} data-testid="setup-backup-choose" style={{ marginBottom: 16 }}>
        {t('setup.backupChoose')}
      </Button>
    </>
  );
}
