import i18next from 'i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ReportRecord, ReportSignature } from '@shared/schemas/report';
import { dataHash, sha256Hex } from '@shared/util/hash';
import { appendAudit, verifyAuditChain } from '../../db/audit';
import { getActor, getDb, stamp, writeTx } from '../../db';
import { buildReport, type BuiltReportType, type ReportDataByType } from '../../pdf/registry';
import { generatePdf, type PdfProgress } from '../../pdf/pdf-client';
import { reportFileName } from '../../pdf/layout';
import type { Confidentiality, Language, ReportMeta, Signer } from '../../pdf/types';
import { platform, type PrintOutcome } from '../../platform';
import { getAttachment, makeAttachment } from '../attachments/attachments.repo';
import { loadSite } from '../settings/settings.repo';
import { nextReportNumber } from './numbering';

export type { ReportRecord };

/** A report file may be large (screenshots); the generic attachment limit does not apply. */
const maxPdfBytes = 512 * 1024 * 1024;

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
  period?: { from: string; to: string };
  signers?: Signer[];
  confidentiality?: Confidentiality;
  onProgress?: (p: PdfProgress) => void;
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

function metaOf(r: ReportRecord): ReportMeta {
  return r.meta as ReportMeta;
}

async function renderPdf<K extends BuiltReportType>(
  type: K,
  data: ReportDataByType[K],
  meta: ReportMeta,
  hash: string,
  head: string | undefined,
  onProgress?: (p: PdfProgress) => void,
): Promise<Uint8Array> {
  const doc = buildReport(i18next, type, data, { meta, dataHash: hash, auditHead: head, timeZone: 'Asia/Shanghai' });
  return generatePdf(doc, { onProgress });
}

/**
 * Issues a report: checks the audit chain, builds the PDF in the worker, then stores the registry
 * row (data, data hash, PDF hash) and the PDF in one transaction. Re-issuing makes a new version.
 */
export async function issueReport<K extends BuiltReportType>(
  input: IssueInput<K>,
  now = new Date(),
): Promise<{ report: ReportRecord; pdf: Uint8Array }> {
  const db = getDb();
  const chain = await verifyAuditChain(db);
  if (!chain.ok) throw new ReportError('registry:registry.chainBroken');
  const site = await loadSite();
  const previous = (await db.reports.where('[type+subjectId]').equals([input.type, input.subjectId]).toArray()).sort(
    (a, b) => b.version - a.version,
  );
  const version = (previous[0]?.version ?? 0) + 1;
  const number = input.number ?? previous[0]?.number ?? (await nextReportNumber(input.type, site.deviceCode, now));
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
    issuedBy: await userName(getActor()),
    title: input.title,
    signers: input.signers ?? [],
  };
  // The data is stored as its JSON form, exactly what was hashed.
  const data = JSON.parse(JSON.stringify(input.data)) as ReportDataByType[K];
  const hash = dataHash(data);
  const head = chain.head;
  const pdf = await renderPdf(input.type, data, meta, hash, head, input.onProgress);
  const t = i18next.getFixedT(language);
  const file = makeAttachment(
    { ownerType: 'report', ownerId: 'pending', name: reportFileName(meta, t), mime: 'application/pdf', data: pdf },
    maxPdfBytes,
  );
  const report = stamp({
    type: input.type,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    number,
    version,
    language,
    title: input.title ?? t(`reports:types.${input.type}`),
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
  await writeTx(['reports', 'attachments'], async () => {
    await db.attachments.add({ ...file, ownerId: report.id });
    await db.reports.add(report);
    await appendAudit(db, {
      actor: getActor(),
      entity: 'reports',
      entityId: report.id,
      action: 'report-issued',
      summary: `${input.type} ${number} v${version} data ${hash.slice(0, 16)} pdf ${file.sha256.slice(0, 16)}`,
    });
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
  dataMatch: boolean;
  pdfMatch: boolean;
  signedPdfMatch: boolean | null;
  ok: boolean;
}

/** Re-hashes the stored data and PDF(s) and compares them with the hashes recorded at issue. */
export async function verifyReport(id: string): Promise<Verification> {
  const r = await getDb().reports.get(id);
  if (!r) throw new ReportError('registry:registry.notFound');
  const dataMatch = dataHash(r.data) === r.dataHash;
  const pdf = await getAttachment(r.pdfAttachmentId);
  const pdfMatch = !!pdf && sha256Hex(pdf.data) === r.pdfHash;
  let signedPdfMatch: boolean | null = null;
  if (r.signedPdfAttachmentId) {
    const s = await getAttachment(r.signedPdfAttachmentId);
    signedPdfMatch = !!s && sha256Hex(s.data) === r.signedPdfHash;
  }
  return { dataMatch, pdfMatch, signedPdfMatch, ok: dataMatch && pdfMatch && signedPdfMatch !== false };
}

async function update(
  r: ReportRecord,
  patch: Partial<ReportRecord>,
  action: 'signature' | 'update' | 'report-voided',
  summary: string,
  extra?: () => Promise<void>,
): Promise<ReportRecord> {
  const next = { ...r, ...patch, updatedAt: new Date().toISOString(), updatedBy: getActor() };
  await writeTx(['reports', 'attachments'], async (db) => {
    await extra?.();
    await db.reports.put(next);
    await appendAudit(db, { actor: getActor(), entity: 'reports', entityId: r.id, action, summary });
  });
  return next;
}

/**
 * Records an on-screen signature: the PDF is rendered again from the same stored data with the
 * signature in its sign-off block (the data hash is unchanged). The client's signature marks it signed.
 */
export async function signReport(
  r: ReportRecord,
  sig: Omit<ReportSignature, 'signedAt'>,
  now = new Date(),
): Promise<ReportRecord> {
  if (r.status === 'void') throw new ReportError('registry:registry.voided');
  const signature: ReportSignature = { ...sig, signedAt: now.toISOString() };
  const signatures = [...r.signatures.filter((s) => s.role !== sig.role), signature];
  const meta = metaOf(r);
  const signers: Signer[] = meta.signers.length
    ? meta.signers.map((s) => ({ ...s }))
    : [{ role: 'engineer' }, { role: 'projectManager' }, { role: 'clientEngineer' }];
  for (const s of signatures) {
    const slot = signers.find((x) => x.role === s.role);
    const filled = { role: s.role, name: s.name, signedAt: s.signedAt, signature: s.image };
    if (slot) Object.assign(slot, filled);
    else signers.push(filled);
  }
  const pdf = await renderPdf(
    r.type as BuiltReportType,
    r.data as never,
    { ...meta, signers },
    r.dataHash,
    r.auditHead,
  );
  const file = makeAttachment(
    { ownerType: 'report', ownerId: r.id, name: reportFile(r), mime: 'application/pdf', data: pdf },
    maxPdfBytes,
  );
  const isClient = signatures.some((s) => s.role === 'clientEngineer');
  return update(
    r,
    {
      signatures,
      signedPdfAttachmentId: file.id,
      signedPdfHash: file.sha256,
      status: isClient && r.status === 'issued' ? 'signed' : r.status,
      signedAt: isClient ? signature.signedAt : r.signedAt,
    },
    'signature',
    `${r.number} v${r.version} signed by ${sig.role} ${sig.name}`,
    async () => {
      await getDb().attachments.add(file);
      if (r.signedPdfAttachmentId) await getDb().attachments.delete(r.signedPdfAttachmentId);
    },
  );
}

/** Attaches the scan of the signed paper copy: the report counts as signed. */
export async function attachSignedScan(
  r: ReportRecord,
  scan: { name: string; mime: string; data: Uint8Array },
  now = new Date(),
): Promise<ReportRecord> {
  const file = makeAttachment({ ownerType: 'report-scan', ownerId: r.id, ...scan }, 50 * 1024 * 1024);
  return update(
    r,
    {
      scanAttachmentId: file.id,
      status: r.status === 'issued' ? 'signed' : r.status,
      signedAt: r.signedAt ?? now.toISOString(),
    },
    'signature',
    `${r.number} v${r.version} signed scan ${file.sha256.slice(0, 16)}`,
    async () => {
      await getDb().attachments.add(file);
    },
  );
}

export async function fileReport(r: ReportRecord, now = new Date()): Promise<ReportRecord> {
  if (r.status !== 'signed') throw new ReportError('registry:registry.fileNeedsSignature');
  return update(r, { status: 'filed', filedAt: now.toISOString() }, 'update', `${r.number} v${r.version} filed`);
}

/** Issued reports cannot be deleted; they can be voided with a reason. */
export async function voidReport(r: ReportRecord, reason: string): Promise<ReportRecord> {
  if (!reason.trim()) throw new ReportError('registry:registry.voidNeedsReason');
  return update(
    r,
    { status: 'void', voidReason: reason.trim() },
    'report-voided',
    `${r.number} v${r.version} voided: ${reason.trim()}`,
  );
}
