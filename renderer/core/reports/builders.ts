/**
 * Which report types have a builder, and the typed entry point that builds one in the report's own
 * language. A feature adds its report type with one line in `reportBuilders`.
 */
import type { i18n as I18n } from 'i18next';
import { buildEscalationPackageReport } from '../../pdf/escalation-package-report';
import { buildFaultDiagnosisReport } from '../../pdf/fault-diagnosis-report';
import { buildFaqManual } from '../../pdf/faq-manual-report';
import { buildPersonnelNotice } from '../../pdf/personnel-notice-report';
import { buildHealthCheckReport } from '../../pdf/health-check-report';
import { buildInspectionReport } from '../../pdf/inspection-report';
import { buildMonthlyServiceReport } from '../../pdf/monthly-service-report';
import { buildSampleReport } from '../../pdf/sample-report';
import { buildSystemDiagnosisReport } from '../../pdf/system-diagnosis-report';
import { buildTrainingRecord } from '../../pdf/training-record-report';
import { buildTrainingSummary } from '../../pdf/training-summary-report';
import type { BuildOptions, ReportBuilder, ReportDocument, ReportType } from '../../pdf/types';

/**
 * One builder per report type that has one; the others are simply absent. `satisfies` rejects keys
 * that are not `ReportType`s while keeping each builder's own data type.
 */
export const reportBuilders = {
  sample: buildSampleReport,
  'faq-manual': buildFaqManual,
  'training-record': buildTrainingRecord,
  'training-summary': buildTrainingSummary,
  'personnel-notice': buildPersonnelNotice,
  'fault-diagnosis': buildFaultDiagnosisReport,
  'escalation-package': buildEscalationPackageReport,
  inspection: buildInspectionReport,
  'system-diagnosis': buildSystemDiagnosisReport,
  'health-check': buildHealthCheckReport,
  'monthly-service': buildMonthlyServiceReport,
} satisfies Partial<Record<ReportType, ReportBuilder<never>>>;

/** Report types that have a builder today. */
export type BuiltReportType = keyof typeof reportBuilders;

/** The data each built report type takes, read off its builder. */
export type ReportDataByType = { [K in BuiltReportType]: Parameters<(typeof reportBuilders)[K]>[0] };

/** Whether `type` has a builder (narrows for `buildReport`). */
export function hasBuilder(type: ReportType): type is BuiltReportType {
  return Object.hasOwn(reportBuilders, type);
}

/**
 * Builds a report in `options.meta.language`, whatever the UI language is (a Chinese report from an
 * English UI): the builder gets `t` fixed to that language.
 */
export function buildReport<K extends BuiltReportType>(
  i18n: I18n,
  type: K,
  data: ReportDataByType[K],
  options: BuildOptions,
): ReportDocument {
  if (options.meta.type !== type) throw new Error(`buildReport: meta.type ${options.meta.type} is not ${type}`);
  const builder = reportBuilders[type] as ReportBuilder<ReportDataByType[K]>;
  return builder(data, i18n.getFixedT(options.meta.language), options);
}
