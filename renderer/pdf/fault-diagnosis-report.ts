/**
 * 故障诊断报告 — the fault diagnosis report the client receives after each resolved fault and
 * files: basic information, reporter, affected system, level history, each contract clock with
 * met/breached and its times, the timeline, root cause, actions and results, resolution,
 * prevention, client confirmation, attachments (images embedded), sign-off. Pure.
 */
import type { TFunction } from 'i18next';
import { formatDateTime } from './format';
import type { Content } from 'pdfmake/interfaces';
import { eventDetails, eventTitle, type TimelineEntry } from '../core/faults/event-text';
import { formatMinutes } from '../core/faults/duration';
import { bullets, figure, heading, houseTable, keyValues, paragraph } from './blocks';
import { houseDocument } from './layout';
import type { BuildOptions, ReportDocument } from './types';

export interface ReportClock {
  kind: string;
  calendar: '5x8' | '7x24';
  targetMinutes: number;
  state: string;
  startedAt?: string;
  dueAt?: string;
  stoppedAt?: string;
}

export interface ReportAction {
  at: string;
  engineer: string;
  kind: string;
  what: string;
  result: string;
  part?: string;
  oldSerial?: string;
  newSerial?: string;
}

export interface ReportSystem {
  name: string;
  family: string;
  vendor: string;
  model: string;
  version: string;
  location: string;
}

export interface FaultDiagnosisData {
  number: string;
  symptoms: string;
  description: string;
  level: 1 | 2 | 3 | 4;
  track: 'remote' | 'onsite';
  channel: string;
  occurredAt: string;
  reportedAt: string;
  resolvedAt?: string;
  engineer: string;
  tier: 1 | 2 | 3;
  reporter: { name: string; department: string; phone: string; email: string };
  system: ReportSystem | null;
  levelHistory: { at: string; from?: number; to: number; reason: string; auto: boolean }[];
  clocks: ReportClock[];
  timeline: TimelineEntry[];
  actions: ReportAction[];
  rootCause: string;
  resolution: string;
  prevention: string;
  confirmation?: { at: string; satisfaction: number; comment: string; by: string };
  /** Images as `data:` URLs; other files are listed by name and fingerprint. */
  attachments: { name: string; size: number; sha256: string; image?: string }[];
}

// One date-time format in every report (renderer/pdf/format.ts); re-exported for the builders that import it here.
export { formatDateTime };

const orEmpty = (t: TFunction, s: string | undefined) => (s && s.trim() ? s.trim() : t('faults:pdf.empty'));

/** The contract clocks as a table: target, start, due, stop and the outcome. */
export function clocksTable(t: TFunction, clocks: ReportClock[], tz?: string, caption?: string): Content {
  return houseTable(t, {
    caption,
    columns: [
      { header: t('faults:pdf.clockColumns.kind'), width: 58 },
      { header: t('faults:pdf.clockColumns.target'), width: 118 },
      { header: t('faults:pdf.clockColumns.started'), width: '*' },
      { header: t('faults:pdf.clockColumns.due'), width: '*' },
      { header: t('faults:pdf.clockColumns.stopped'), width: '*' },
      { header: t('faults:pdf.clockColumns.state'), width: 44, align: 'center' },
    ],
    rows: clocks.map((c) => [
      t(`faults:clocks.${c.kind}`),
      t('faults:pdf.targetValue', {
        time: formatMinutes(t, c.targetMinutes),
        calendar: t(`faults:calendars.${c.calendar}`),
      }),
      formatDateTime(c.startedAt, tz),
      formatDateTime(c.dueAt, tz),
      formatDateTime(c.stoppedAt, tz),
      {
        text: t(`faults:clockStates.${c.state}`),
        style: 'tableCell',
        alignment: 'center',
        color: c.state === 'breached' ? '#a61b1b' : c.state === 'met' ? '#2f7d32' : undefined,
        bold: c.state === 'breached',
      },
    ]),
  });
}

export function actionsTable(t: TFunction, actions: ReportAction[], tz?: string): Content {
  if (!actions.length) return paragraph(t('faults:pdf.noActions'));
  return houseTable(t, {
    columns: [
      { header: t('faults:pdf.actionColumns.at'), width: 74 },
      { header: t('faults:pdf.actionColumns.engineer'), width: 44 },
      { header: t('faults:pdf.actionColumns.kind'), width: 50 },
      { header: t('faults:pdf.actionColumns.what'), width: '*' },
      { header: t('faults:pdf.actionColumns.result'), width: '*' },
    ],
    rows: actions.map((a) => [
      formatDateTime(a.at, tz),
      a.engineer,
      t(`faults:actionKinds.${a.kind}`),
      a.part
        ? `${a.what}\n${t('faults:events.part', { part: a.part, oldSerial: a.oldSerial || '—', newSerial: a.newSerial || '—' })}`
        : a.what,
      a.result || '—',
    ]),
  });
}

export function systemBlock(t: TFunction, s: ReportSystem | null): Content {
  if (!s) return paragraph(t('faults:pdf.noSystem'));
  return keyValues([
    [t('faults:pdf.systemName'), s.name],
    [t('faults:pdf.family'), t(`common:families.${s.family}`)],
    [t('faults:pdf.vendorModel'), [s.vendor, s.model].filter(Boolean).join(' / ') || '—'],
    [t('faults:pdf.version'), s.version || '—'],
    [t('faults:pdf.location'), s.location || '—'],
  ]);
}

function timelineTable(t: TFunction, entries: TimelineEntry[], tz?: string): Content {
  return houseTable(t, {
    columns: [
      { header: t('faults:pdf.timelineColumns.at'), width: 74 },
      { header: t('faults:pdf.timelineColumns.by'), width: 44 },
      { header: t('faults:pdf.timelineColumns.event'), width: 120 },
      { header: t('faults:pdf.timelineColumns.detail'), width: '*' },
    ],
    rows: entries.map((e) => [
      formatDateTime(e.at, tz),
      e.by || t('faults:events.system'),
      eventTitle(e, t),
      eventDetails(e, t).join('\n') || '—',
    ]),
  });
}

function levelTable(t: TFunction, data: FaultDiagnosisData, tz?: string): Content {
  return houseTable(t, {
    columns: [
      { header: t('faults:pdf.levelColumns.at'), width: 80 },
      { header: t('faults:pdf.levelColumns.from'), width: 50 },
      { header: t('faults:pdf.levelColumns.to'), width: 50 },
      { header: t('faults:pdf.levelColumns.reason'), width: '*' },
    ],
    rows: data.levelHistory.map((l) => [
      formatDateTime(l.at, tz),
      l.from ? t(`faults:levels.${l.from}`) : '—',
      t(`faults:levels.${l.to}`),
      l.auto ? t('faults:pdf.levelAuto') : l.reason || (l.from ? '—' : t('faults:pdf.levelInitial')),
    ]),
  });
}

/** Builds the fault diagnosis report: `(data, t, options) → document`, pure. */
export function buildFaultDiagnosisReport(
  data: FaultDiagnosisData,
  t: TFunction,
  options: BuildOptions,
): ReportDocument {
  const tz = options.timeZone;
  const images = data.attachments.filter((a) => a.image);
  const others = data.attachments.filter((a) => !a.image);
  const confirmation = data.confirmation
    ? t('faults:pdf.confirmation', {
        at: formatDateTime(data.confirmation.at, tz),
        by: data.confirmation.by || data.reporter.name,
        satisfaction: data.confirmation.satisfaction,
        comment: data.confirmation.comment,
      })
    : t('faults:pdf.notConfirmed');
  return houseDocument(t, options, [
    heading(t('faults:pdf.basicTitle')),
    keyValues([
      [t('faults:pdf.number'), data.number],
      [t('faults:pdf.symptoms'), data.symptoms],
      [
        t('faults:pdf.level'),
        t('faults:pdf.levelValue', {
          level: t(`faults:levels.${data.level}`),
          severity: t(`faults:severity.${data.level <= 2 ? 'major' : 'general'}`),
        }),
      ],
      [t('faults:pdf.track'), t(`faults:tracks.${data.track}`)],
      [t('faults:pdf.channel'), t(`faults:channels.${data.channel}`)],
      [t('faults:pdf.occurredAt'), formatDateTime(data.occurredAt, tz)],
      [t('faults:pdf.reportedAt'), formatDateTime(data.reportedAt, tz)],
      [t('faults:pdf.resolvedAt'), formatDateTime(data.resolvedAt, tz)],
      [t('faults:pdf.engineer'), data.engineer],
      [t('faults:pdf.tier'), t(`faults:tiers.${data.tier}`)],
      [t('faults:pdf.description'), orEmpty(t, data.description)],
    ]),
    heading(t('faults:pdf.reporterTitle')),
    keyValues([
      [t('faults:pdf.reporterName'), data.reporter.name],
      [t('faults:pdf.department'), data.reporter.department || '—'],
      [t('faults:pdf.phone'), data.reporter.phone || '—'],
      [t('faults:pdf.email'), data.reporter.email || '—'],
    ]),
    heading(t('faults:pdf.systemTitle')),
    systemBlock(t, data.system),
    heading(t('faults:pdf.levelTitle')),
    levelTable(t, data, tz),
    heading(t('faults:pdf.clocksTitle')),
    clocksTable(t, data.clocks, tz),
    heading(t('faults:pdf.timelineTitle')),
    timelineTable(t, data.timeline, tz),
    heading(t('faults:pdf.rootCauseTitle')),
    paragraph(orEmpty(t, data.rootCause)),
    heading(t('faults:pdf.actionsTitle')),
    actionsTable(t, data.actions, tz),
    heading(t('faults:pdf.resolutionTitle')),
    paragraph(orEmpty(t, data.resolution)),
    heading(t('faults:pdf.preventionTitle')),
    paragraph(orEmpty(t, data.prevention)),
    heading(t('faults:pdf.confirmationTitle')),
    paragraph(confirmation),
    heading(t('faults:pdf.attachmentsTitle')),
    ...(data.attachments.length === 0 ? [paragraph(t('faults:pdf.noAttachments'))] : []),
    ...images.map((a, i) => figure(t, { image: a.image!, caption: a.name, number: i + 1, maxHeight: 260 })),
    ...(others.length
      ? [
          bullets(
            others.map((a) =>
              t('faults:pdf.fileLine', { name: a.name, size: (a.size / 1024).toFixed(0), hash: a.sha256.slice(0, 16) }),
            ),
          ),
        ]
      : []),
  ]);
}
