/**
 * The fault's two PDFs through the report engine: the fault diagnosis report (numbered with the
 * fault number, recorded as `report-issued` in the log) and the escalation package. The data is
 * read once (./report-context.ts) and shaped by pure functions (./report-data.ts).
 */
import type { Language } from '../../pdf/types';
import { issueReport } from '../../core';
import { writeFaultEvents } from './faults.repo';
import { loadReportContext } from './report-context';
import { diagnosisData, diagnosisSigners, escalationData } from './report-data';

/**
 * Issues the fault diagnosis report (number = the fault number, file 故障诊断报告-GZ-….pdf) and
 * records `report-issued` in the fault's log, in one transaction.
 */
export async function issueFaultDiagnosisReport(faultId: string, language: Language, now = new Date()) {
  const c = await loadReportContext(faultId, now);
  return issueReport(
    {
      type: 'fault-diagnosis',
      subjectType: 'fault',
      subjectId: faultId,
      data: diagnosisData(c, now),
      number: c.fault.number,
      language,
      signers: diagnosisSigners(c),
      // The fault's log records the issue in the same transaction as the register row.
      alsoWrite: {
        tables: ['faults', 'faultEvents'],
        write: async (db, report) => {
          const at = new Date(Math.max(now.getTime(), Date.now()));
          const event = {
            type: 'report-issued' as const,
            at: at.toISOString(),
            payload: { reportId: report.id, reportNumber: report.number, version: report.version },
          };
          await writeFaultEvents(db, faultId, [event], c.cfg, at);
        },
      },
    },
    now,
  );
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
