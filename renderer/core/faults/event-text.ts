/**
 * How a log event reads, for the timeline on screen and in the PDF reports. Entries are plain JSON
 * (names already resolved) so a report stores them as its data and prints them in its own language.
 * In the core, not in the faults feature, because renderer/pdf/fault-diagnosis-report.ts prints them
 * too and a PDF builder imports no feature (eslint-rules/feature-boundaries.js).
 */
import { compareTimeThenLog } from '@shared/domain/fault-log';
import type { TFunction } from 'i18next';
import { formatInstant } from '@shared/domain/time';
import type { FaultEventRow } from '@shared/schemas/fault';

export interface TimelineEntry {
  seq: number;
  at: string;
  recordedAt: string;
  type: FaultEventRow['type'];
  /** Display name of who recorded it ('' for the system). */
  by: string;
  payload: Record<string, unknown>;
  /** Display names for ids in the payload (engineer, assignees). */
  names: Record<string, string>;
}

export interface NameBook {
  member: (id: string) => string;
  /** Display name of a client system (intake corrections name the systems before and after). */
  system?: (id: string) => string;
}

/** Turns log rows into timeline entries, oldest first (time, then log order). */
export function toTimeline(rows: FaultEventRow[], book: NameBook): TimelineEntry[] {
  return [...rows].sort(compareTimeThenLog).map((r) => {
    const p = r.payload as Record<string, unknown>;
    const names: Record<string, string> = {};
    if (r.type === 'action') names.engineer = book.member(r.payload.engineerId);
    if (r.type === 'assignment') {
      names.from = book.member(r.payload.fromId);
      names.to = book.member(r.payload.toId);
    }
    if (r.type === 'reported') names.assignee = book.member(r.payload.assigneeId);
    if (r.type === 'intake-corrected' && r.payload.systemId && book.system) {
      names.systemFrom = book.system(r.payload.systemId.from);
      names.systemTo = book.system(r.payload.systemId.to);
    }
    return {
      seq: r.seq,
      at: r.at,
      recordedAt: r.recordedAt,
      type: r.type,
      by: r.by === 'system' ? '' : book.member(r.by),
      payload: p,
      names,
    };
  });
}

/** `2026-11-25 17:05` in Asia/Shanghai: the same on screen and in a report of either language. */
const shanghaiMinute = (iso: string | undefined) =>
  iso && !Number.isNaN(Date.parse(iso)) ? formatInstant(Date.parse(iso)).slice(0, 16).replace('T', ' ') : '';

const s = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

export function isAutoUpgrade(e: Pick<TimelineEntry, 'type' | 'payload'>): boolean {
  return e.type === 'level-changed' && e.payload.reason === 'auto-upgrade';
}

/** The one-line title of an event. */
export function eventTitle(e: TimelineEntry, t: TFunction): string {
  const p = e.payload;
  const level = (n: unknown) => t(`faults:levels.${s(n)}`);
  switch (e.type) {
    case 'reported':
      return t('faults:events.reported', { level: level(p.level), channel: t(`faults:channels.${s(p.channel)}`) });
    case 'level-changed':
      return t(isAutoUpgrade(e) ? 'faults:events.auto-upgrade' : 'faults:events.level-changed', {
        from: p.from ? level(p.from) : '—',
        to: level(p.level),
      });
    case 'track-changed':
      return t('faults:events.track-changed', { track: t(`faults:tracks.${s(p.track)}`) });
    case 'action':
      return t(`faults:actionKinds.${s(p.kind)}`);
    case 'escalation':
      return t('faults:events.escalation', {
        from: t(`faults:tierShort.${s(p.fromTier)}`),
        to: t(`faults:tierShort.${s(p.toTier)}`),
        recipient: s(p.recipientName),
      });
    case 'confirmation':
      return t('faults:events.confirmation', { satisfaction: s(p.satisfaction) });
    case 'assignment':
      return t('faults:events.assignment', { from: e.names.from ?? '', to: e.names.to ?? '' });
    case 'report-issued':
      return t('faults:events.report-issued', { number: s(p.reportNumber), version: s(p.version) });
    default:
      return t(`faults:events.${e.type}`);
  }
}

/** Further lines: what was done and its result, reasons, notes. */
export function eventDetails(e: TimelineEntry, t: TFunction): string[] {
  const p = e.payload;
  const out: string[] = [];
  const line = (v: unknown, label?: string) => {
    const text = s(v).trim();
    if (text) out.push(label ? t('faults:events.labelled', { label, text }) : text);
  };
  switch (e.type) {
    case 'reported':
      if (p.overrideReason)
        out.push(
          t('faults:detail.proposedWas', {
            level: t(`faults:levels.${s(p.proposedLevel)}`),
            reason: s(p.overrideReason),
          }),
        );
      break;
    case 'action':
      line(p.what);
      if (s(p.result).trim()) out.push(t('faults:events.result', { text: s(p.result).trim() }));
      if (p.part)
        out.push(
          t('faults:events.part', {
            part: s(p.part),
            oldSerial: s(p.oldSerial) || '—',
            newSerial: s(p.newSerial) || '—',
          }),
        );
      if (e.names.engineer && e.names.engineer !== e.by)
        out.push(t('faults:events.labelled', { label: t('faults:form.engineer'), text: e.names.engineer }));
      break;
    case 'escalation': {
      out.push(t('faults:events.reason', { text: s(p.reason) }));
      if (p.vendorCaseNumber) out.push(t('faults:events.vendorCase', { number: s(p.vendorCaseNumber) }));
      const received = p.receivedBy as { approverName?: string; approvedAt?: string } | undefined;
      if (received?.approverName)
        out.push(
          t('faults:events.receivedBy', { name: received.approverName, at: shanghaiMinute(received.approvedAt) }),
        );
      break;
    }
    case 'resolved':
      line(p.rootCause, t('faults:form.rootCause'));
      line(p.resolution, t('faults:form.resolution'));
      line(p.prevention, t('faults:form.prevention'));
      break;
    case 'confirmation':
      line(p.confirmedBy, t('faults:form.confirmedBy'));
      line(p.comment, t('faults:form.comment'));
      break;
    case 'report-waived':
    case 'level-changed':
      if (!isAutoUpgrade(e)) out.push(t('faults:events.reason', { text: s(p.reason) }));
      break;
    case 'note':
      line(p.text);
      break;
    case 'intake-corrected':
      out.push(...correctionLines(e, t));
      break;
    default:
      line(p.note);
  }
  return out;
}

type Pair = { from?: unknown; to?: unknown } | undefined;
const reporterText = (v: unknown) => {
  const r = (v ?? {}) as Record<string, unknown>;
  return [r.name, r.department, r.phone, r.email].map(s).filter(Boolean).join(' · ') || '—';
};

/** One line per corrected intake field, previous value → new value, then the reason. */
function correctionLines(e: TimelineEntry, t: TFunction): string[] {
  const p = e.payload;
  const out: string[] = [];
  const add = (field: string, pair: Pair, show: (v: unknown) => string) => {
    if (!pair) return;
    out.push(
      t('faults:events.corrected', {
        field: t(`faults:correct.fields.${field}`),
        from: pair.from === undefined ? '—' : show(pair.from),
        to: show(pair.to),
      }),
    );
  };
  add('reporter', p.reporter as Pair, reporterText);
  add('channel', p.channel as Pair, (v) => t(`faults:channels.${s(v)}`));
  add('complexity', p.complexity as Pair, (v) => t(`faults:complexity.${s(v)}`));
  const sys = p.systemId as Pair;
  if (sys) add('system', { from: e.names.systemFrom ?? sys.from, to: e.names.systemTo ?? sys.to }, s);
  add('symptoms', p.symptoms as Pair, (v) => s(v) || '—');
  out.push(t('faults:events.reason', { text: s(p.reason) }));
  return out;
}
