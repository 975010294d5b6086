/**
 * 常见问题手册 FAQ manual: chosen knowledge articles as one document with a table of contents,
 * grouped by system family. Pure: `(data, t, options) → document`.
 */
import type { TFunction } from 'i18next';
import type { Content } from 'pdfmake/interfaces';
import { heading, keyValues, paragraph } from './blocks';
import { formatDate } from './format';
import { colors, contentWidth, houseDocument } from './layout';
import type { BuildOptions, ReportDocument } from './types';

export interface FaqArticle {
  number: string;
  title: string;
  /** System family key (`virtualization`…), printed as `common:families.<key>`. */
  family: string;
  system: string;
  tags: string[];
  symptoms: string;
  cause: string;
  steps: string[];
  commands: string;
  version: number;
  /** ISO date-time of the version printed. */
  updatedAt: string;
}

export interface FaqManualData {
  /** What was chosen, as printed: a family's name, or a note such as "selected articles". */
  scope: string;
  articles: FaqArticle[];
}

const familyOrder = ['virtualization', 'private-cloud', 'pam', 'security', 'backup-dr', 'other'];

/** Articles grouped by family in the house order, each group sorted by title. */
export function groupByFamily(articles: FaqArticle[]): Array<{ family: string; articles: FaqArticle[] }> {
  const groups = new Map<string, FaqArticle[]>();
  for (const a of articles) groups.set(a.family, [...(groups.get(a.family) ?? []), a]);
  const rank = (f: string) => (familyOrder.includes(f) ? familyOrder.indexOf(f) : familyOrder.length);
  return [...groups.entries()]
    .sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]))
    .map(([family, list]) => ({ family, articles: [...list].sort((a, b) => a.title.localeCompare(b.title, 'zh-CN')) }));
}

function label(text: string): Content {
  return { text, bold: true, fontSize: 10, margin: [0, 6, 0, 2] };
}

/** Commands in a shaded box, spaces and line breaks kept (the house font has no monospace face). */
function commandBox(commands: string): Content {
  return {
    table: {
      widths: [contentWidth - 10],
      body: [[{ text: commands, fontSize: 8.5, preserveLeadingSpaces: true, lineHeight: 1.2, fillColor: colors.fill }]],
    },
    layout: 'grid',
    margin: [0, 0, 0, 6],
  };
}

function article(a: FaqArticle, n: string, t: TFunction, options: BuildOptions): Content[] {
  const none = t('kb:pdf.none');
  const out: Content[] = [
    { ...(heading(`${n}  ${a.title}`, 2) as object), tocItem: true, tocMargin: [14, 0, 0, 2] } as Content,
    keyValues([
      [
        t('kb:pdf.number'),
        `${a.number}  ${t('kb:pdf.version', { version: a.version, date: formatDate(a.updatedAt, options.timeZone) })}`,
      ],
      [t('kb:fields.system'), a.system || none],
      [t('kb:fields.tags'), a.tags.join(t('reports:layout.listSeparator')) || none],
    ]),
    label(t('kb:fields.symptoms')),
    paragraph(a.symptoms || none),
    label(t('kb:fields.cause')),
    paragraph(a.cause || none),
    label(t('kb:fields.steps')),
    a.steps.length ? { ol: a.steps, margin: [0, 0, 0, 6] } : paragraph(none),
  ];
  if (a.commands.trim()) {
    // A short command box stays whole with its label; a long one may run over pages.
    const short = a.commands.split('\n').length <= 20;
    out.push(
      short
        ? { stack: [label(t('kb:fields.commands')), commandBox(a.commands)], unbreakable: true }
        : label(t('kb:fields.commands')),
      ...(short ? [] : [commandBox(a.commands)]),
    );
  }
  return out;
}

/** Builds the FAQ manual. */
export function buildFaqManual(data: FaqManualData, t: TFunction, options: BuildOptions): ReportDocument {
  const groups = groupByFamily(data.articles);
  const body: Content[] = [
    heading(t('kb:pdf.introTitle')),
    paragraph(t('kb:pdf.intro', { count: data.articles.length, scope: data.scope, families: groups.length })),
    {
      toc: {
        title: { text: t('kb:pdf.toc'), style: 'h1' },
        textStyle: { fontSize: 10 },
        numberStyle: { fontSize: 10 },
      },
    },
  ];
  groups.forEach((g, gi) => {
    body.push({
      ...(heading(`${gi + 1}  ${t(`common:families.${g.family}`)}`) as object),
      tocItem: true,
      tocStyle: { bold: true },
      pageBreak: 'before',
    } as Content);
    g.articles.forEach((a, ai) => body.push(...article(a, `${gi + 1}.${ai + 1}`, t, options)));
  });
  if (data.articles.length === 0) body.push(paragraph(t('kb:pdf.empty')));
  return houseDocument(t, options, body);
}
