/**
 * Demo data per built report type, for `npm run reports:sample`, tests and benches (never bundled
 * into the app's own pages). A feature that adds a builder adds its demo here: plain report data in
 * this folder (fault-demo.ts, training-demo.ts …); a demo made by the feature's own code stays in the
 * feature as its `report-demo` module, the one part of a feature this folder and the builders' tests
 * may import (eslint-rules/feature-boundaries.js).
 */
import type { Language } from '../../i18n/resources';
import type { BuiltReportType, ReportDataByType } from '../../core/reports/builders';
import type { BuildOptions } from '../types';
import { escalationPackageDemo, faultDiagnosisDemo } from './fault-demo';
import { healthCheckDemo, inspectionDemo, systemDiagnosisDemo } from '../../features/inspections/report-demo';
import { faqManualDemo } from '../../features/kb/report-demo';
import { personnelNoticeDemo } from './personnel-notice-demo';
import { trainingRecordDemo, trainingSummaryDemo } from './training-demo';
import { sampleDemo } from './sample-demo';
import { monthlyServiceDemo } from './monthly-demo';

export type ReportDemo<K extends BuiltReportType> = (
  language: Language,
) => Promise<{ data: ReportDataByType[K]; options: BuildOptions }>;

/** One demo per built report type. */
export const reportDemos: { [K in BuiltReportType]: ReportDemo<K> } = {
  sample: sampleDemo,
  'faq-manual': faqManualDemo,
  'training-record': trainingRecordDemo,
  'training-summary': trainingSummaryDemo,
  'personnel-notice': personnelNoticeDemo,
  'fault-diagnosis': faultDiagnosisDemo,
  'escalation-package': escalationPackageDemo,
  inspection: inspectionDemo,
  'system-diagnosis': systemDiagnosisDemo,
  'health-check': healthCheckDemo,
  'monthly-service': monthlyServiceDemo,
};
