import { GlobalOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Select, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { rememberLanguage, type Language } from '../i18n';
import { useSite } from '../core';
import { lockApp, useUnlocked } from '../features/access';
import { HelpButton } from '../features/help';
import { CommandPalette } from '../features/palette';

/** Top bar: project, who unlocked the app (and the lock button), language. */
export function HeaderBar() {
  const { t, i18n } = useTranslation();
  const site = useSite();
  const me = useUnlocked();
  const change = (lng: Language) => {
    rememberLanguage(lng);
    void i18n.changeLanguage(lng);
    document.documentElement.lang = lng;
  };
  return (
    <Layout.Header
      style={{
        background: '#fff',
        padding: '0 20px',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        borderBottom: '1px solid #f0f0f0',
      }}
    >
      <Typography.Text strong ellipsis style={{ maxWidth: '50%' }}>
        {site?.projectName || site?.clientName || t('app.name')}
        {site?.isDemo && <Typography.Text type="warning"> · {t('app.demo')}</Typography.Text>}
      </Typography.Text>
      <Space size="large">
        <CommandPalette />
        <HelpButton />
        {me && (
          <span data-testid="current-user">
            <UserOutlined /> {me.name} · {t(`roles.${me.role}`)}
          </span>
        )}
        <Tooltip title={t('access:lock.lockHint')}>
          <Button icon={<LockOutlined />} onClick={lockApp} data-testid="lock-button">
            {t('access:lock.lockButton')}
          </Button>
        </Tooltip>
        <Space>
          <GlobalOutlined aria-hidden />
          <Select<Language>
            aria-label={t('settings:general.language')}
            data-testid="language-select"
            value={i18n.language as Language}
            onChange={change}
            style={{ width: 110 }}
            options={[
              { value: 'zh-CN', label: t('languages.zh') },
              { value: 'en', label: t('languages.en') },
            ]}
          />
        </Space>
      </Space>
    </Layout.Header>
  );
}
