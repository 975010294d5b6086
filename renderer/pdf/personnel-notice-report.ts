/**
 * 驻场人员变更通知 The written notice to the client that a resident engineer will be replaced,
 * with a reply box for the client's consent. Pure.
 */
import type { TFunction } from 'i18next';
import type { Content } from 'pdfmake/interfaces';
import { heading, keyValues, paragraph } from './blocks';
import { formatDate } from './format';
import { formatDateTime } from './fault-diagnosis-report';
import { contentWidth, houseDocument } from './layout';
import { daysOfNotice, PERSONNEL_NOTICE_DAYS } from '@shared/domain/personnel';
import { toShanghaiDate } from '@shared/domain/time';
import { ReportInputError, type BuildOptions, type ReportDocument } from './types';

export interface PersonnelNoticeData {
  client: string;
  project: string;
  leaving: string;
  replacement: string;
  replacementPhone: string;
  replacementProfile: string;
  reason: string;
  noticeDate: string;
  plannedDate: string;
  /** Calendar days between the two dates. */
  noticeDays: number;
  handover: string;
  pm: { name: string; phone: string };
  /** The client's named contact the notice is addressed to (docs/domain.md). */
  addressee?: { name: string; department?: string };
  /** The project manager who approved the notice by PIN, and when (docs/domain.md, People). */
  approvedBy?: { name: string; at: string };
}

/**
 * What contradicts the record or the contract in a notice issued at `issuedAt`: the change must be
 * at least PERSONNEL_NOTICE_DAYS after the notice date, the letter cannot be dated before it was
 * issued, and it is addressed to a named client contact. Returns translated messages saying what to fix.
 */
export function personnelNoticeProblems(data: PersonnelNoticeData, issuedAt: string, t: TFunction): string[] {
  const problems: string[] = [];
  const days = daysOfNotice(data.noticeDate, data.plannedDate);
  if (days === undefined || days < PERSONNEL_NOTICE_DAYS)
    problems.push(t('team:pdf.notice.problems.tooShort', { days: days ?? 0, min: PERSONNEL_NOTICE_DAYS }));
  const issued = toShanghaiDate(issuedAt);
  if (issued && issued > data.noticeDate)
    problems.push(t('team:pdf.notice.problems.backdated', { notice: data.noticeDate, issued }));
  if (!data.addressee?.name) problems.push(t('team:pdf.notice.problems.noAddressee'));
  if (!data.pm.name) problems.push(t('team:pdf.notice.problems.noPm'));
  return problems;
}

/** An empty tick box drawn as a vector square (the embedded font has no U+2610), then its label. */
function tickBox(label: string, margin: [number, number, number, number]): Content {
  return {
    columns: [
      {
        width: 14,
        canvas: [{ type: 'rect', x: 0, y: 3, w: 9, h: 9, lineWidth: 0.8, lineColor: '#1f2329' }],
      },
      { width: '*', text: label },
    ],
    margin,
  };
}

function replyBox(t: TFunction): Content {
  const line = (y: number): Content => ({
    canvas: [{ type: 'line', x1: 0, y1: y, x2: contentWidth - 20, y2: y, lineWidth: 0.5, lineColor: '#5b6472' }],
  });
  return {
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              { text: t('team:pdf.notice.tickHint'), style: 'small', margin: [0, 2, 0, 4] },
              tickBox(t('team:pdf.notice.agree'), [0, 0, 0, 6]),
              tickBox(t('team:pdf.notice.disagree'), [0, 0, 0, 4]),
              line(18),
              line(22),
              {
                columns: [
                  { text: t('team:pdf.notice.clientSign'), width: '*' },
                  { text: t('team:pdf.notice.replyDate'), width: 160 },
                ],
                margin: [0, 26, 0, 6],
              },
            ],
          },
        ],
      ],
    },
    layout: 'grid',
    unbreakable: true,
    margin: [0, 0, 0, 10],
  };
}

/** Builds the personnel change notice letter. */
export function buildPersonnelNotice(data: PersonnelNoticeData, t: TFunction, options: BuildOptions): ReportDocument {
  const tz = options.timeZone;
  const problems = personnelNoticeProblems(data, options.meta.issuedAt, t);
  if (problems.length) throw new ReportInputError(problems);
  const to = data.addressee
    ? t('team:pdf.notice.toPerson', {
        client: data.client,
        department: data.addressee.department ?? '',
        name: data.addressee.name,
      })
    : t('team:pdf.notice.to', { client: data.client });
  return houseDocument(t, options, [
    { text: to.replace(/\s+/g, ' ').replace(/,\s*,/g, ','), bold: true, margin: [0, 4, 0, 8] },
    paragraph(t('team:pdf.notice.opening', { project: data.project || data.client })),
    keyValues([
      [t('team:personnel.fields.leaving'), data.leaving],
      [
        t('team:personnel.fields.replacement'),
        data.replacementPhone
          ? t('team:pdf.notice.withPhone', { name: data.replacement, phone: data.replacementPhone })
          : data.replacement,
      ],
      [t('team:personnel.fields.reason'), data.reason || t('team:pdf.none')],
      [t('team:personnel.fields.noticeDate'), formatDate(data.noticeDate, tz)],
      [
        t('team:personnel.fields.plannedDate'),
        t('team:pdf.notice.plannedValue', { date: formatDate(data.plannedDate, tz), days: data.noticeDays }),
      ],
    ]),
    heading(t('team:pdf.notice.profileTitle')),
    paragraph(data.replacementProfile || t('team:pdf.none')),
    heading(t('team:pdf.notice.handoverTitle')),
    paragraph(data.handover || t('team:pdf.notice.handoverDefault')),
    paragraph(t('team:pdf.notice.closing', { name: data.pm.name, phone: data.pm.phone })),
    ...(data.approvedBy
      ? [
          {
            text: t('team:pdf.notice.approvedBy', {
              name: data.approvedBy.name,
              at: formatDateTime(data.approvedBy.at, tz),
            }),
            style: 'small',
            margin: [0, 0, 0, 8],
          } as Content,
        ]
      : []),
    heading(t('team:pdf.notice.replyTitle')),
    replyBox(t),
  ]);
}
