/** Fault logs for unit tests: rows numbered in order, times written as Shanghai wall-clock text. */
import { defaultCalendar } from '@shared/domain/calendar';
import { defaultPolicy } from '@shared/domain/fault-clock';
import { faultEventRowSchema, type FaultEventRow } from '@shared/schemas/fault';

/** `2026-11-25 09:00` → `2026-11-25T09:00:00+08:00`. */
export const h = (local: string) => `${local.replace(' ', 'T')}:00+08:00`;
export const cfg = { calendar: defaultCalendar(), policy: defaultPolicy() };

let seq = 0;
export function row(type: FaultEventRow['type'], at: string, payload: Record<string, unknown> = {}): FaultEventRow {
  return faultEventRowSchema.parse({
    id: `e${seq}`,
    faultId: 'f1',
    seq: seq++,
    at: h(at),
    type,
    by: 'u1',
    recordedAt: h(at),
    payload,
  });
}

/** The `reported` event that starts a log (and restarts the numbering). */
export function reported(level: 1 | 2 | 3 | 4, at = '2026-11-25 09:00', channel = 'hotline') {
  seq = 0;
  return row('reported', at, {
    level,
    channel,
    number: 'GZ-202611-A-001',
    reporter: { name: '赵磊', department: '', phone: '', email: '' },
    symptoms: 'x',
    description: '',
    occurredAt: h(at),
    systemId: 's1',
    assigneeId: 'u1',
  });
}
