/**
 * Loads everything the inspection reports are built from, and issues them through the report
 * registry (issueReport: data hash, PDF hash, versions, audit).
 */
import i18next from 'i18next';
import type { ReportRecord } from '@shared/schemas/report';
import { getDb } from '../../db';
import type { Language } from '../../i18n/resources';
import type { Signer } from '../../pdf/types';
import type { DiagnosisRecommendation } from '../../pdf/system-diagnosis-report';
import { toDataUrl, issueReport, loadSite } from '../../core';
import { shanghaiDay } from './deadlines';
import { answerId, evidenceOwnerType } from './ids';
import { InspectionError, listAnswers } from './inspections.repo';
import { diagnosisReportData, healthCheckData, inspectionReportData, type ReportContext } from './report-data';
import { loadTrends } from './trends.repo';

export type InspectionReportType = 'inspection' | 'system-diagnosis' | 'health-check';

/** Images a report can embed (PDF engines take PNG and JPEG). */
const printable = new Set(['image/png', 'image/jpeg']);

export async function loadReportContext(inspectionId: string, withEvidence = true): Promise<ReportContext> {
  const db = getDb();
  const inspection = await db.inspections.get(inspectionId);
  if (!inspection) throw new InspectionError('inspections:errors.notFound');
  const [answers, team, site, trends] = await Promise.all([
    listAnswers(inspectionId),
    db.team.toArray(),
    loadSite(),
    loadTrends(
      inspection.systems.map((s) => s.systemId),
      inspection.month,
      inspection.id,
    ),
  ]);
  const evidence: ReportContext['evidence'] = [];
  if (withEvidence) {
    const rows = await db.attachments
      .where('[ownerType+ownerId]')
      .between([evidenceOwnerType, `${inspectionId}:`], [evidenceOwnerType, `${inspectionId}:\uffff`])
      .sortBy('createdAt');
    for (const a of rows)
      if (printable.has(a.mime)) evidence.push({ answerId: a.ownerId, name: a.name, image: toDataUrl(a) });
  }
  return {
    inspection,
    answers,
    evidence,
    people: new Map(team.map((m) => [m.id, m.name])),
    client: site.clientName,
    trends,
    answerIdOf: (s, i) => answerId(inspectionId, s, i),
  };
}

export interface IssueOptions {
  language: Language;
  signers: Signer[];
  withEvidence: boolean;
  conclusion?: string;
  extraRecommendations?: DiagnosisRecommendation[];
  /** When it is issued (the demo issues last month's report as of that month). */
  now?: Date;
}

/** The printed title of each report (the registry's type names are shorter). */
export function reportTitle(type: InspectionReportType, language: Language): string {
  return i18next.getFixedT(language)(`inspections:reports.titles.${type}`);
}

/** Builds the data of `type` from the stored inspection and issues the report. */
export async function issueInspectionReport(
  type: InspectionReportType,
  inspectionId: string,
  o: IssueOptions,
): Promise<ReportRecord> {
  const ctx = await loadReportContext(inspectionId, type === 'inspection' && o.withEvidence);
  if (ctx.inspection.status !== 'finished') throw new InspectionError('inspections:reports.notFinished');
  const t = i18next.getFixedT(o.language);
  const { inspection: i } = ctx;
  const period = { from: shanghaiDay(i.startedAt ?? i.createdAt), to: shanghaiDay(i.finishedAt ?? i.updatedAt) };
  const base = {
    subjectType: 'inspection',
    subjectId: i.id,
    language: o.language,
    signers: o.signers,
    period,
    title: reportTitle(type, o.language),
  };
  const now = o.now ?? new Date();
  if (type === 'inspection')
    return (await issueReport({ ...base, type, data: inspectionReportData(ctx, o.language, t, o.conclusion) }, now))
      .report;
  if (type === 'system-diagnosis')
    return (
      await issueReport({ ...base, type, data: diagnosisReportData(ctx, o.language, t, o.extraRecommendations) }, now)
    ).report;
  return (await issueReport({ ...base, type, data: healthCheckData(ctx, o.language, t) }, now)).report;
}
