/**
 * Body building blocks in the house style: headings, paragraphs, tables that split cleanly across
 * pages, figures scaled to fit with captions, label/value grids. Builders compose these.
 */
import type { TFunction } from 'i18next';
import type { Alignment, Content, TableCell } from 'pdfmake/interfaces';
import { imagePixelSize } from './image-size';
import { contentWidth } from './layout';
import { breakable, longestWordWidth } from './text-fit';

/** A section heading; `headlineLevel` keeps it on the page of whatever follows (see preparePdfmakeDocument). */
export function heading(text: string, level: 1 | 2 = 1): Content {
  return { text, style: level === 1 ? 'h1' : 'h2', headlineLevel: level };
}

/** A body paragraph; long Chinese text wraps between any two characters, as it should. */
export function paragraph(text: string | Content[]): Content {
  return { text, style: 'paragraph' } as Content;
}

/** A bulleted list. */
export function bullets(items: string[]): Content {
  return { ul: items, margin: [0, 0, 0, 6] };
}

export interface TableColumn {
  header: string;
  /** Points, `'*'` (share the rest) or `'auto'` (fit content); default `'*'`. */
  width?: number | '*' | 'auto';
  align?: Alignment;
}

export interface TableSpec {
  columns: TableColumn[];
  /** One array per row, one cell per column: text, or any pdfmake content for special cells. */
  rows: (string | number | Content)[][];
  /** Printed above the table as `表 n  caption`. */
  caption?: string;
  /** Table number for the caption. */
  number?: number;
}

/**
 * A data table: the header row repeats on every page, rows never split across pages, and the header
 * is never left alone at the bottom of a page. The caption is a spanning first header row, so it
 * stays with the table and repeats on continuation pages.
 */
export function houseTable(t: TFunction, spec: TableSpec): Content {
  const header: TableCell[] = spec.columns.map((c) => ({ text: c.header, style: 'tableHeader', alignment: c.align }));
  const body: TableCell[][] = spec.rows.map((row) =>
    row.map((cell, i) => {
      const alignment = spec.columns[i]?.align;
      if (typeof cell === 'string' || typeof cell === 'number')
        return { text: breakable(String(cell)), style: 'tableCell', alignment } as TableCell;
      return cell as TableCell;
    }),
  );
  const head: TableCell[][] = [header];
  if (spec.caption) {
    const text = spec.number
      ? t('reports:blocks.tableCaption', { n: spec.number, caption: spec.caption })
      : spec.caption;
    const fillers: TableCell[] = spec.columns.slice(1).map(() => ({}));
    head.unshift([
      { text, style: 'caption', alignment: 'left', margin: [-4, 0, 0, 0], colSpan: spec.columns.length },
      ...fillers,
    ]);
  }
  return {
    table: {
      headerRows: head.length,
      dontBreakRows: true,
      keepWithHeaderRows: 1,
      widths: fitWidths(spec),
      body: [...head, ...body],
    },
    layout: spec.caption ? 'houseCaptioned' : 'house',
    margin: [0, 0, 0, 10],
  };
}

/** Cell padding of the house table layouts (renderer/pdf/pdfmake-setup.ts), left + right. */
const cellPadding = 8;

/** Text of a cell as given (strings, numbers, `{ text }` objects), for width estimates. */
function cellText(cell: string | number | Content): string {
  if (typeof cell === 'string' || typeof cell === 'number') return String(cell);
  const text = (cell as { text?: unknown }).text;
  return typeof text === 'string' || typeof text === 'number' ? String(text) : '';
}

/**
 * Column widths that fit the page: a fixed column is widened to its longest word (header in bold,
 * cells) so no word is split inside it, and the shared ('*') columns give up that room; when the
 * fixed columns alone would not leave the shared ones a usable width, they are scaled down.
 */
export function fitWidths(spec: TableSpec): (number | '*' | 'auto')[] {
  const needs = spec.columns.map((c, i) => {
    let need = longestWordWidth(c.header, 9, true);
    for (const row of spec.rows) {
      const cell = row[i] ?? '';
      const bold = typeof cell === 'object' && !!(cell as { bold?: boolean }).bold;
      need = Math.max(need, longestWordWidth(cellText(cell), 9, bold));
    }
    return Math.ceil(need + 1);
  });
  const widths = spec.columns.map((c, i) =>
    typeof c.width === 'number' ? Math.max(c.width, needs[i]) : (c.width ?? '*'),
  );
  const stars = widths.filter((w) => w === '*').length;
  const fixed = widths.reduce<number>((n, w) => n + (typeof w === 'number' ? w : 0), 0);
  const room = contentWidth - fixed - cellPadding * widths.length;
  const minStar = 70;
  if (stars === 0 || room >= stars * minStar) return widths;
  // Take the missing room from the fixed columns' slack (width beyond their longest word), evenly.
  const slack = widths.map((w, i) => (typeof w === 'number' ? Math.max(0, w - needs[i]) : 0));
  const total = slack.reduce((a, b) => a + b, 0);
  if (total === 0) return widths;
  const take = Math.min(1, (stars * minStar - room) / total);
  return widths.map((w, i) => (typeof w === 'number' ? Math.floor(w - slack[i] * take) : w));
}

export interface FigureSpec {
  /** A `data:image/png|jpeg;base64,…` URL (the worker cannot fetch files). */
  image: string;
  caption?: string;
  /** Figure number for the caption. */
  number?: number;
  /** Upper bounds in points; defaults: the content width and 300 pt. */
  maxWidth?: number;
  maxHeight?: number;
}

/** Points per CSS pixel: images print at their on-screen size at most, never enlarged. */
const ptPerPx = 0.75;

/** An image scaled down to fit (never up), centred, with its caption, kept together on one page. */
export function figure(t: TFunction, spec: FigureSpec): Content {
  let w = Math.min(spec.maxWidth ?? contentWidth, contentWidth);
  let h = spec.maxHeight ?? 300;
  const size = imagePixelSize(spec.image);
  if (size) {
    w = Math.min(w, size.width * ptPerPx);
    h = Math.min(h, size.height * ptPerPx);
  }
  const stack: Content[] = [{ image: spec.image, fit: [w, h], alignment: 'center' }];
  if (spec.caption) {
    const text = spec.number
      ? t('reports:blocks.figureCaption', { n: spec.number, caption: spec.caption })
      : spec.caption;
    stack.push({ text, style: 'caption' });
  }
  return { stack, unbreakable: true, margin: [0, 6, 0, 4] };
}

/** A two-column grid of label/value pairs (summaries, device particulars). */
export function keyValues(pairs: [label: string, value: string][]): Content {
  return {
    table: {
      widths: [110, '*'],
      dontBreakRows: true,
      body: pairs.map(([label, value]) => [
        { text: label, style: 'metaLabel' },
        { text: breakable(value), style: 'metaValue' },
      ]),
    },
    layout: 'grid',
    margin: [0, 0, 0, 10],
  };
}
