import { Descriptions, Empty, Input, Spin, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAboutData, type AboutData, type LicenseEntry } from './about';

/** Versions, folders and the licence list; shown in Settings → About and in the About dialog. */
export function AboutPanel() {
  const data = useAboutData();
  if (!data) return <Spin />;
  return (
    <div data-testid="about-panel">
      <Facts data={data} />
      <Licenses licenses={data.licenses} />
    </div>
  );
}

function Facts({ data }: { data: AboutData }) {
  const { t } = useTranslation('settings');
  const { info } = data;
  const desktop = info.platform === 'electron';
  const dash = t('about.notApplicable');
  return (
    <Descriptions size="small" column={1} bordered style={{ maxWidth: 760, marginBottom: 16 }}>
      <Descriptions.Item label={t('about.app')}>
        <span data-testid="about-version">
          {t('common:app.name')} {info.version}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('about.electron')}>{info.versions.electron || dash}</Descriptions.Item>
      <Descriptions.Item label={t('about.chromium')}>{info.versions.chrome || dash}</Descriptions.Item>
      <Descriptions.Item label={t('about.node')}>{info.versions.node || dash}</Descriptions.Item>
      <Descriptions.Item label={t('about.schema')}>
        <span data-testid="about-schema">{data.schemaVersion}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('about.os')}>{info.os}</Descriptions.Item>
      <Descriptions.Item label={t('about.dataFolder')}>
        {desktop ? <Typography.Text copyable>{info.dataPath}</Typography.Text> : t('about.browserData')}
      </Descriptions.Item>
      {desktop && (
        <Descriptions.Item label={t('about.backupFolder')}>
          <Typography.Text copyable>{info.backupPath}</Typography.Text>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('about.network')}>
        <span data-testid="about-blocked">
          {desktop ? t('about.blocked', { count: info.blockedRequests }) : t('about.networkBrowser')}
        </span>
      </Descriptions.Item>
    </Descriptions>
  );
}

function Licenses({ licenses }: { licenses: LicenseEntry[] | null }) {
  const { t } = useTranslation('settings');
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return (licenses ?? []).filter(
      (l) => !q || l.name.toLowerCase().includes(q) || l.license.toLowerCase().includes(q),
    );
  }, [licenses, filter]);
  if (!licenses) return <Empty description={t('about.noLicenses')} />;
  return (
    <>
      <Typography.Title level={5}>{t('about.licensesTitle', { count: licenses.length })}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('about.licensesHint')}</Typography.Paragraph>
      <Input.Search
        allowClear
        placeholder={t('about.filter')}
        onChange={(e) => setFilter(e.target.value)}
        style={{ maxWidth: 320, marginBottom: 8 }}
      />
      <Table<LicenseEntry>
        data-testid="about-licenses"
        size="small"
        rowKey={(l) => `${l.name}@${l.version}`}
        dataSource={shown}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        style={{ maxWidth: 760 }}
        columns={[
          { title: t('about.package'), dataIndex: 'name' },
          { title: t('about.packageVersion'), dataIndex: 'version', width: 110 },
          { title: t('about.license'), dataIndex: 'license', width: 160, render: (v: string) => <Tag>{v}</Tag> },
        ]}
        expandable={{
          rowExpandable: (l) => !!l.text,
          expandedRowRender: (l) => (
            <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12, maxHeight: 240, overflow: 'auto', margin: 0 }}>
              {l.text}
            </pre>
          ),
        }}
      />
    </>
  );
}
