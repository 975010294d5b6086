import { FileAddOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inspection } from '@shared/schemas/inspection';
import type { ReportRecord } from '@shared/schemas/report';
import { formatDateTime, useReportsFor } from '../../core';
import { ReportRowActions } from '../reports';
import { IssueDialog } from './IssueDialog';
import type { InspectionReportType } from './report-context';

const statusColor: Record<string, string> = { issued: 'blue', signed: 'green', filed: 'default', void: 'red' };

/** The inspection's reports: issue each type, then save, print, verify, sign on screen, attach the scan, file. */
export function ReportsCard({ inspection }: { inspection: Inspection }) {
  const { t, i18n } = useTranslation('inspections');
  const reports = useReportsFor('inspection', inspection.id);
  const [issuing, setIssuing] = useState<InspectionReportType>();
  const types: InspectionReportType[] =
    inspection.mode === 'deep'
      ? ['inspection', 'system-diagnosis', 'health-check']
      : ['inspection', 'system-diagnosis'];
  const finished = inspection.status === 'finished';
  return (
    <Card
      size="small"
      title={t('reports.title')}
      data-testid="inspection-reports"
      extra={
        <Flex gap={8} wrap>
          {types.map((type) => (
            <Button
              key={type}
              size="small"
              icon={<FileAddOutlined />}
              disabled={!finished}
              onClick={() => setIssuing(type)}
              data-testid={`issue-${type}`}
            >
              {t(`reports.issueType.${type}`)}
            </Button>
          ))}
        </Flex>
      }
    >
      {!finished && <Typography.Paragraph type="secondary">{t('reports.afterFinish')}</Typography.Paragraph>}
      {finished && reports && reports.length === 0 && (
        <Typography.Paragraph type="secondary">{t('reports.none')}</Typography.Paragraph>
      )}
      {reports && reports.length > 0 && (
        <Table<ReportRecord>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={reports}
          columns={[
            { title: t('reports.col.number'), dataIndex: 'number', render: (n: string, r) => `${n} v${r.version}` },
            { title: t('reports.col.title'), dataIndex: 'title' },
            {
              title: t('reports.col.issuedAt'),
              dataIndex: 'issuedAt',
              render: (v: string) => formatDateTime(v, i18n.language),
              sorter: (a, b) => a.issuedAt.localeCompare(b.issuedAt),
            },
            {
              title: t('reports.col.status'),
              dataIndex: 'status',
              render: (s: string, r) => (
                <Tag color={statusColor[s]} data-testid={`report-status-${r.type}`}>
                  {t(`registry:status.${s}`)}
                </Tag>
              ),
            },
            {
              title: t('reports.col.signedBy'),
              key: 'sig',
              render: (_, r) => r.signatures.map((s) => s.name).join('、') || '—',
            },
            { title: '', key: 'actions', render: (_, r) => <ReportRowActions report={r} /> },
          ]}
        />
      )}
      {issuing && <IssueDialog inspection={inspection} type={issuing} onClose={() => setIssuing(undefined)} />}
    </Card>
  );
}
