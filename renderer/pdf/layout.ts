/**
 * The house layout every report shares: page geometry, styles, the first-page header, the running
 * header and footer, and `houseDocument()` which wraps a builder's body into a finished document.
 * Builders add only their own body; they never restate any of this.
 */
import type { TFunction } from 'i18next';
import type { Content, StyleDictionary, TableCell } from 'pdfmake/interfaces';
import { formatDate } from './format';
import { FONT_FAMILY } from './pdfmake-setup';
import { signOffSection } from './sign-off';
import { PAGE_TOKEN, PAGES_TOKEN, type BuildOptions, type ReportDocument, type ReportMeta } from './types';

/** A4 in points, and the margins: the top leaves room for the running header, the bottom for the footer. */
export const page = { width: 595.28, height: 841.89, margins: [50, 64, 50, 56] as [number, number, number, number] };
/** Width available to content (tables, figures) between the side margins. */
export const contentWidth = page.width - page.margins[0] - page.margins[2];

/** House colours: dark text, muted grey for labels, navy accent, red for the confidentiality mark. */
export const colors = { text: '#1f2329', muted: '#5b6472', accent: '#1d3a6e', mark: '#a61b1b', fill: '#eef1f5' };

export { formatDate };

/** The house styles; builders refer to them by name (`style: 'h1'`) rather than setting sizes. */
export const houseStyles: StyleDictionary = {
  provider: { fontSize: 12, bold: true, color: colors.accent },
  client: { fontSize: 10, color: colors.muted },
  title: { fontSize: 20, bold: true, alignment: 'center', margin: [0, 18, 0, 14], color: colors.text },
  mark: { fontSize: 10, bold: true, color: colors.mark, alignment: 'center' },
  metaLabel: { fontSize: 9, color: colors.muted },
  metaValue: { fontSize: 9 },
  h1: { fontSize: 13, bold: true, color: colors.accent, margin: [0, 14, 0, 6] },
  h2: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
  paragraph: { margin: [0, 0, 0, 6] },
  tableHeader: { fontSize: 9, bold: true, fillColor: colors.fill },
  tableCell: { fontSize: 9 },
  caption: { fontSize: 8.5, color: colors.muted, alignment: 'center', margin: [0, 4, 0, 10] },
  running: { fontSize: 8, color: colors.muted },
  small: { fontSize: 8, color: colors.muted },
  hash: { fontSize: 8 },
};

/** The printed title: the meta override, else the report type's name in the report's language. */
export function reportTitle(meta: ReportMeta, t: TFunction): string {
  return meta.title ?? t(`reports:types.${meta.type}`);
}

/** A file name such as `故障诊断报告-GZ-202611-A-003.pdf` (version suffix from the second issue on). */
export function reportFileName(meta: ReportMeta, t: TFunction): string {
  const version = meta.version > 1 ? `-${t('reports:layout.versionValue', { version: meta.version })}` : '';
  // Characters Windows and macOS refuse in file names.
  return `${reportTitle(meta, t)}-${meta.number}${version}.pdf`.replace(/[\\/:*?"<>|]/g, '_');
}

function metaCell(label: string, value: string): TableCell[] {
  return [
    { text: label, style: 'metaLabel' },
    { text: value, style: 'metaValue' },
  ];
}

/** First page: provider and client, confidentiality mark, title, and the document's particulars. */
export function firstPageHeader(meta: ReportMeta, t: TFunction, timeZone?: string): Content {
  const version = t('reports:layout.versionValue', { version: meta.version });
  const period = meta.period
    ? t('reports:layout.periodRange', {
        from: formatDate(meta.period.from, timeZone),
        to: formatDate(meta.period.to, timeZone),
      })
    : t('reports:layout.notApplicable');
  const rows: TableCell[][] = [
    [...metaCell(t('reports:layout.number'), meta.number), ...metaCell(t('reports:layout.version'), version)],
    [
      ...metaCell(t('reports:layout.period'), period),
      ...metaCell(t('reports:layout.issuedAt'), formatDate(meta.issuedAt, timeZone)),
    ],
  ];
  const c = meta.contract;
  if (c?.number || c?.projectName)
    rows.unshift([
      ...metaCell(t('reports:layout.contractNumber'), c.number || t('reports:layout.notApplicable')),
      ...metaCell(t('reports:layout.projectName'), c.projectName || t('reports:layout.notApplicable')),
    ]);
  const servicePeriod =
    c?.from && c?.to
      ? t('reports:layout.periodRange', { from: formatDate(c.from, timeZone), to: formatDate(c.to, timeZone) })
      : undefined;
  if (meta.issuedBy || servicePeriod)
    rows.push([
      ...metaCell(t('reports:layout.issuedBy'), meta.issuedBy ?? t('reports:layout.notApplicable')),
      ...metaCell(t('reports:layout.servicePeriod'), servicePeriod ?? t('reports:layout.notApplicable')),
    ]);
  return {
    stack: [
      {
        columns: [
          {
            width: '*',
            stack: [
              { text: meta.provider, style: 'provider' },
              { text: t('reports:layout.clientLine', { client: meta.client }), style: 'client', margin: [0, 2, 0, 0] },
            ],
          },
          {
            width: 'auto',
            table: { body: [[{ text: t(`reports:confidentiality.${meta.confidentiality}`), style: 'mark' }]] },
            layout: 'mark',
          },
        ],
      },
      { canvas: [{ type: 'line', x1: 0, y1: 6, x2: contentWidth, y2: 6, lineWidth: 1.2, lineColor: colors.accent }] },
      { text: reportTitle(meta, t), style: 'title' },
      { table: { widths: [80, '*', 80, '*'], body: rows }, layout: 'grid', margin: [0, 0, 0, 12] },
    ],
  };
}

/** Running header (pages 2+) and footer (every page, with `第 x 页 / 共 y 页`). */
export function runningContent(meta: ReportMeta, t: TFunction): ReportDocument['running'] {
  const [left, , right] = page.margins;
  const version = t('reports:layout.versionValue', { version: meta.version });
  return {
    header: {
      margin: [left, 30, right, 0],
      stack: [
        {
          columns: [
            { text: meta.provider, style: 'running', width: '*' },
            { text: `${reportTitle(meta, t)}  ${meta.number}  ${version}`, style: 'running', width: 'auto' },
          ],
        },
        { canvas: [{ type: 'line', x1: 0, y1: 3, x2: contentWidth, y2: 3, lineWidth: 0.5, lineColor: '#c9ced6' }] },
      ],
    },
    footer: {
      margin: [left, 22, right, 0],
      columns: [
        { text: t(`reports:confidentiality.${meta.confidentiality}`), style: 'running', width: '*' },
        { text: t('reports:layout.pageOf', { page: PAGE_TOKEN, pages: PAGES_TOKEN }), style: 'running', width: 'auto' },
        { text: `${meta.number}  ${version}`, style: 'running', width: '*', alignment: 'right' },
      ],
    },
  };
}

/**
 * Glues each heading to an unbreakable block right after it (a figure, a signature grid), so the
 * heading moves with it; pdfmake cannot see that such a block will not fit below the heading.
 */
export function keepHeadingsWithNext(body: Content[]): Content[] {
  const out: Content[] = [];
  for (let i = 0; i < body.length; i++) {
    const cur = body[i] as { headlineLevel?: number };
    const next = body[i + 1] as { unbreakable?: boolean; stack?: Content[] } | undefined;
    if (cur && typeof cur === 'object' && cur.headlineLevel !== undefined && next?.unbreakable) {
      // Inside the glued block the heading needs no page-break check of its own.
      const heading = { ...cur };
      delete heading.headlineLevel;
      const glued = next.stack
        ? { ...next, stack: [heading as Content, ...next.stack] }
        : { stack: [heading as Content, next as Content], unbreakable: true };
      out.push(glued as Content);
      i++;
    } else {
      out.push(body[i]);
    }
  }
  return out;
}

/**
 * Wraps a builder's body in the house layout: first-page header, body, sign-off page with the data
 * hash; running header and footer; A4 portrait; document metadata. The one entry point builders use.
 */
export function houseDocument(t: TFunction, options: BuildOptions, body: Content[]): ReportDocument {
  const { meta, timeZone } = options;
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: page.margins,
    language: meta.language,
    info: {
      title: `${reportTitle(meta, t)} ${meta.number}`,
      author: meta.provider,
      subject: meta.client,
      creator: t('reports:layout.producer'),
      producer: t('reports:layout.producer'),
      // The issue time, not the render time: the same data re-rendered gives the same metadata.
      creationDate: new Date(meta.issuedAt),
    },
    defaultStyle: { font: FONT_FAMILY, fontSize: 10, lineHeight: 1.3, color: colors.text },
    styles: houseStyles,
    running: runningContent(meta, t),
    content: [firstPageHeader(meta, t, timeZone), ...keepHeadingsWithNext(body), signOffSection(t, options)],
  };
}
