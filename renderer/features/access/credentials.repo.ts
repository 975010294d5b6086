/**
 * Team members' PINs on this laptop: set, check (with the wrong-PIN throttle), unblock and reset by
 * the project manager. Hashing (slow, async WebCrypto) always runs before the transaction opens, so a
 * Dexie transaction never waits on it. Every change is one transaction with its audit entry.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { TeamMember } from '@shared/schemas/core';
import { credentialSchema, type Credential } from '@shared/schemas/credential';
import { throttleState, type ThrottleState } from '@shared/domain/pin-throttle';
import { getActor, getDb, writeTx } from '../../db';
import { hashPin, pinProblem, verifyPin } from './pin';

export class AccessError extends Error {
  constructor(
    public code: string,
    public params: Record<string, unknown> = {},
  ) {
    super(`access:errors.${code}`);
    this.name = 'AccessError';
  }
  /** The i18n key of the message (useSaveHandler shows it in the user's language). */
  get messageKey(): string {
    return `access:errors.${this.code}`;
  }
}

/** What the lock screen may show of a person's credential (never the hash). */
export interface CredentialStatus {
  hasPin: boolean;
  failures: number;
  lastFailureAt?: string;
}

export function useCredentialStatus(): Map<string, CredentialStatus> | undefined {
  return useLiveQuery(async () => {
    const rows = await getDb().credentials.toArray();
    return new Map(
      rows.map((c) => [c.memberId, { hasPin: true, failures: c.failures, lastFailureAt: c.lastFailureAt }]),
    );
  }, []);
}

export function throttleOf(c: Pick<Credential, 'failures' | 'lastFailureAt'>, now: Date): ThrottleState {
  return throttleState(c.failures, c.lastFailureAt ? Date.parse(c.lastFailureAt) : undefined, now.getTime());
}

async function memberOf(id: string): Promise<TeamMember> {
  const m = await getDb().team.get(id);
  if (!m || !m.active) throw new AccessError('unknownMember');
  return m;
}

function assertPin(pin: string): void {
  const p = pinProblem(pin);
  if (p) throw new AccessError(p);
}

async function writeCredential(member: TeamMember, pin: string, actor: string, summary: string, now: Date) {
  assertPin(pin);
  const hashed = await hashPin(pin);
  const iso = now.toISOString();
  await writeTx(['credentials'], async (db, w) => {
    const old = await db.credentials.get(member.id);
    await db.credentials.put(
      credentialSchema.parse({
        memberId: member.id,
        ...hashed,
        failures: 0,
        createdAt: old?.createdAt ?? iso,
        updatedAt: iso,
        updatedBy: actor,
      }),
    );
    await w.log('credentials', member.id, old ? 'update' : 'create', summary, actor);
  });
}

/**
 * Sets a member's first PIN (setup, or the member's first unlock). Refused when the member already
 * has one: changing or resetting it goes through `changePin` or the project manager's `resetPin`.
 */
export async function setFirstPin(memberId: string, pin: string, now = new Date()): Promise<void> {
  const member = await memberOf(memberId);
  if (await getDb().credentials.get(memberId)) throw new AccessError('alreadySet');
  await writeCredential(member, pin, member.id, `PIN set for ${member.name}`, now);
}

export type UnlockResult =
  | { ok: true; member: TeamMember }
  | { ok: false; reason: 'wrong'; state: ThrottleState; failures: number }
  | { ok: false; reason: 'wait'; seconds: number }
  | { ok: false; reason: 'pm-only' }
  | { ok: false; reason: 'no-pin' };

/**
 * Checks `pin` for `memberId`, honouring the throttle: while the person must wait, or after ten wrong
 * PINs in a row, the PIN is not even compared. A wrong PIN counts (audited); a right one clears the count.
 */
export async function checkPin(memberId: string, pin: string, now = new Date()): Promise<UnlockResult> {
  const member = await memberOf(memberId);
  const cred = await getDb().credentials.get(memberId);
  if (!cred) return { ok: false, reason: 'no-pin' };
  const before = throttleOf(cred, now);
  if (before.kind === 'pm-only') return { ok: false, reason: 'pm-only' };
  if (before.kind === 'wait') return { ok: false, reason: 'wait', seconds: before.seconds };
  const ok = await verifyPin(pin, cred);
  const iso = now.toISOString();
  if (ok) {
    if (cred.failures > 0)
      await writeTx(['credentials'], async (db, w) => {
        const c = await db.credentials.get(memberId);
        if (c) await db.credentials.put({ ...c, failures: 0, updatedAt: iso, updatedBy: member.id });
        await w.log(
          'credentials',
          member.id,
          'update',
          `right PIN for ${member.name} after ${cred.failures} wrong`,
          member.id,
        );
      });
    return { ok: true, member };
  }
  let failures = cred.failures + 1;
  await writeTx(['credentials'], async (db, w) => {
    const c = await db.credentials.get(memberId);
    failures = (c?.failures ?? cred.failures) + 1;
    if (c) await db.credentials.put({ ...c, failures, lastFailureAt: iso, updatedAt: iso, updatedBy: getActor() });
    await w.log('credentials', member.id, 'update', `wrong PIN for ${member.name} (${failures} in a row)`, getActor());
  });
  return { ok: false, reason: 'wrong', failures, state: throttleState(failures, now.getTime(), now.getTime()) };
}

/** The active project manager whose PIN `pin` is, or an `AccessError` (counted as a wrong PIN for the PM). */
export async function verifyPm(pin: string, now = new Date()): Promise<TeamMember> {
  const pms = (await getDb().team.where('role').equals('pm').toArray()).filter((m) => m.active);
  if (pms.length === 0) throw new AccessError('noPm');
  let sawPin = false;
  for (const pm of pms) {
    if (!(await getDb().credentials.get(pm.id))) continue;
    sawPin = true;
    const r = await checkPin(pm.id, pin, now);
    if (r.ok) return r.member;
    if (r.reason === 'wait') throw new AccessError('pmWait', { seconds: r.seconds });
    if (r.reason === 'pm-only') throw new AccessError('pmBlocked');
  }
  throw new AccessError(sawPin ? 'pmWrong' : 'pmNoPin');
}

/** The project manager lets a person blocked after ten wrong PINs try again (audited). */
export async function unblockMember(memberId: string, pmPin: string, now = new Date()): Promise<TeamMember> {
  const member = await memberOf(memberId);
  const pm = await verifyPm(pmPin, now);
  const iso = now.toISOString();
  await writeTx(['credentials'], async (db, w) => {
    const c = await db.credentials.get(memberId);
    if (c) await db.credentials.put({ ...c, failures: 0, lastFailureAt: undefined, updatedAt: iso, updatedBy: pm.id });
    await w.log('credentials', member.id, 'update', `${member.name} unblocked by project manager ${pm.name}`, pm.id);
  });
  return pm;
}

/** The project manager, with the PM's own PIN, sets a new PIN for a person who forgot theirs (audited). */
export async function resetPin(memberId: string, pmPin: string, newPin: string, now = new Date()): Promise<TeamMember> {
  const member = await memberOf(memberId);
  assertPin(newPin);
  const pm = await verifyPm(pmPin, now);
  await writeCredential(member, newPin, pm.id, `PIN of ${member.name} reset by project manager ${pm.name}`, now);
  return pm;
}
