/** The fault's issued PDFs (diagnosis report versions, escalation packages) and the issue button. */
import { DownloadOutlined, EyeOutlined, FileAddOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Flex, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaultRecord } from '@shared/schemas/fault';
import { useSaveHandler } from '../../components/useSaveHandler';
import { formatDateTime, openReport, saveReportPdf, useReportsFor } from '../../core';
import type { Language } from '../../pdf/types';
import { usePrintReport } from '../reports';
import { issueFaultDiagnosisReport } from './fault-reports';

export function FaultReports({ fault, canIssue }: { fault: FaultRecord; canIssue: boolean }) {
  const { t, i18n } = useTranslation('faults');
  const { message } = App.useApp();
  const save = useSaveHandler();
  const print = usePrintReport();
  const reports = useReportsFor('fault', fault.id);
  // The client reads Chinese: a report defaults to zh-CN whatever the screen language.
  const [language, setLanguage] = useState<Language>('zh-CN');
  const [busy, setBusy] = useState(false);
  const diagnosis = (reports ?? []).filter((r) => r.type === 'fault-diagnosis');
  const issue = async () => {
    setBusy(true);
    let label = '';
    const ok = await save(async () => {
      const { report } = await issueFaultDiagnosisReport(fault.id, language);
      label = t('report.issued', { number: report.number, version: report.version });
    }, null);
    setBusy(false);
    if (ok) message.success(label);
  };
  return (
    <div data-testid="fault-reports">
      {canIssue && (
        <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
          <Button
            type="primary"
            icon={<FileAddOutlined />}
            loading={busy}
            onClick={() => void issue()}
            data-testid="issue-report"
          >
            {diagnosis.length ? t('report.reissue') : t('report.issue')}
          </Button>
          <Select<Language>
            aria-label={t('report.language')}
            value={language}
            onChange={setLanguage}
            style={{ width: 120 }}
            options={[
              { value: 'zh-CN', label: t('common:languages.zh') },
              { value: 'en', label: t('common:languages.en') },
            ]}
          />
          {busy && <Typography.Text type="secondary">{t('report.issuing')}</Typography.Text>}
        </Flex>
      )}
      <List
        size="small"
        dataSource={reports ?? []}
        locale={{ emptyText: t('report.none') }}
        renderItem={(r) => (
          <List.Item
            data-testid={`report-${r.type}`}
            actions={[
              <Button
                key="save"
                size="small"
                icon={<DownloadOutlined />}
                aria-label={t('report.save')}
                title={t('report.save')}
                onClick={() => void save(() => saveReportPdf(r), null)}
                data-testid="report-save"
              />,
              <Button
                key="print"
                size="small"
                icon={<PrinterOutlined />}
                aria-label={t('report.print')}
                title={t('report.print')}
                onClick={() => void print(r)}
              />,
              <Button
                key="open"
                size="small"
                icon={<EyeOutlined />}
                aria-label={t('report.open')}
                title={t('report.open')}
                onClick={() => void save(() => openReport(r), null)}
              />,
            ]}
          >
            <List.Item.Meta
              title={
                <Space size={4} wrap>
                  <Typography.Text strong>{r.title}</Typography.Text>
                  <Tag>{t('report.version', { version: r.version })}</Tag>
                  <Tag color={r.status === 'void' ? 'red' : 'blue'}>{t(`report.status.${r.status}`)}</Tag>
                </Space>
              }
              description={
                <span>
                  {r.number} · {formatDateTime(r.issuedAt, i18n.language)}
                </span>
              }
            />
          </List.Item>
        )}
      />
    </div>
  );
}
