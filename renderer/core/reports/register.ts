import i18next from 'i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Attachment } from '@shared/schemas/attachment';
import type { ReportRecord } from '@shared/schemas/report';
import { sha256Hex } from '@shared/util/hash';
import { reportFingerprint } from '../../pdf/hash';
import { verifyAuditChain } from '../../db/audit';
import { getActor, getDb, stamp, writeTx, type TableName, type Writer } from '../../db';
import type { OnsiteDb } from '../../db/db';
import { buildReport, type BuiltReportType, type ReportDataByType } from './builders';
import { generatePdf, type PdfProgress } from '../../pdf/pdf-client';
import { reportFileName } from '../../pdf/layout';
import type { Confidentiality, Language, ReportMeta, Signer } from '../../pdf/types';
import { platform, type PrintOutcome } from '../../platform';
import { attachmentSummary, getAttachment, makeAttachment } from '../attachments/attachments.repo';
import { loadSite } from '../site/site.repo';
import { nextReportNumber, reportNumberStem } from './numbering';

export type { ReportRecord };

/** A report file may be large (screenshots); the generic attachment limit does not apply. */
export const maxPdfBytes = 512 * 1024 * 1024;

export class ReportError extends Error {
  constructor(public messageKey: string) {
    super(messageKey);
  }
}

export interface IssueInput<K extends BuiltReportType> {
  type: K;
  /** What the report is about: `fault`, `inspection`, `training`… and its id. */
  subjectType: string;
  subjectId: string;
  data: ReportDataByType[K];
  /** Defaults to the UI language; a report can be issued in the other language. */
  language?: Language;
  /** Document number; defaults to the first version's, else a new one. */
  number?: string;
  title?: string;
  /** The printed issuer when the report is issued in someone else's name (the PM's letter); defaults to the user. */
  issuedBy?: string;
  period?: { from: string; to: string };
  signers?: Signer[];
  confidentiality?: Confidentiality;
  onProgress?: (p: PdfProgress) => void;
  /** Writes that belong to this issue (the fault's `report-issued` event), in the issuing transaction. */
  alsoWrite?: AlsoWrite;
}

export interface AlsoWrite {
  /** The tables `write` touches, added to the issuing transaction. */
  tables: TableName[];
  /** Runs after the register row is written; a throw rolls back the whole issue (no row, no file, no entry). */
  write: (w: Writer, report: ReportRecord) => Promise<void>;
}

async function userName(id: string): Promise<string> {
  return (await getDb().team.get(id))?.name ?? id;
}

/** All versions of the reports about one subject, newest first. */
export function useReportsFor(subjectType: string, subjectId: string | undefined): ReportRecord[] | undefined {
  return useLiveQuery(
    async () =>
      subjectId
        ? (await getDb().reports.where('subjectId').equals(subjectId).toArray())
            .filter((r) => r.subjectType === subjectType)
            .sort((a, b) => b.version - a.version || b.issuedAt.localeCompare(a.issuedAt))
        : [],
    [subjectType, subjectId],
  );
}

export function useAllReports(): ReportRecord[] | undefined {
  return useLiveQuery(() => getDb().reports.orderBy('issuedAt').reverse().toArray(), []);
}

export function metaOf(r: ReportRecord): ReportMeta {
  return r.meta as ReportMeta;
}

export async function renderPdf<K extends BuiltReportType>(
  type: K,
  data: ReportDataByType[K],
  meta: ReportMeta,
  hash: string,
  head: string | undefined,
  onProgress?: (p: PdfProgress) => void,
  auditSeq?: number,
): Promise<Uint8Array> {
  const doc = buildReport(i18next, type, data, {
    meta,
    dataHash: hash,
    auditHead: head,
    auditSeq,
    timeZone: 'Asia/Shanghai',
  });
  return generatePdf(doc, { onProgress });
}

/** The version and number the next issue of `input` takes, read in `db` (inside the issuing transaction). */
async function nextIssue(
  db: OnsiteDb,
  input: Pick<IssueInput<BuiltReportType>, 'type' | 'subjectId' | 'number'>,
  device: string,
  now: Date,
): Promise<{ version: number; number: string }> {
  const previous = (await db.reports.where('[type+subjectId]').equals([input.type, input.subjectId]).toArray()).sort(
    (a, b) => b.version - a.version,
  );
  const version = (previous[0]?.version ?? 0) + 1;
  const kept = input.number ?? previous[0]?.number;
  if (kept) return { version, number: kept };
  // Read here, not in a nested async helper: inside a Dexie transaction every await stays on Dexie's promises.
  const stem = reportNumberStem(input.type, device, now);
  const taken = (await db.reports.where('number').startsWith(stem).keys()) as string[];
  return { version, number: nextReportNumber(taken, input.type, device, now) };
}

/** The contract particulars of the site settings, as printed (absent when none is set). */
export function contractOf(site: {
  contractNumber?: string;
  projectName?: string;
  projectStart?: string;
  projectEnd?: string;
}): ReportMeta['contract'] {
  const c = {
    number: site.contractNumber || undefined,
    projectName: site.projectName || undefined,
    from: site.projectStart || undefined,
    to: site.projectEnd || undefined,
  };
  return Object.values(c).some(Boolean) ? c : undefined;
}

/** The register row of an issue (not yet written). */
function registerRow<K extends BuiltReportType>(
  input: IssueInput<K>,
  meta: ReportMeta,
  data: ReportDataByType[K],
  hash: string,
  head: string | undefined,
  file: Attachment,
  title: string,
): ReportRecord {
  return stamp({
    type: input.type,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    number: meta.number,
    version: meta.version,
    language: meta.language,
    title,
    issuedAt: meta.issuedAt,
    issuedBy: getActor(),
    status: 'issued',
    data,
    meta,
    dataHash: hash,
    pdfHash: file.sha256,
    auditHead: head,
    pdfAttachmentId: file.id,
    signatures: [],
  } as Omit<ReportRecord, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy'>) as ReportRecord;
}

/**
 * Issues a report, the one way every report type is issued: checks the audit chain, takes the
 * version and number, builds the PDF in the worker, then writes the PDF file (with its SHA-256), the
 * register row (data hash, PDF hash), the `report-issued` audit entry and the caller's `alsoWrite`
 * (the fault's `report-issued` event) in ONE transaction: either all of it is stored or none.
 * Re-issuing makes a new version under the same number.
 */
export async function issueReport<K extends BuiltReportType>(
  input: IssueInput<K>,
  now = new Date(),
): Promise<{ report: ReportRecord; pdf: Uint8Array }> {
  const db = getDb();
  const chain = await verifyAuditChain(db);
  if (!chain.ok) throw new ReportError('registry:registry.chainBroken');
  const site = await loadSite();
  const { version, number } = await nextIssue(db, input, site.deviceCode, now);
  const language = input.language ?? ((i18next.language as Language) || 'zh-CN');
  const meta: ReportMeta = {
    type: input.type,
    number,
    version,
    language,
    period: input.period,
    provider: site.providerName,
    client: site.clientName,
    confidentiality: input.confidentiality ?? 'confidential',
    issuedAt: now.toISOString(),
    issuedBy: input.issuedBy ?? (await userName(getActor())),
    title: input.title,
    contract: contractOf(site),
    signers: input.signers ?? [],
  };
  // The data is stored as its JSON form, exactly what was hashed.
  const data = JSON.parse(JSON.stringify(input.data)) as ReportDataByType[K];
  const hash = reportFingerprint(data, meta);
  const pdf = await renderPdf(input.type, data, meta, hash, chain.head, input.onProgress);
  const t = i18next.getFixedT(language);
  const file = makeAttachment(
    { ownerType: 'report', ownerId: 'pending', name: reportFileName(meta, t), mime: 'application/pdf', data: pdf },
    maxPdfBytes,
  );
  const title = input.title ?? t(`reports:types.${input.type}`);
  const report = registerRow(input, meta, data, hash, chain.head, file, title);
  await writeTx(['reports', 'attachments', ...(input.alsoWrite?.tables ?? [])], async (tx, w) => {
    // The PDF shows the number and version: if another issue took them while it rendered, refuse.
    const taken = await nextIssue(tx, input, site.deviceCode, now);
    if (taken.version !== version || taken.number !== number)
      throw new ReportError('registry:registry.changedMeanwhile');
    const stored = { ...file, ownerId: report.id };
    await w.add('attachments', stored, attachmentSummary(stored));
    await w.add(
      'reports',
      report,
      `${input.type} ${number} v${version} data ${hash.slice(0, 16)} pdf ${file.sha256.slice(0, 16)}`,
      'report-issued',
    );
    if (input.alsoWrite) await input.alsoWrite.write(w, report);
  });
  return { report, pdf };
}

/** The PDF to hand out: the signed rendering when there is one. */
export async function reportPdf(r: ReportRecord): Promise<Uint8Array> {
  const a = await getAttachment(r.signedPdfAttachmentId ?? r.pdfAttachmentId);
  if (!a) throw new ReportError('registry:registry.pdfMissing');
  return a.data;
}

export function reportFile(r: ReportRecord): string {
  return reportFileName(metaOf(r), i18next.getFixedT(r.language));
}

export async function saveReportPdf(r: ReportRecord): Promise<boolean> {
  const res = await platform.saveFile({
    defaultName: reportFile(r),
    data: await reportPdf(r),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  return res.saved;
}
export async function printReport(r: ReportRecord): Promise<PrintOutcome> {
  return platform.printPdf({ name: reportFile(r), data: await reportPdf(r) });
}
export async function openReport(r: ReportRecord): Promise<void> {
  await platform.openPdf({ name: reportFile(r), data: await reportPdf(r) });
}

export interface Verification {
  /** The stored data and printed particulars still give the fingerprint recorded at issue. */
  dataMatch: boolean;
  pdfMatch: boolean;
  /** null when never signed on screen; else whether the signed fingerprint and PDF still match. */
  signedPdfMatch: boolean | null;
  ok: boolean;
}

/**
 * Re-computes the fingerprints (data + every printed particular, signatures included for the signed
 * rendering) and the PDF hashes, and compares them with what was recorded.
 */
export async function verifyReport(id: string): Promise<Verification> {
  const r = await getDb().reports.get(id);
  if (!r) throw new ReportError('registry:registry.notFound');
  const dataMatch = reportFingerprint(r.data, metaOf(r)) === r.dataHash;
  const pdf = await getAttachment(r.pdfAttachmentId);
  const pdfMatch = !!pdf && sha256Hex(pdf.data) === r.pdfHash;
  let signedPdfMatch: boolean | null = null;
  if (r.signedPdfAttachmentId) {
    const s = await getAttachment(r.signedPdfAttachmentId);
    const printed = r.signedDataHash === undefined || reportFingerprint(r.data, signedMeta(r)) === r.signedDataHash;
    signedPdfMatch = printed && !!s && sha256Hex(s.data) === r.signedPdfHash;
  }
  return { dataMatch, pdfMatch, signedPdfMatch, ok: dataMatch && pdfMatch && signedPdfMatch !== false };
}

/** The meta of the signed rendering: the issued meta with each recorded signature in its slot. */
export function signedMeta(r: Pick<ReportRecord, 'meta' | 'signatures'>): ReportMeta {
  const meta = r.meta as ReportMeta;
  const signers: Signer[] = meta.signers.length
    ? meta.signers.map((s) => ({ ...s }))
    : [{ role: 'engineer' }, { role: 'projectManager' }, { role: 'clientEngineer' }];
  for (const s of r.signatures) {
    const slot = signers.find((x) => x.role === s.role);
    const filled: Signer = { role: s.role, name: s.name, signedAt: s.signedAt, signature: s.image };
    if (slot) Object.assign(slot, filled);
    else signers.push(filled);
  }
  return { ...meta, signers };
}
