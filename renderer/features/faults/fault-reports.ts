/**
 * The fault's two PDFs through the report engine: the fault diagnosis report (numbered with the
 * fault number, recorded as `report-issued` in the log) and the escalation package. The data is
 * read once (./report-context.ts) and shaped by pure functions (./report-data.ts).
 */
import type { Language } from '../../pdf/types';
import { issueReport } from '../reports/reports.repo';
import { appendFaultEvents } from './faults.repo';
import { loadReportContext } from './report-context';
import { diagnosisData, diagnosisSigners, escalationData } from './report-data';

/**
 * Issues the fault diagnosis report (number = the fault number, file 故障诊断报告-GZ-….pdf) and
 * records `report-issued` in the fault's log.
 */
export async function issueFaultDiagnosisReport(faultId: string, language: Language, now = new Date()) {
  const c = await loadReportContext(faultId, now);
  const { report, pdf } = await issueReport(
    {
      type: 'fault-diagnosis',
      subjectType: 'fault',
      subjectId: faultId,
      data: diagnosisData(c, now),
      number: c.fault.number,
      language,
      signers: diagnosisSigners(c),
    },
    now,
  );
  await appendFaultEvents(faultId, [
    {
      type: 'report-issued',
      at: new Date(Math.max(now.getTime(), Date.now())).toISOString(),
      payload: { reportId: report.id, reportNumber: report.number, version: report.version },
    },
  ]);
  return { report, pdf };
}

/** Issues the handover package of one escalation event. */
export async function issueEscalationPackage(
  faultId: string,
  escalationSeq: number,
  language: Language,
  now = new Date(),
) {
  const { data, by } = escalationData(await loadReportContext(faultId, now), escalationSeq);
  return issueReport(
    {
      type: 'escalation-package',
      subjectType: 'fault',
      subjectId: faultId,
      data,
      language,
      signers: [{ role: 'engineer', name: by }],
    },
    now,
  );
}
