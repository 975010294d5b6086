/**
 * Corrections after saving: a level changed by hand (with a reason; the clocks follow the rulebook
 * from that instant, shared/domain/fault-engine.ts) and intake fields corrected (reporter, channel,
 * system, symptoms), the previous values kept in the `intake-corrected` event. Both are events of
 * the fault's log, written with the projection and the audit entry by appendFaultEvents (writeTx).
 */
import { AUTO_UPGRADE_REASON } from '@shared/domain/fault-log';
import type { FaultEventPayload, FaultEventRow, FaultRecord, Reporter } from '@shared/schemas/fault';
import { appendFaultEvents, FaultInputError, listEvents } from './faults.repo';
import { bySeq } from './fault-model';
import { correctedIntake } from './fault-view';

type Level = 1 | 2 | 3 | 4;

/** Changes the level at `now` (the instant the clocks follow the new level from). */
export async function changeFaultLevel(
  fault: Pick<FaultRecord, 'id' | 'level' | 'status'>,
  level: Level,
  reason: string,
  now = new Date(),
): Promise<FaultRecord> {
  const why = reason.trim();
  if (!why) throw new FaultInputError('faults:errors.reasonRequired', 'reason');
  // The automatic upgrade's marker is not a reason a person gives (the engine would read it as one).
  if (why === AUTO_UPGRADE_REASON) throw new FaultInputError('faults:errors.reasonRequired', 'reason');
  if (fault.status === 'closed') throw new FaultInputError('faults:errors.closedNoCorrection');
  if (level === fault.level) throw new FaultInputError('faults:errors.sameLevel', 'level');
  return appendFaultEvents(
    fault.id,
    [{ type: 'level-changed', at: now.toISOString(), payload: { level, reason: why, from: fault.level } }],
    now,
  );
}

/** The intake fields a correction may change. */
export interface IntakeFields {
  reporter: Reporter;
  channel: FaultRecord['channel'];
  complexity?: FaultRecord['complexity'];
  systemId: string;
  symptoms: string;
}

const sameReporter = (a: Reporter, b: Reporter) =>
  a.name === b.name &&
  a.department === b.department &&
  a.phone === b.phone &&
  a.email === b.email &&
  (a.contactId ?? '') === (b.contactId ?? '');

/**
 * The `intake-corrected` payload for the fields that differ from the intake as it stands (earlier
 * corrections applied), or undefined when nothing differs. Pure: the dialog and the tests use it.
 */
export function intakeCorrection(
  rows: FaultEventRow[],
  next: IntakeFields,
  reason: string,
): FaultEventPayload<'intake-corrected'> | undefined {
  const cur = correctedIntake([...rows].sort(bySeq));
  const out: FaultEventPayload<'intake-corrected'> = { reason: reason.trim() };
  const reporter: Reporter = {
    ...next.reporter,
    name: next.reporter.name.trim(),
    department: next.reporter.department.trim(),
    phone: next.reporter.phone.trim(),
    email: next.reporter.email.trim(),
  };
  if (!sameReporter(cur.reporter, reporter)) out.reporter = { from: cur.reporter, to: reporter };
  if (cur.channel !== next.channel) out.channel = { from: cur.channel, to: next.channel };
  const complexity = next.channel === 'email' ? (next.complexity ?? 'general') : undefined;
  if (complexity && complexity !== cur.complexity) {
    out.complexity = cur.complexity ? { from: cur.complexity, to: complexity } : { to: complexity };
  }
  if (cur.systemId !== next.systemId) out.systemId = { from: cur.systemId, to: next.systemId };
  const symptoms = next.symptoms.trim();
  if (cur.symptoms !== symptoms) out.symptoms = { from: cur.symptoms, to: symptoms };
  const changed = out.reporter || out.channel || out.complexity || out.systemId || out.symptoms;
  return changed ? out : undefined;
}

/** Records a correction of the intake at `now`; refuses one that changes nothing or gives no reason. */
export async function correctIntake(
  fault: Pick<FaultRecord, 'id' | 'status'>,
  next: IntakeFields,
  reason: string,
  now = new Date(),
): Promise<FaultRecord> {
  if (!reason.trim()) throw new FaultInputError('faults:errors.reasonRequired', 'reason');
  if (fault.status === 'closed') throw new FaultInputError('faults:errors.closedNoCorrection');
  const payload = intakeCorrection(await listEvents(fault.id), next, reason);
  if (!payload) throw new FaultInputError('faults:errors.nothingCorrected');
  return appendFaultEvents(fault.id, [{ type: 'intake-corrected', at: now.toISOString(), payload }], now);
}
