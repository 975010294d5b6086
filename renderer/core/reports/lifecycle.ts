/**
 * What happens to an issued report afterwards: signatures (on screen or a signed scan), filing and
 * voiding. Each change is one transaction with its audit entry; the issue itself is in ./register.ts.
 */
import type { ReportRecord, ReportSignature } from '@shared/schemas/report';
import { getActor, writeTx, type Writer } from '../../db';
import type { Signer } from '../../pdf/types';
import { attachmentSummary, makeAttachment } from '../attachments/attachments.repo';
import type { BuiltReportType } from './builders';
import { maxPdfBytes, metaOf, renderPdf, reportFile, ReportError } from './register';

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
    async (w) => {
      await w.add('attachments', file, attachmentSummary(file));
      if (r.signedPdfAttachmentId) await w.delete('attachments', r.signedPdfAttachmentId, `${r.number} v${r.version}: previous signed PDF`);
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
