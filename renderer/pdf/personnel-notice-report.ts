/**
 * 驻场人员变更通知 The written notice to the client that a resident engineer will be replaced,
 * with a reply box for the client's consent. Pure.
 */
import type { TFunction } from 'i18next';
import type { Content } from 'pdfmake/interfaces';
import { heading, keyValues, paragraph } from './blocks';
import { formatDate } from './format';
import { contentWidth, houseDocument } from './layout';
import type { BuildOptions, ReportDocument } from './types';

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
}

const box = '\u2610';

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
              { text: `${box} ${t('team:pdf.notice.agree')}`, margin: [0, 4, 0, 6] },
              { text: `${box} ${t('team:pdf.notice.disagree')}`, margin: [0, 0, 0, 4] },
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
  return houseDocument(t, options, [
    { text: t('team:pdf.notice.to', { client: data.client }), bold: true, margin: [0, 4, 0, 8] },
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
    heading(t('team:pdf.notice.replyTitle')),
    replyBox(t),
  ]);
}
