/**
 * What happens to an issued report afterwards: signatures (on screen or a signed scan), filing and
 * voiding. Each change is one transaction with its audit entry; the issue itself is in ./register.ts.
 */
import type { ReportRecord, ReportSignature } from '@shared/schemas/report';
import { getActor, getDb, writeTx, type Writer } from '../../db';
import { reportFingerprint } from '../../pdf/hash';
import { attachmentSummary, makeAttachment } from '../attachments/attachments.repo';
import type { BuiltReportType } from './builders';
import { maxPdfBytes, renderPdf, reportFile, ReportError, signedMeta } from './register';

async function update(
  r: ReportRecord,
  patch: Partial<ReportRecord>,
  action: 'signature' | 'update' | 'report-voided',
  summary: string,
  extra?: (w: Writer) => Promise<void>,
): Promise<ReportRecord> {
  const next = { ...r, ...patch, updatedAt: new Date().toISOString(), updatedBy: getActor() };
  await writeTx(['reports', 'attachments'], async (_db, w) => {
    if (extra) await extra(w);
    await w.put('reports', next, summary, action);
  });
  return next;
}

/**
 * Records an on-screen signature: the PDF is rendered again from the same stored data with the
 * signature in its sign-off block. Its fingerprint covers the signatures too, so it is recorded as
 * `signedDataHash` (the issue's `dataHash` is unchanged). The client's signature marks it signed;
 * a signed (or filed, or void) version is frozen: it cannot be signed again — a correction is a new
 * version issued through `issueReport`. Every signed rendering is kept.
 */
export async function signReport(
  r: ReportRecord,
  sig: Omit<ReportSignature, 'signedAt'>,
  now = new Date(),
): Promise<ReportRecord> {
  const current = (await getDb().reports.get(r.id)) ?? r;
  if (current.status === 'void') throw new ReportError('registry:registry.voided');
  if (current.status !== 'issued') throw new ReportError('registry:registry.frozen');
  const signature: ReportSignature = { ...sig, signedAt: now.toISOString() };
  const signatures = [...current.signatures.filter((s) => s.role !== sig.role), signature];
  const meta = signedMeta({ meta: current.meta, signatures });
  const fingerprint = reportFingerprint(current.data, meta);
  const pdf = await renderPdf(
    current.type as BuiltReportType,
    current.data as never,
    meta,
    fingerprint,
    current.auditHead,
  );
  const file = makeAttachment(
    { ownerType: 'report', ownerId: current.id, name: reportFile(current), mime: 'application/pdf', data: pdf },
    maxPdfBytes,
  );
  const isClient = signatures.some((s) => s.role === 'clientEngineer');
  const history = [...(current.signedPdfHistory ?? []), file.id].slice(-12);
  return update(
    current,
    {
      signatures,
      signedPdfAttachmentId: file.id,
      signedPdfHash: file.sha256,
      signedDataHash: fingerprint,
      signedPdfHistory: history,
      status: isClient ? 'signed' : current.status,
      signedAt: isClient ? signature.signedAt : current.signedAt,
    },
    'signature',
    `${current.number} v${current.version} signed by ${sig.role} ${sig.name} fingerprint ${fingerprint.slice(0, 16)}`,
    async (w) => {
      // Earlier signed renderings stay: a signed PDF already handed out must remain verifiable.
      await w.add('attachments', file, attachmentSummary(file));
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
    async (w) => {
      await w.add('attachments', file, attachmentSummary(file));
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
