import {
  App,
  Button,
  Card,
  Col,
  Divider,
  Flex,
  Form,
  Input,
  Popconfirm,
  Radio,
  Row,
  Select,
  Steps,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SiteSettings } from '@shared/schemas/core';
import { useSaveHandler } from '../../components/useSaveHandler';
import { rememberLanguage, type Language } from '../../i18n';
import { useLoadDemo } from './useLoadDemo';
import { TextField, useRules } from '../../components/TextField';
import { completeSetup, type SetupInput } from './setup';
import { deviceCodeRule } from './SiteForms';
import { teamKey } from '../../core/team-key';
import { canRevealTeamCode, createTeamKey, ensureTeamKey, joinTeam, type TeamCode } from '../../core/team-key-store';
import { RevealTeamCode, SetupBackupFolder, SetupTeamFields } from './TeamKeyCard';
import { SetupPinFields, setupCredentials } from '../access';

type WizardValues = SetupInput & {
  teamMode: 'create' | 'join';
  teamName?: string;
  teamCode?: string;
  pins?: string[];
};

const stepFields: string[][] = [
  ['deviceCode', 'providerName', 'teamMode', 'teamName', 'teamCode'],
  ['team', 'meIndex'],
  ['clientName', 'clientAddress', 'projectName', 'maintenance'],
  ['pins'],
];
const lastStep = stepFields.length - 1;

/** First run on this laptop: who uses it, the team, the client. Everything is editable later in Settings. */
export function SetupWizard({ site }: { site: SiteSettings }) {
  const { t, i18n } = useTranslation('settings');
  const r = useRules();
  const [step, setStep] = useState(0);
  const [form] = Form.useForm<WizardValues>();
  const save = useSaveHandler();
  const loadDemo = useLoadDemo();
  const { modal } = App.useApp();
  /** The team key first (every write is authenticated with it), then the records. */
  const finish = async (v: WizardValues) => {
    let created: TeamCode | null = null;
    if (!teamKey()) {
      if (v.teamMode === 'join') await joinTeam(v.teamCode ?? '', v.teamName ?? '');
      else created = await createTeamKey(v.teamName?.trim() || v.providerName.trim());
    }
    await completeSetup(v, new Date(), (team) => setupCredentials(team, v.pins));
    if (created) {
      const code = created;
      modal.success({
        title: t('teamKey.created', { name: code.teamName }),
        width: 640,
        content: (
          <>
            <Typography.Paragraph>
              {t(canRevealTeamCode() ? 'teamKey.createdLater' : 'teamKey.createdOnce')}
            </Typography.Paragraph>
            <RevealTeamCode load={() => Promise.resolve(code)} />
          </>
        ),
      });
    }
  };
  const next = async () => {
    try {
      await form.validateFields(
        stepFields[step].flatMap((f) =>
          f === 'team'
            ? [0, 1, 2].flatMap((i) => [
                ['team', i, 'name'],
                ['team', i, 'phone'],
              ])
            : f === 'pins'
              ? [0, 1, 2].flatMap((i) => [
                  ['pins', i],
                  ['pins2', i],
                ])
              : f === 'maintenance'
                ? [
                    ['maintenance', 'name'],
                    ['maintenance', 'phone'],
                    ['maintenance', 'email'],
                  ]
                : [[f]],
        ) as never,
      );
    } catch {
      return; // the step's fields show their own messages
    }
    if (step < lastStep) setStep(step + 1);
    else await save(() => finish(form.getFieldsValue(true) as WizardValues), 'settings:setup.done');
  };
  const changeLanguage = (lng: Language) => {
    rememberLanguage(lng);
    void i18n.changeLanguage(lng);
  };
  return (
    <Flex justify="center" style={{ minHeight: '100vh', background: '#f0f2f5', padding: 32 }}>
      <Card style={{ width: 760, alignSelf: 'flex-start' }} data-testid="setup-wizard">
        <Flex justify="space-between" align="center">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('setup.title')}
          </Typography.Title>
          <Select<Language>
            aria-label={t('general.language')}
            data-testid="setup-language"
            value={i18n.language as Language}
            onChange={changeLanguage}
            style={{ width: 120 }}
            options={[
              { value: 'zh-CN', label: t('common:languages.zh') },
              { value: 'en', label: t('common:languages.en') },
            ]}
          />
        </Flex>
        <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
        <Steps
          current={step}
          size="small"
          style={{ margin: '16px 0 24px' }}
          items={[
            { title: t('setup.stepLaptop') },
            { title: t('setup.stepTeam') },
            { title: t('setup.stepClient') },
            { title: t('access:setup.step') },
          ]}
        />
        <Form
          form={form}
          layout="vertical"
          onFinish={() => void next()}
          onFinishFailed={() => void next()}
          initialValues={{
            deviceCode: site.deviceCode,
            providerName: site.providerName,
            meIndex: 1,
            teamMode: 'create',
            team: [
              { role: 'pm', name: '', phone: '' },
              { role: 'engineer', name: '', phone: '' },
              { role: 'engineer', name: '', phone: '' },
            ],
            maintenance: { name: '', department: '', phone: '', email: '' },
            clientName: '',
            clientAddress: '',
            projectName: '',
          }}
        >
          <div hidden={step !== 0}>
            <Form.Item
              name="deviceCode"
              label={t('general.deviceCode')}
              extra={t('general.deviceCodeHint')}
              normalize={(v: string) => v?.toUpperCase()}
              rules={[r.required, { pattern: deviceCodeRule, message: t('common:validation.deviceCode') }]}
            >
              <Input style={{ width: 120 }} maxLength={3} autoFocus />
            </Form.Item>
            <TextField name="providerName" label={t('site.providerName')} required max={80} />
            <Divider />
            <SetupTeamFields />
            <Divider />
            <SetupBackupFolder />
            <Divider />
            <Typography.Paragraph type="secondary">{t('demo.setupHint')}</Typography.Paragraph>
            <Popconfirm
              title={t('demo.confirm')}
              okText={t('common:actions.ok')}
              cancelText={t('common:actions.cancel')}
              // Returning the promise keeps the confirm's button spinning while the demo is written.
              onConfirm={() =>
                save(async () => {
                  await ensureTeamKey(t('teamKey.demoName'));
                  await loadDemo();
                }, 'settings:demo.loaded').then(() => undefined)
              }
            >
              <Button data-testid="setup-load-demo">{t('demo.load')}</Button>
            </Popconfirm>
          </div>
          <div hidden={step !== 1}>
            {[0, 1, 2].map((i) => (
              <Row gutter={12} key={i}>
                <Col span={6}>
                  <Form.Item label={i === 0 ? t('team.role') : undefined}>
                    <Input value={t(`common:roles.${i === 0 ? 'pm' : 'engineer'}`)} disabled />
                  </Form.Item>
                </Col>
                <Col span={9}>
                  <Form.Item
                    name={['team', i, 'name']}
                    label={i === 0 ? t('team.name') : undefined}
                    rules={[r.required, r.max(40)]}
                  >
                    <Input aria-label={`${t('team.name')} ${i + 1}`} />
                  </Form.Item>
                </Col>
                <Col span={9}>
                  <Form.Item
                    name={['team', i, 'phone']}
                    label={i === 0 ? t('common:fields.phone') : undefined}
                    rules={[r.phone]}
                  >
                    <Input aria-label={`${t('common:fields.phone')} ${i + 1}`} />
                  </Form.Item>
                </Col>
              </Row>
            ))}
            <Form.Item name="meIndex" label={t('general.currentUser')}>
              <Radio.Group options={[0, 1, 2].map((i) => ({ value: i, label: t('setup.member', { n: i + 1 }) }))} />
            </Form.Item>
          </div>
          <div hidden={step !== 2}>
            <TextField name="clientName" label={t('site.clientName')} required max={80} />
            <TextField name="clientAddress" label={t('site.clientAddress')} max={160} />
            <TextField name="projectName" label={t('site.projectName')} max={80} />
            <Typography.Text strong>{t('site.maintenanceEngineer')}</Typography.Text>
            <Row gutter={12}>
              <Col span={12}>
                <TextField name={['maintenance', 'name']} label={t('contacts.name')} max={60} />
              </Col>
              <Col span={12}>
                <TextField name={['maintenance', 'department']} label={t('contacts.department')} max={60} />
              </Col>
              <Col span={12}>
                <TextField name={['maintenance', 'phone']} label={t('common:fields.phone')} kind="phone" />
              </Col>
              <Col span={12}>
                <TextField name={['maintenance', 'email']} label={t('common:fields.email')} kind="email" />
              </Col>
            </Row>
          </div>
          <div hidden={step !== 3}>
            <SetupPinNames />
          </div>
          <Flex justify="space-between">
            <Button disabled={step === 0} onClick={() => setStep(step - 1)}>
              {t('setup.back')}
            </Button>
            <Button type="primary" htmlType="submit" data-testid="setup-next">
              {step < lastStep ? t('setup.next') : t('setup.finish')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </Flex>
  );
}

/** The PIN step, labelled with the names typed in the team step. */
function SetupPinNames() {
  const team = Form.useWatch<Array<{ name?: string }> | undefined>('team');
  return <SetupPinFields names={[0, 1, 2].map((i) => team?.[i]?.name ?? '')} />;
}
