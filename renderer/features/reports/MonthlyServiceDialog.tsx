/**
 * 月度服务报告: the project manager picks a month (last month by default), the records of that month
 * are read (./monthly-data.ts) and the report is issued through the one `issueReport`, so it gets a
 * number, a register row and a fingerprint; the PDF is then saved through the platform.
 */
import { CalendarOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import i18next from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveHandler } from '../../components/useSaveHandler';
import { issueReport, saveReportPdf, useTeam } from '../../core';
import type { Language } from '../../pdf/types';
import { monthBounds, loadMonthlyServiceData } from './monthly-data';
import { PeersBehindNotice } from '../sync';

export function MonthlyServiceAction() {
  const { t, i18n } = useTranslation('registry');
  const team = useTeam();
  const save = useSaveHandler();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [month, setMonth] = useState<Dayjs>(() => dayjs().subtract(1, 'month'));
  const issue = async () => {
    setBusy(true);
    try {
      const done = await save(async () => {
        const m = month.format('YYYY-MM');
        const language = (i18n.language as Language) || 'zh-CN';
        const now = new Date();
        const data = await loadMonthlyServiceData(m, i18next.getFixedT(language), now);
        const { days } = monthBounds(m);
        const pm = team?.find((p) => p.role === 'pm' && p.active);
        const { report } = await issueReport(
          {
            type: 'monthly-service',
            subjectType: 'month',
            subjectId: `monthly-service-${m}`,
            data,
            language,
            title: t('monthly.reportTitle', { month: m }),
            period: { from: `${m}-01`, to: `${m}-${String(days).padStart(2, '0')}` },
            signers: [{ role: 'projectManager', ...(pm ? { name: pm.name } : {}) }, { role: 'clientEngineer' }],
          },
          now,
        );
        await saveReportPdf(report);
      }, 'registry:monthly.exported');
      if (done) setOpen(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button icon={<CalendarOutlined />} onClick={() => setOpen(true)} data-testid="monthly-open">
        {t('monthly.action')}
      </Button>
      <Modal
        open={open}
        title={t('monthly.title')}
        okText={t('monthly.ok')}
        onOk={() => void issue()}
        confirmLoading={busy}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'monthly-issue' }}
      >
        <PeersBehindNotice onGoToSync={() => setOpen(false)} />
        <Typography.Paragraph type="secondary">{t('monthly.hint')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('monthly.month')}>
            <DatePicker
              picker="month"
              allowClear={false}
              value={month}
              onChange={(v) => v && setMonth(v)}
              disabledDate={(d) => d.isAfter(dayjs(), 'month')}
              data-testid="monthly-month"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
