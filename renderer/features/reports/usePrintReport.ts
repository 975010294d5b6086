/**
 * 打印 for an issued report, the same everywhere a print button is: the OS print dialog in the
 * desktop app; where printing is unavailable the PDF opens in the system viewer instead, and the
 * user is told to print from there (electron/main/print.ts decides which).
 */
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportRecord } from '@shared/schemas/report';
import { useSaveHandler } from '../../components/useSaveHandler';
import { printReport } from '../../core';

export function usePrintReport(): (r: ReportRecord) => Promise<boolean> {
  const { message } = App.useApp();
  const { t } = useTranslation('registry');
  const save = useSaveHandler();
  return (r) =>
    save(async () => {
      const outcome = await printReport(r);
      if (outcome === 'opened-in-viewer') message.info(t('printFallback'), 8);
    }, null);
}
