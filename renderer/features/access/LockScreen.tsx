import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Radio, Select, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamMember } from '@shared/schemas/core';
import { rememberLanguage, type Language } from '../../i18n';
import { useSite, useTeam } from '../../core';
import { useAccessStore } from './access.store';
import { checkPin, setFirstPin, throttleOf, unblockMember, useCredentialStatus } from './credentials.repo';
import { accessErrorText } from './messages';
import { pinProblem } from './pin';
import { ResetPinDialog } from './ResetPinDialog';

/** Ticks every second while `active` (the wait countdown). */
function useTick(active: boolean): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(id);
  }, [active]);
  return active ? now : new Date();
}

/**
 * The app opens here, and comes back here when it locks: choose who you are, enter your PIN. Shows
 * the team's names and nothing of the client's data.
 */
export function LockScreen() {
  const { t, i18n } = useTranslation('access');
  const site = useSite();
  const team = useTeam();
  const status = useCredentialStatus();
  const unlock = useAccessStore((s) => s.unlock);
  const members = (team ?? [])
    .filter((m) => m.active)
    .sort((a, b) => (a.role === b.role ? 0 : a.role === 'pm' ? -1 : 1));
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  // Until the site (its usual user), the team and who has a PIN are read, nothing is offered: a
  // guess would preselect the wrong person, or ask someone who has a PIN to set a first one.
  const loaded = site !== undefined && team !== undefined && status !== undefined;
  const memberId = chosen ?? members.find((m) => m.id === site?.currentUserId)?.id ?? members[0]?.id;
  const member = members.find((m) => m.id === memberId);
  const cred = member ? status?.get(member.id) : undefined;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [resetOpen, setResetOpen] = useState(false);
  const [form] = Form.useForm<{ pin: string; newPin: string; newPin2: string; pmPin: string }>();
  // The wait the last answer announced, kept here too so it shows before the stored row is read again.
  const [waitUntil, setWaitUntil] = useState(0);
  const waiting = waitUntil > Date.now() || (cred ? throttleOf(cred, new Date()).kind === 'wait' : false);
  const now = useTick(waiting);
  const stored = cred ? throttleOf(cred, now) : { kind: 'open' as const };
  const throttle =
    stored.kind === 'open' && waitUntil > now.getTime()
      ? { kind: 'wait' as const, until: waitUntil, seconds: Math.ceil((waitUntil - now.getTime()) / 1000) }
      : stored;

  const choose = (id: string) => {
    setChosen(id);
    setWaitUntil(0);
    setError(null);
    form.resetFields();
  };
  const enter = (m: TeamMember) => unlock({ id: m.id, name: m.name, role: m.role });
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(accessErrorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  const tryPin = () =>
    run(async () => {
      if (!member) return;
      const pin: string = form.getFieldValue('pin') ?? '';
      if (!pin) return setError(t('lock.pinRequired'));
      const r = await checkPin(member.id, pin);
      form.setFieldValue('pin', '');
      if (r.ok) return enter(r.member);
      if (r.reason === 'wrong' && r.state.kind === 'wait') setWaitUntil(r.state.until);
      if (r.reason === 'wait') setWaitUntil(Date.now() + r.seconds * 1000);
      if (r.reason === 'wrong')
        setError(
          r.state.kind === 'wait'
            ? t('lock.wrongWait', { count: r.failures, seconds: r.state.seconds })
            : r.state.kind === 'pm-only'
              ? t('lock.blocked')
              : t('lock.wrong', { count: r.failures }),
        );
    });
  const setPin = () =>
    run(async () => {
      if (!member) return;
      const { newPin = '', newPin2 = '' } = form.getFieldsValue();
      const problem = pinProblem(newPin);
      if (problem) return setError(t(`errors.${problem}`));
      if (newPin !== newPin2) return setError(t('lock.mismatch'));
      await setFirstPin(member.id, newPin);
      enter(member);
    });
  const unblock = () =>
    run(async () => {
      if (!member) return;
      await unblockMember(member.id, form.getFieldValue('pmPin') ?? '');
      form.setFieldValue('pmPin', '');
    });

  const changeLanguage = (lng: Language) => {
    rememberLanguage(lng);
    void i18n.changeLanguage(lng);
    document.documentElement.lang = lng;
  };

  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', background: '#1f3b5c' }}>
      <Card style={{ width: 460 }} data-testid="lock-screen">
        <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            <LockOutlined aria-hidden /> {t('common:app.name')}
          </Typography.Title>
          <Select<Language>
            aria-label={t('settings:general.language')}
            data-testid="lock-language"
            value={i18n.language as Language}
            onChange={changeLanguage}
            style={{ width: 120 }}
            options={[
              { value: 'zh-CN', label: t('common:languages.zh') },
              { value: 'en', label: t('common:languages.en') },
            ]}
          />
        </Flex>
        <Typography.Paragraph type="secondary">{t('lock.intro')}</Typography.Paragraph>
        {!loaded ? (
          <Flex justify="center" style={{ padding: 24 }}>
            <Spin data-testid="lock-loading" />
          </Flex>
        ) : (
          <Form form={form} layout="vertical" onFinish={() => void (cred ? tryPin() : setPin())}>
            <Form.Item label={t('lock.who')}>
              <Radio.Group
                value={memberId}
                onChange={(e) => choose(e.target.value as string)}
                data-testid="lock-members"
              >
                <Space direction="vertical">
                  {members.map((m) => (
                    <Radio key={m.id} value={m.id}>
                      {m.name} · {t(`common:roles.${m.role}`)}
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            </Form.Item>
            {member && !cred && (
              <>
                <Alert
                  type="info"
                  showIcon
                  title={t('lock.firstPin', { name: member.name })}
                  style={{ marginBottom: 12 }}
                />
                <Form.Item name="newPin" label={t('lock.newPin')} extra={t('lock.pinRule')}>
                  <Input.Password autoComplete="new-password" autoFocus data-testid="lock-new-pin" />
                </Form.Item>
                <Form.Item name="newPin2" label={t('lock.newPin2')}>
                  <Input.Password autoComplete="new-password" data-testid="lock-new-pin2" />
                </Form.Item>
                <Button type="primary" htmlType="submit" block loading={busy} data-testid="lock-set-pin">
                  {t('lock.setAndUnlock')}
                </Button>
              </>
            )}
            {member && cred && throttle.kind !== 'pm-only' && (
              <>
                <Form.Item name="pin" label={t('lock.pin')}>
                  <Input.Password
                    autoComplete="off"
                    autoFocus
                    disabled={throttle.kind === 'wait'}
                    data-testid="lock-pin"
                  />
                </Form.Item>
                {throttle.kind === 'wait' && (
                  <Alert
                    type="warning"
                    showIcon
                    title={t('lock.wait', { seconds: throttle.seconds })}
                    style={{ marginBottom: 12 }}
                    data-testid="lock-wait"
                  />
                )}
                <Button
                  type="primary"
                  htmlType="submit"
                  block
                  loading={busy}
                  disabled={throttle.kind === 'wait'}
                  data-testid="lock-unlock"
                >
                  {t('lock.unlock')}
                </Button>
              </>
            )}
            {member && cred && throttle.kind === 'pm-only' && (
              <>
                <Alert
                  type="error"
                  showIcon
                  title={t('lock.blocked')}
                  style={{ marginBottom: 12 }}
                  data-testid="lock-blocked"
                />
                <Form.Item name="pmPin" label={t('lock.pmPin')}>
                  <Input.Password autoComplete="off" data-testid="lock-pm-pin" />
                </Form.Item>
                <Button block loading={busy} onClick={() => void unblock()} data-testid="lock-unblock">
                  {t('lock.unblock')}
                </Button>
              </>
            )}
            {error && (
              <Typography.Paragraph type="danger" style={{ marginTop: 12 }} data-testid="lock-error">
                {error}
              </Typography.Paragraph>
            )}
            {member && cred && (
              <Button type="link" style={{ paddingInline: 0, marginTop: 8 }} onClick={() => setResetOpen(true)}>
                {t('lock.forgot')}
              </Button>
            )}
          </Form>
        )}
        {resetOpen && member && <ResetPinDialog member={member} onClose={() => setResetOpen(false)} />}
      </Card>
    </Flex>
  );
}
