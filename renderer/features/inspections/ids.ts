/** Ids shared by the repository, the reports and the demos (pure, no database). */
import { sha256Hex } from '@shared/util/hash';

/** Attachments of an answer (evidence) are owned by `inspection-answer` / the answer id. */
export const evidenceOwnerType = 'inspection-answer';

/**
 * The id of the one answer row of (inspection, system, item): known before the row exists, so
 * evidence can be attached first, and writes are idempotent. The inspection id is its prefix, so an
 * inspection's evidence is one key range.
 */
export function answerId(inspectionId: string, systemId: string, itemId: string): string {
  return `${inspectionId}:${sha256Hex(`${systemId}|${itemId}`).slice(0, 24)}`;
}
