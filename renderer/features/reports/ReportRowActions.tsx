import { DownOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportRecord } from '@shared/schemas/report';
import { platform } from '../../platform';
import { useSaveHandler } from '../../components/useSaveHandler';
import { SignDialog } from './SignDialog';
import { attachSignedScan, fileReport, openReport, saveReportPdf, verifyReport, voidReport } from '../../core';
import { usePrintReport } from './usePrintReport';
import { VoidDialog } from './VoidDialog';

/** What can be done with one issued report. */
export function ReportRowActions({ report }: { report: ReportRecord }) {
  const { t } = useTranslation('registry');
  const { modal } = App.useApp();
  const save = useSaveHandler();
  const print = usePrintReport();
  const [dialog, setDialog] = useState<'sign' | 'void' | null>(null);
  const isVoid = report.status === 'void';
  const verify = async () => {
    const v = await verifyReport(report.id);
    const lines = [
      t(v.dataMatch ? 'verify.dataOk' : 'verify.dataBad'),
      t(v.pdfMatch ? 'verify.pdfOk' : 'verify.pdfBad'),
    ];
    if (v.signedPdfMatch !== null) lines.push(t(v.signedPdfMatch ? 'verify.signedOk' : 'verify.signedBad'));
    (v.ok ? modal.success : modal.error)({
      title: t(v.ok ? 'verify.match' : 'verify.mismatch'),
      content: (
        <div data-testid="verify-result" data-ok={v.ok}>
          {lines.map((l) => (
            <div key={l}>{l}</div>
          ))}
          <div style={{ marginTop: 8, fontSize: 12, wordBreak: 'break-all' }}>
            {t('verify.hash', { hash: report.dataHash })}
          </div>
        </div>
      ),
    });
  };
  const scan = async () => {
    const f = await platform.openFile({
      filters: [{ name: t('scanFiles'), extensions: ['pdf', 'png', 'jpg', 'jpeg'] }],
      maxBytes: 50 * 1024 * 1024,
    });
    if (!f) return;
    const ext = f.name.split('.').pop()?.toLowerCase();
    await save(
      () =>
        attachSignedScan(report, {
          name: f.name,
          mime: ext === 'pdf' ? 'application/pdf' : ext === 'png' ? 'image/png' : 'image/jpeg',
          data: f.data,
        }),
      'registry:scanAttached',
    );
  };
  const items = [
    { key: 'open', label: t('actions.open'), onClick: () => void save(() => openReport(report), null) },
    { key: 'print', label: t('actions.print'), onClick: () => void print(report) },
    { key: 'sign', label: t('actions.sign'), disabled: isVoid, onClick: () => setDialog('sign') },
    { key: 'scan', label: t('actions.scan'), disabled: isVoid, onClick: () => void scan() },
    {
      key: 'file',
      label: t('actions.file'),
      disabled: report.status !== 'signed',
      onClick: () => void save(() => fileReport(report), 'registry:filed'),
    },
    { type: 'divider' as const },
    { key: 'void', label: t('actions.void'), danger: true, disabled: isVoid, onClick: () => setDialog('void') },
  ];
  return (
    <Space size={4}>
      <Button size="small" onClick={() => void save(() => saveReportPdf(report), null)} data-testid="report-save">
        {t('actions.save')}
      </Button>
      <Button
        size="small"
        icon={<SafetyCertificateOutlined />}
        onClick={() => void verify()}
        data-testid="report-verify"
      >
        {t('actions.verify')}
      </Button>
      <Dropdown menu={{ items }} trigger={['click']}>
        <Button size="small" aria-label={t('actions.more')} data-testid="report-more">
          <DownOutlined />
        </Button>
      </Dropdown>
      {dialog === 'sign' && <SignDialog report={report} onClose={() => setDialog(null)} />}
      {dialog === 'void' && (
        <VoidDialog
          onClose={() => setDialog(null)}
          onVoid={(reason) => save(() => voidReport(report, reason), 'registry:voided')}
        />
      )}
    </Space>
  );
}
