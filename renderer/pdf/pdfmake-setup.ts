/**
 * What the worker and the Node fallback both do to pdfmake before rendering, so a report renders
 * identically in both: the same font files, the same table layouts, the same header/footer functions.
 */
import type { Content, CustomTableLayout, TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import { PAGE_TOKEN, PAGES_TOKEN, type ReportDocument } from './types';

/** The pdfmake font family every report uses (Noto Sans SC: CJK and Latin in one face). */
export const FONT_FAMILY = 'NotoSansSC';

/**
 * The two OTF files shipped (regular and bold only; italics fall back to them, Chinese has no italic).
 * CFF OpenType on purpose: pdfmake subsets it correctly, whereas woff2 gives blank glyphs.
 */
export const fontFiles = { normal: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf' } as const;

const fontDictionary: TFontDictionary = {
  [FONT_FAMILY]: {
    normal: fontFiles.normal,
    bold: fontFiles.bold,
    italics: fontFiles.normal,
    bolditalics: fontFiles.bold,
  },
};

const rule = '#c9ced6';

/** A data table layout: hairlines between rows, firmer lines framing the header, no vertical rules. */
function dataTableLayout(captionRows: number): CustomTableLayout {
  // With a caption row on top (part of the repeated header), the frame starts below it.
  const isFrame = (i: number, node: { table: { body: unknown[]; headerRows?: number } }) =>
    i === captionRows || i === node.table.body.length || i === (node.table.headerRows ?? 0);
  return {
    hLineWidth: (i, node) => (i < captionRows ? 0 : isFrame(i, node) ? 0.8 : 0.4),
    vLineWidth: () => 0,
    hLineColor: (i, node) => (isFrame(i, node) ? '#5b6472' : rule),
    paddingLeft: () => 4,
    paddingRight: () => 4,
    paddingTop: () => 3,
    paddingBottom: () => 3,
  };
}

/** Named table layouts (functions, so they are registered with pdfmake rather than put in documents). */
export const houseTableLayouts: Record<string, CustomTableLayout> = {
  house: dataTableLayout(0),
  houseCaptioned: dataTableLayout(1),
  // Boxed grids (first-page metadata, sign-off): every cell ruled.
  grid: {
    hLineWidth: () => 0.5,
    vLineWidth: () => 0.5,
    hLineColor: () => rule,
    vLineColor: () => rule,
    paddingLeft: () => 5,
    paddingRight: () => 5,
    paddingTop: () => 4,
    paddingBottom: () => 4,
  },
  // The boxed confidentiality mark on the first page.
  mark: {
    hLineColor: () => '#a61b1b',
    vLineColor: () => '#a61b1b',
    paddingLeft: () => 8,
    paddingRight: () => 8,
    paddingTop: () => 2,
    paddingBottom: () => 2,
  },
};

/** The subset of pdfmake's API (browser build and Node build alike) that rendering needs. */
export interface PdfmakeApi {
  virtualfs: { writeFileSync(name: string, content: Uint8Array): void };
  addFonts(fonts: TFontDictionary): void;
  addTableLayouts(layouts: Record<string, CustomTableLayout>): void;
  setProgressCallback(cb: ((ratio: number) => void) | undefined): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Uint8Array> };
}

/** Registers the font bytes and house table layouts with a pdfmake instance (once per instance). */
export function setUpPdfmake(pdfMake: PdfmakeApi, fonts: { normal: Uint8Array; bold: Uint8Array }): void {
  // virtualfs + addFonts is the fastest registration measured (base64 vfs costs ~1 s more).
  pdfMake.virtualfs.writeFileSync(fontFiles.normal, fonts.normal);
  pdfMake.virtualfs.writeFileSync(fontFiles.bold, fonts.bold);
  pdfMake.addFonts(fontDictionary);
  pdfMake.addTableLayouts(houseTableLayouts);
}

/** Replaces the page tokens in every string of `content` (returns a copy; the input is not touched). */
export function fillPageTokens(content: Content, page: number, pages: number): Content {
  const fill = (v: unknown): unknown => {
    if (typeof v === 'string') return v.split(PAGE_TOKEN).join(String(page)).split(PAGES_TOKEN).join(String(pages));
    if (Array.isArray(v)) return v.map(fill);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)]));
    return v;
  };
  return fill(content) as Content;
}

/**
 * Space (points) a heading needs below it to stay on its page. Checked by position, because pdfmake
 * reports stale positions for whatever follows when that is an unbreakable block or a table keeping
 * its header rows together, so "is anything after me on this page" alone misses orphans.
 */
export const minSpaceBelowHeading = 130;

/**
 * Turns a cloneable report document into pdfmake's form: `running` becomes header/footer functions,
 * and headings (nodes with `headlineLevel`) move to the next page rather than end one.
 */
export function preparePdfmakeDocument(doc: ReportDocument): TDocumentDefinitions {
  const { running, ...rest } = doc;
  const out: TDocumentDefinitions = {
    ...rest,
    pageBreakBefore: (node, nodes) => {
      if (node.headlineLevel === undefined) return false;
      const { pageInnerHeight, verticalRatio } = node.startPosition;
      return (
        pageInnerHeight * (1 - verticalRatio) < minSpaceBelowHeading || nodes.getFollowingNodesOnPage().length === 0
      );
    },
  };
  if (!running) return out;
  const { header, footer, headerOnFirstPage } = running;
  if (header !== undefined) {
    out.header = (page, pages) => (page === 1 && !headerOnFirstPage ? null : fillPageTokens(header, page, pages));
  }
  if (footer !== undefined) out.footer = (page, pages) => fillPageTokens(footer, page, pages);
  return out;
}
