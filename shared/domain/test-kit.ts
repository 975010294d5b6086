/* Helpers for the domain's unit tests (not used by the app). Times are written in Shanghai local time. */
import { defaultCalendar } from './calendar';
import {
  type ClockKind,
  type ClockState,
  type FaultEvaluation,
  type FaultEvent,
  type Policy,
  evaluateFault,
} from './fault-clock';

export const cal = defaultCalendar();

/** `'2026-03-03 10:00'` → `'2026-03-03T10:00:00+08:00'`. */
export const h = (local: string): string => `${local.replace(' ', 'T')}${local.length === 16 ? ':00' : ''}+08:00`;

type Reported = Extract<FaultEvent, { type: 'reported' }>;

/** A `reported` event (hotline unless `extra` says otherwise). */
export function reported(
  local: string,
  level: 1 | 2 | 3 | 4,
  extra: Partial<Omit<Reported, 'at' | 'type' | 'level'>> = {},
): FaultEvent {
  return { at: h(local), type: 'reported', level, channel: 'hotline', ...extra };
}

/** Any other event; `extra` carries the type's fields (level, reason, track). */
export function ev(
  local: string,
  type: Exclude<FaultEvent['type'], 'reported'>,
  extra: Record<string, unknown> = {},
): FaultEvent {
  return { at: h(local), type, ...extra } as FaultEvent;
}

export function evaluateAt(events: FaultEvent[], nowLocal: string, policy?: Policy): FaultEvaluation {
  return evaluateFault(events, { calendar: cal, now: new Date(h(nowLocal)), policy });
}

export function clockOf(e: FaultEvaluation, kind: ClockKind): ClockState | undefined {
  return e.clocks.find((c) => c.kind === kind);
}
