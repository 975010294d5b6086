import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { RecoveryScreen } from '../features/recovery';
import type { BootResult } from './boot';
import type { DbState } from '../db/db';
import { ApprovalHost, LockScreen, useLockTriggers, useUnlocked } from '../features/access';
import { startFaultMonitor } from '../features/faults';
import { startRequestMonitor } from '../features/requests';
import { TextGuard } from '../features/safety';
import { SetupWizard } from '../features/settings';
import { useSite } from '../core';
import { Shell } from './Shell';

/** Providers, the database gate (or the recovery screen) and first-run setup. */
export function App({ boot }: { boot: BootResult }) {
  const { i18n } = useTranslation();
  const isZh = i18n.language === 'zh-CN';
  dayjs.locale(isZh ? 'zh-cn' : 'en');
  return (
    <ConfigProvider
      button={{ autoInsertSpace: false }}
      locale={isZh ? zhCN : enUS}
      theme={{
        token: {
          colorPrimary: '#1f5fae',
          borderRadius: 4,
          fontFamily: "'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
        },
      }}
    >
      <AntApp>
        <TextGuard />
        {boot.kind === 'recover' ? <RecoveryScreen recovery={boot.recovery} /> : <DbGate state={boot.state} />}
        <ApprovalHost />
      </AntApp>
    </ConfigProvider>
  );
}

function DbGate({ state }: { state: DbState }) {
  const { t } = useTranslation();
  if (state.kind === 'error')
    return (
      <Result
        status="error"
        title={t('db.openFailedTitle')}
        subTitle={t('db.openFailed', { message: state.message })}
      />
    );
  if (state.kind === 'newer' && !state.db)
    return (
      <Result
        status="warning"
        title={t('db.newerTitle')}
        subTitle={t('db.newer', { version: state.foundVersion })}
        data-testid="db-newer"
      />
    );
  return <Ready />;
}

function Ready() {
  const site = useSite();
  if (!site) return <Spin fullscreen />;
  if (!site.setupComplete) return <SetupWizard site={site} />;
  return <LockGate />;
}

/**
 * The app opens locked (renderer/features/access): the shell, and with it every client record, is
 * rendered only for an unlocked person. The fault and request monitors run either way (their
 * notifications say only that a deadline needs attention while locked).
 */
function LockGate() {
  const { t } = useTranslation();
  const unlocked = useUnlocked();
  useLockTriggers();
  useEffect(() => startFaultMonitor(), []);
  useEffect(() => startRequestMonitor(), []);
  useEffect(() => {
    if (!unlocked) document.title = t('app.name');
  }, [unlocked, t]);
  return unlocked ? <Shell /> : <LockScreen />;
}
