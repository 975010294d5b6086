/* The monthly service report for a month of 300 faults and 20 inspection runs: figures, document and
   PDF (Node, in-process, the path of `reports:sample`), from generated records (budget 3 s). */
import { monthlyFigures } from '../shared/domain/monthly-service';
import { createI18n } from '../renderer/i18n';
import { buildReport } from '../renderer/core/reports/builders';
import { demoMonthRecords, monthlyServiceDemo } from '../renderer/pdf/demo/monthly-demo';
import { generatePdf } from '../renderer/pdf/pdf-client';
import { type BenchCase, medianMs } from './harness';

export const cases: BenchCase[] = [
  {
    name: 'monthly service report, 300 faults and 20 inspection runs',
    run: async () => {
      const records = demoMonthRecords({ month: '2026-11', faults: 300, runs: 20, seed: 5 });
      const now = new Date('2026-12-03T02:00:00Z');
      const { options } = await monthlyServiceDemo('zh-CN');
      const i18n = await createI18n('zh-CN');
      const once = async () => {
        const data = monthlyFigures(records, now);
        return generatePdf(buildReport(i18n, 'monthly-service', data, options));
      };
      await once(); // warm-up: font parsing, ECharts and pdfmake modules
      const figures = await medianMs(9, () => monthlyFigures(records, now));
      const cpu0 = process.cpuUsage();
      const whole = await medianMs(3, once);
      const cpu1 = process.cpuUsage(cpu0);
      // CPU time per run beside the wall time: on the shared 2-core machine wall time also counts waiting.
      const cpu = (cpu1.user + cpu1.system) / 1000 / 3;
      return [
        { label: 'figures of the month (median of 9)', measure: 'figures-300-faults', value: figures, budget: 100 },
        {
          label: 'figures, document and PDF (median of 3)',
          measure: 'pdf-300-faults-20-runs',
          value: whole,
          cpu,
          budget: 3000,
        },
      ];
    },
  },
];
