/**
 * The contract's numbers (服务响应机制) as an editable policy. Every number is a default the team can
 * change in Settings; the clocks read them from here, never from constants of their own.
 */
import { z } from 'zod';

export type FaultLevel = 1 | 2 | 3 | 4;
export type Track = 'remote' | 'onsite';

/** Clock targets and thresholds, in minutes unless said otherwise. */
export type Policy = {
  /** Remote support 远程支持, on the 5×8 calendar. */
  remote: { responseMinutes: number; resolutionMinutes: number; reportMinutes: number };
  /** On-site response 现场响应, around the clock (7×24). */
  onsite: { responseMinutes: number; arrivalMinutes: number; fixMinutes: number; reportMinutes: number };
  /** E-mail intake: first reply on the 5×8 calendar, by complexity. */
  email: { generalReplyMinutes: number; complexReplyMinutes: number };
  /** Service requests 需求申请: response on the 5×8 calendar. */
  serviceRequest: { responseMinutes: number };
  /** Share of a target used from which an open clock is `at-risk` (0 < ratio ≤ 1). */
  atRiskRatio: number;
  /** The track each level starts on. */
  defaultTrack: Record<FaultLevel, Track>;
};

/** The contract's numbers: remote 30 min / 4 h / 8 h (5×8), on-site 5 min / 2 h / 2 h / 8 h (7×24), e-mail 30 min / 2 h. */
export function defaultPolicy(): Policy {
  return {
    remote: { responseMinutes: 30, resolutionMinutes: 240, reportMinutes: 480 },
    onsite: { responseMinutes: 5, arrivalMinutes: 120, fixMinutes: 120, reportMinutes: 480 },
    email: { generalReplyMinutes: 30, complexReplyMinutes: 120 },
    serviceRequest: { responseMinutes: 30 },
    atRiskRatio: 0.8,
    defaultTrack: { 1: 'onsite', 2: 'onsite', 3: 'remote', 4: 'remote' },
  };
}

const minutes = z
  .number({ error: 'must be a number of minutes' })
  .refine(Number.isFinite, { message: 'must be a finite number of minutes' })
  .refine((n) => n > 0, { message: 'must be more than 0 minutes' });
const track = z.enum(['remote', 'onsite']);

/** zod schema of a complete Policy (targets > 0 minutes, 0 < atRiskRatio ≤ 1). */
export const policySchema = z.object({
  remote: z.object({ responseMinutes: minutes, resolutionMinutes: minutes, reportMinutes: minutes }),
  onsite: z.object({ responseMinutes: minutes, arrivalMinutes: minutes, fixMinutes: minutes, reportMinutes: minutes }),
  email: z.object({ generalReplyMinutes: minutes, complexReplyMinutes: minutes }),
  serviceRequest: z.object({ responseMinutes: minutes }),
  atRiskRatio: z.number().gt(0, { message: 'must be more than 0' }).lte(1, { message: 'must be at most 1 (100 %)' }),
  defaultTrack: z.object({ 1: track, 2: track, 3: track, 4: track }),
});

/** A partial policy: any subset of the numbers, merged over a base. */
export type PolicyPatch = {
  [K in keyof Policy]?: Policy[K] extends object ? Partial<Policy[K]> : Policy[K];
};

/** Result of a validating parse of a policy. */
export type PolicyResult = { ok: true; value: Policy } | { ok: false; errors: string[] };

/** Validates a complete policy; returns it, or every problem as `path: message` (e.g. `remote.resolutionMinutes: must be more than 0 minutes`). */
export function parsePolicy(input: unknown): PolicyResult {
  const parsed = policySchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data as Policy };
  return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
}

/** Every problem of a policy (empty when valid). */
export function validatePolicy(input: unknown): string[] {
  const r = parsePolicy(input);
  return r.ok ? [] : r.errors;
}

/** Merges a patch over a base policy (the default one unless given) and validates the result. */
export function mergePolicy(patch: PolicyPatch, base: Policy = defaultPolicy()): PolicyResult {
  const merged: Policy = {
    remote: { ...base.remote, ...patch.remote },
    onsite: { ...base.onsite, ...patch.onsite },
    email: { ...base.email, ...patch.email },
    serviceRequest: { ...base.serviceRequest, ...patch.serviceRequest },
    atRiskRatio: patch.atRiskRatio ?? base.atRiskRatio,
    defaultTrack: { ...base.defaultTrack, ...patch.defaultTrack },
  };
  return parsePolicy(merged);
}
