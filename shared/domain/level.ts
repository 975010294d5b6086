/**
 * Fault levels (故障级别): intake guidance, default track and severity class.
 * Level 1–2 are major 重大, 3–4 general 一般 (service catalogue 2.1.1).
 */
import { defaultPolicy, type FaultLevel, type Policy, type Track } from './policy';

export type { FaultLevel, Track } from './policy';
export type SeverityClass = 'major' | 'general';

/** Intake answers; an unanswered question counts as "no". */
export type IntakeAnswers = {
  /** Is business interrupted (outage, service stopped)? */
  businessInterrupted?: boolean;
  /** Has the interruption lasted, or will it last, more than one hour? */
  interruptedOverHour?: boolean;
  /** Was key business data lost? */
  keyDataLost?: boolean;
  /** Is one side of a redundant pair down (设备单侧故障)? */
  redundantSideDown?: boolean;
  /** Is key business affected (service directly affected or degraded)? */
  keyBusinessAffected?: boolean;
  /** Is it only a request for information, installation or configuration support? */
  informationOnly?: boolean;
};

/** The i18n keys of the reasons `proposeLevel` gives (the UI translates them). */
export const LEVEL_REASON_KEYS = [
  'level.reason.keyDataLost',
  'level.reason.outageOverHour',
  'level.reason.outageUnderHour',
  'level.reason.redundantSideDown',
  'level.reason.keyBusinessAffected',
  'level.reason.informationOnly',
  'level.reason.keyBusinessUnaffected',
] as const;
export type LevelReasonKey = (typeof LEVEL_REASON_KEYS)[number];

/**
 * Proposes a level from the intake answers, most severe rule first:
 * key data lost or outage over 1 h → 1; outage under 1 h, one side of a redundant pair down, or key
 * business affected → 2; only information/configuration → 4; otherwise (function or performance
 * affected, key business not) → 3.
 */
export function proposeLevel(answers: IntakeAnswers): { level: FaultLevel; reasonKey: LevelReasonKey } {
  if (answers.keyDataLost) return { level: 1, reasonKey: 'level.reason.keyDataLost' };
  if (answers.businessInterrupted && answers.interruptedOverHour)
    return { level: 1, reasonKey: 'level.reason.outageOverHour' };
  if (answers.businessInterrupted) return { level: 2, reasonKey: 'level.reason.outageUnderHour' };
  if (answers.redundantSideDown) return { level: 2, reasonKey: 'level.reason.redundantSideDown' };
  if (answers.keyBusinessAffected) return { level: 2, reasonKey: 'level.reason.keyBusinessAffected' };
  if (answers.informationOnly) return { level: 4, reasonKey: 'level.reason.informationOnly' };
  return { level: 3, reasonKey: 'level.reason.keyBusinessUnaffected' };
}

/** The track a level starts on: 1–2 on-site, 3–4 remote (as the policy says). */
export function defaultTrack(level: FaultLevel, policy: Policy = defaultPolicy()): Track {
  return policy.defaultTrack[level];
}

/** 1–2 major 重大, 3–4 general 一般. */
export function severityClass(level: FaultLevel): SeverityClass {
  return level <= 2 ? 'major' : 'general';
}

/** True for the four levels 1–4. */
export function isFaultLevel(value: unknown): value is FaultLevel {
  return value === 1 || value === 2 || value === 3 || value === 4;
}
