/**
 * The vocabulary every report builder shares. Everything here is plain, structured-cloneable data:
 * a built report crosses into the PDF worker with postMessage, so no functions live in it.
 */
import type { TFunction } from 'i18next';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Language } from '../i18n/resources';

export type { Language };

/** Every kind of report Onsite Desk issues; its printed title is `reports:types.<type>`. */
export const reportTypes = [
  'fault-diagnosis',
  'escalation-package',
  'inspection',
  'system-diagnosis',
  'health-check',
  'monthly-service',
  'training-record',
  'training-summary',
  'faq-manual',
  'personnel-notice',
  'sample',
] as const;
export type ReportType = (typeof reportTypes)[number];

/** The roles that sign a report, in the order they usually sign. */
export const signerRoles = ['engineer', 'projectManager', 'clientEngineer'] as const;
export type SignerRole = (typeof signerRoles)[number];

/** The confidentiality mark printed on the first page and in every footer. */
export type Confidentiality = 'public' | 'internal' | 'confidential';

export interface Signer {
  role: SignerRole;
  /** Printed name; absent means a blank line to be filled in by hand. */
  name?: string;
  /** ISO date or date-time of signing; absent means a blank date line. */
  signedAt?: string;
  /** The signature captured on screen, as a `data:image/png;base64,…` URL; absent means an ink line. */
  signature?: string;
}

/** The facts about one issued report that every layout prints (the registry row, roughly). */
export interface ReportMeta {
  type: ReportType;
  /** Human document number, e.g. `XJ-202611-A-01`. */
  number: string;
  /** 1 for the first issue; re-issuing increments it. */
  version: number;
  language: Language;
  /** Reporting period as ISO dates (`2026-11-01`), inclusive; absent for event reports. */
  period?: { from: string; to: string };
  /** The service provider (our company) and the client, as printed. */
  provider: string;
  client: string;
  confidentiality: Confidentiality;
  /** ISO date-time of issue. */
  issuedAt: string;
  /** Who issued it, printed under the metadata. */
  issuedBy?: string;
  /** Overrides the title from `reports:types.<type>` (e.g. a subject in the title). */
  title?: string;
  /** The service contract the report is delivered under, printed in the first-page block. */
  contract?: ReportContract;
  signers: Signer[];
}

/** The contract particulars printed on every sign-off report (Settings → General). */
export interface ReportContract {
  /** 合同编号 */
  number?: string;
  projectName?: string;
  /** Service period of the contract, ISO dates. */
  from?: string;
  to?: string;
}

/** What every builder receives besides its data and `t`. */
export interface BuildOptions {
  meta: ReportMeta;
  /**
   * The report fingerprint (`reportFingerprint` in ./hash.ts: SHA-256 over the data and every printed
   * particular), as stored in the registry: printed and QR-coded.
   */
  dataHash: string;
  /** Head hash of the audit chain at issue time, printed under the fingerprint when given. */
  auditHead?: string;
  /** Sequence number of that audit-chain head entry, printed with it when given. */
  auditSeq?: number;
  /** IANA zone used to print dates of ISO date-times; the client's offices are in China. */
  timeZone?: string;
}

/**
 * Header and footer repeated on pages. Strings in them may hold `PAGE_TOKEN` / `PAGES_TOKEN`,
 * replaced per page when the document is rendered (pdfmake only offers page numbers to functions,
 * and functions cannot be posted to the worker).
 */
export interface RunningContent {
  header?: Content;
  footer?: Content;
  /** Whether the running header also appears on page 1 (the house layout has its own first-page header). */
  headerOnFirstPage?: boolean;
}

/** Private-use characters: they never occur in real text, so substituting them is unambiguous. */
export const PAGE_TOKEN = '\uE000';
export const PAGES_TOKEN = '\uE001';

/**
 * A pdfmake document without functions: what builders return and what the worker receives.
 * `preparePdfmakeDocument()` turns `running` into pdfmake's header/footer functions.
 */
export type ReportDocument = Omit<TDocumentDefinitions, 'header' | 'footer' | 'background' | 'pageBreakBefore'> & {
  running?: RunningContent;
};

/** A report builder: pure, `(data, t, options) → document`. */
export type ReportBuilder<D> = (data: D, t: TFunction, options: BuildOptions) => ReportDocument;

/** Progress of one PDF generation: `ratio` (0–1) comes with `rendering` on long documents. */
export interface PdfProgress {
  stage: 'started' | 'fonts-loaded' | 'rendering' | 'done';
  ratio?: number;
}

/**
 * A builder refuses data whose dates or people contradict the record or the contract; the messages
 * are already in the report's language and say what to fix.
 */
export class ReportInputError extends Error {
  constructor(public problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ReportInputError';
  }
}
