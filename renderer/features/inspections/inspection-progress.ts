import type { Inspection, InspectionAnswer } from '@shared/schemas/inspection';
import type { ReportRecord } from '@shared/schemas/report';
import { useClockConfig, useAllReports } from '../../core';
import { reportDeadlines, type Deadline } from './deadlines';
import { answerKey, progressOf, sumProgress, type Progress } from '@shared/domain/inspection-judge';
import { runSystems } from './inspections.repo';

/** Overall progress of one inspection from its answers. */
export function inspectionProgress(i: Inspection, answers: InspectionAnswer[] = []): Progress {
  const byKey = new Map(answers.map((a) => [answerKey(a.systemId, a.itemId), a]));
  return sumProgress(runSystems(i).map((s) => progressOf(s.items, (id) => byKey.get(answerKey(s.systemId, id)))));
}

/** The first issue (any version but void) of a report type about an inspection. */
export function firstIssued(
  reports: ReportRecord[] | undefined,
  inspectionId: string,
  type: string,
): string | undefined {
  return (reports ?? [])
    .filter((r) => r.subjectId === inspectionId && r.type === type && r.status !== 'void')
    .map((r) => r.issuedAt)
    .sort()[0];
}

export function useDeadlines(): (i: Inspection) => { report: Deadline; diagnosis: Deadline } | undefined {
  const reports = useAllReports();
  const { calendar } = useClockConfig();
  const now = new Date();
  return (i) =>
    i.finishedAt
      ? reportDeadlines(
          i.finishedAt,
          {
            inspection: firstIssued(reports, i.id, 'inspection'),
            diagnosis: firstIssued(reports, i.id, 'system-diagnosis'),
          },
          now,
          calendar,
        )
      : undefined;
}
