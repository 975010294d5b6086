import { useLiveQuery } from 'dexie-react-hooks';
import { maxAttachmentBytes, type Attachment } from '@shared/schemas/attachment';
import { sha256Hex } from '@shared/util/hash';
import { getDb, stamp, writeTx } from '../../db';

export class AttachmentTooLargeError extends Error {
  messageKey = 'attachments:tooLarge';
  constructor(
    public size: number,
    public limit: number,
  ) {
    super(`Attachment of ${size} bytes exceeds ${limit}`);
  }
}

export interface NewAttachment {
  ownerType: string;
  ownerId: string;
  name: string;
  mime: string;
  data: Uint8Array;
  caption?: string;
}

/** Builds the row (hash at capture) without writing it: for callers that write it in their own transaction. */
export function makeAttachment(a: NewAttachment, maxBytes = maxAttachmentBytes): Attachment {
  if (a.data.byteLength > maxBytes) throw new AttachmentTooLargeError(a.data.byteLength, maxBytes);
  return stamp({ ...a, size: a.data.byteLength, sha256: sha256Hex(a.data) }) as Attachment;
}

/** The audit summary of a stored attachment: owner, name, size and the start of its hash. */
export function attachmentSummary(a: Attachment): string {
  return `${a.ownerType}/${a.ownerId}: ${a.name} (${a.size} B, sha256 ${a.sha256.slice(0, 12)}…)`;
}

/** Stores one attachment with its SHA-256; refuses files over `maxBytes` before touching the database. */
export async function addAttachment(a: NewAttachment, maxBytes = maxAttachmentBytes): Promise<Attachment> {
  const row = makeAttachment(a, maxBytes);
  await writeTx(['attachments'], async (_db, w) => {
    await w.add('attachments', row, attachmentSummary(row));
  });
  return row;
}

export async function deleteAttachment(a: Attachment): Promise<void> {
  await writeTx(['attachments'], async (_db, w) => {
    await w.delete('attachments', a.id, `${a.ownerType}/${a.ownerId}: ${a.name}`);
  });
}

export function getAttachment(id: string): Promise<Attachment | undefined> {
  return getDb().attachments.get(id);
}

export function listAttachments(ownerType: string, ownerId: string): Promise<Attachment[]> {
  return getDb().attachments.where('[ownerType+ownerId]').equals([ownerType, ownerId]).sortBy('createdAt');
}

/** Live list of one record's attachments. */
export function useAttachments(ownerType: string, ownerId: string | undefined): Attachment[] | undefined {
  return useLiveQuery(() => (ownerId ? listAttachments(ownerType, ownerId) : []), [ownerType, ownerId]);
}

/** `data:` URL of an image attachment (PDF builders take images this way). */
export function toDataUrl(a: Pick<Attachment, 'mime' | 'data'>): string {
  let bin = '';
  const chunk = 0x8000;
  for (let i = 0; i < a.data.length; i += chunk) bin += String.fromCharCode(...a.data.subarray(i, i + chunk));
  return `data:${a.mime};base64,${btoa(bin)}`;
}
