/**
 * Validation of a backup or import file, complete: everything of validate-file.ts (container,
 * hashes, versions, keys, schemas, references), then the audit chain the file carries, checked
 * with the audit feature's `checkChainRows` (a broken chain is a warning shown with the
 * confirmation, not a refusal). On the page the first part runs in the restore worker
 * (restore-client.ts) and `withChainCheck` here; in Node (tests, bench) `validateBackup` runs both.
 */
import type { AuditEntry } from '@shared/schemas/core';
import { checkChainRows } from '../audit';
import { validateFile, type RestorePlan, type ValidateOptions, type ValidationResult } from './validate-file';

export { authIssue, validateFile } from './validate-file';
export type { RestorePlan, ValidateOptions, ValidationResult } from './validate-file';

function addChainWarning(plan: RestorePlan): void {
  const chain = checkChainRows((plan.tables.get('auditLog') ?? []) as AuditEntry[]);
  if (!chain.ok) plan.warnings.unshift({ key: 'warnings.chainBroken', params: { seq: chain.firstBadSeq } });
}

/** Adds the audit chain's warning to a plan that passed (or passed all but the MAC). */
export function withChainCheck(result: ValidationResult): ValidationResult {
  if (result.ok) addChainWarning(result.plan);
  else if (result.unverified) addChainWarning(result.unverified);
  return result;
}

/** Validates a backup or import file against this app, in this thread. Never throws. */
export async function validateBackup(bytes: Uint8Array, opts: ValidateOptions = {}): Promise<ValidationResult> {
  const result = await validateFile(bytes, opts);
  try {
    return withChainCheck(result);
  } catch (err) {
    return {
      ok: false,
      errors: [{ key: 'errors.corrupt', params: { detail: String((err as Error)?.message ?? err).slice(0, 200) } }],
    };
  }
}
