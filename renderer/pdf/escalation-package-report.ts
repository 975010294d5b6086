/**
 * 故障升级材料包 — the handover package of an escalation (L1 → L2 senior expert → L3 vendor), as
 * the contract's escalation process requires: who hands over to whom, when and why, the vendor's
 * case number, the system information, and the actions already taken with their results. Pure.
 */
import type { TFunction } from 'i18next';
import {
  actionsTable,
  clocksTable,
  formatDateTime,
  systemBlock,
  type ReportAction,
  type ReportClock,
  type ReportSystem,
} from './fault-diagnosis-report';
import { heading, keyValues, paragraph } from './blocks';
import { houseDocument } from './layout';
import type { BuildOptions, ReportDocument } from './types';

export interface EscalationPackageData {
  faultNumber: string;
  symptoms: string;
  description: string;
  level: 1 | 2 | 3 | 4;
  track: 'remote' | 'onsite';
  reportedAt: string;
  reporter: { name: string; department: string; phone: string };
  fromTier: 1 | 2 | 3;
  toTier: 1 | 2 | 3;
  recipient: { name: string; company: string; phone: string; email: string };
  vendorCaseNumber?: string;
  reason: string;
  escalatedAt: string;
  escalatedBy: string;
  /** A level-1 fault's escalation: the project manager who received and acknowledged it, and when. */
  receivedBy?: { name: string; at: string };
  system: ReportSystem | null;
  /** As written (prefilled, possibly edited) in the escalation dialog; empty → the structured record is printed. */
  systemInfo: string;
  actionsSummary: string;
  actions: ReportAction[];
  clocks: ReportClock[];
}

/** Builds the escalation package: `(data, t, options) → document`, pure. */
export function buildEscalationPackageReport(
  data: EscalationPackageData,
  t: TFunction,
  options: BuildOptions,
): ReportDocument {
  const tz = options.timeZone;
  const recipientContact =
    [data.recipient.company, data.recipient.phone, data.recipient.email].filter(Boolean).join(' · ') || '—';
  return houseDocument(t, options, [
    heading(t('faults:pdf.pkg.summaryTitle')),
    keyValues([
      [t('faults:pdf.pkg.fault'), data.faultNumber],
      [t('faults:pdf.pkg.from'), t(`faults:tiers.${data.fromTier}`)],
      [t('faults:pdf.pkg.to'), t(`faults:tiers.${data.toTier}`)],
      [t('faults:pdf.pkg.recipient'), data.recipient.name],
      [t('faults:pdf.pkg.recipientContact'), recipientContact],
      [t('faults:pdf.pkg.vendorCase'), data.vendorCaseNumber || '—'],
      [t('faults:pdf.pkg.escalatedAt'), formatDateTime(data.escalatedAt, tz)],
      [t('faults:pdf.pkg.escalatedBy'), data.escalatedBy],
      ...(data.receivedBy
        ? [
            [
              t('faults:pdf.pkg.receivedBy'),
              t('faults:pdf.pkg.receivedByValue', {
                name: data.receivedBy.name,
                at: formatDateTime(data.receivedBy.at, tz),
              }),
            ] as [string, string],
          ]
        : []),
      [t('faults:pdf.pkg.reason'), data.reason],
    ]),
    heading(t('faults:pdf.pkg.faultTitle')),
    keyValues([
      [t('faults:pdf.symptoms'), data.symptoms],
      [
        t('faults:pdf.level'),
        t('faults:pdf.levelValue', {
          level: t(`faults:levels.${data.level}`),
          severity: t(`faults:severity.${data.level <= 2 ? 'major' : 'general'}`),
        }),
      ],
      [t('faults:pdf.track'), t(`faults:tracks.${data.track}`)],
      [t('faults:pdf.reportedAt'), formatDateTime(data.reportedAt, tz)],
      [
        t('faults:pdf.reporterName'),
        [data.reporter.name, data.reporter.department, data.reporter.phone].filter(Boolean).join(' · '),
      ],
      [t('faults:pdf.description'), data.description.trim() || t('faults:pdf.empty')],
    ]),
    // What the engineer handed over (prefilled from the record, maybe edited) is printed as written;
    // the structured record stands in only where the dialog left the text empty.
    heading(t('faults:pdf.pkg.systemTitle')),
    data.systemInfo.trim() ? paragraph(data.systemInfo.trim()) : systemBlock(t, data.system),
    heading(t('faults:pdf.pkg.actionsTitle')),
    data.actionsSummary.trim() ? paragraph(data.actionsSummary.trim()) : actionsTable(t, data.actions, tz),
    heading(t('faults:pdf.pkg.clocksTitle')),
    clocksTable(t, data.clocks, tz),
    heading(t('faults:pdf.pkg.handover')),
    paragraph(t('faults:pdf.pkg.handoverText')),
  ]);
}
