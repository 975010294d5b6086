/**
 * The sign-off page: one column per signing role (signature image or an ink line, printed name, date)
 * and the report data hash with its QR code, so the client's signed paper anchors the stored data.
 */
import type { TFunction } from 'i18next';
import type { Content } from 'pdfmake/interfaces';
import { formatDate } from './format';
import { groupedPrefix, verifyString } from './hash';
import { signerRoles, type BuildOptions, type Signer } from './types';

const signatureBox = { width: 140, height: 46 };

function inkLine(width: number, y: number): Content {
  return { canvas: [{ type: 'line', x1: 0, y1: y, x2: width, y2: y, lineWidth: 0.6, lineColor: '#5b6472' }] };
}

/** The signature image scaled into its box, or a blank line to sign on in ink. */
function signatureArea(signer: Signer): Content {
  if (!signer.signature) return { stack: [inkLine(signatureBox.width, signatureBox.height)], margin: [0, 0, 0, 4] };
  return {
    stack: [
      { image: signer.signature, fit: [signatureBox.width, signatureBox.height] },
      inkLine(signatureBox.width, 0),
    ],
    margin: [0, 0, 0, 4],
  };
}

function signerCell(signer: Signer, t: TFunction, timeZone?: string): Content {
  const date = signer.signedAt ? formatDate(signer.signedAt, timeZone) : t('reports:signOff.blankDate');
  return {
    stack: [
      { text: t('reports:signOff.signature'), style: 'small', margin: [0, 0, 0, 2] },
      signatureArea(signer),
      { text: [{ text: t('reports:signOff.name'), style: 'small' }, signer.name ?? ''], margin: [0, 4, 0, 2] },
      { text: [{ text: t('reports:signOff.date'), style: 'small' }, date] },
    ],
  };
}

/** Signers as given, or the three standard roles with blank lines when the report names none. */
function signersOrBlank(signers: Signer[]): Signer[] {
  return signers.length > 0 ? signers : signerRoles.map((role) => ({ role }));
}

/** The grid of signing roles; a signature image where one was captured, ink lines otherwise. */
export function signOffBlock(signers: Signer[], t: TFunction, timeZone?: string): Content {
  const list = signersOrBlank(signers);
  return {
    table: {
      widths: list.map(() => '*'),
      body: [
        list.map((s) => ({ text: t(`reports:signOff.roles.${s.role}`), style: 'tableHeader' })),
        list.map((s) => signerCell(s, t, timeZone)),
      ],
    },
    layout: 'grid',
  };
}

/** The two seal boxes (盖章处): the provider's and the client's, each with its legal name. */
export function sealBlock(t: TFunction, options: BuildOptions): Content {
  const box = (label: string, name: string): Content => ({
    stack: [
      { text: label, style: 'small', margin: [0, 0, 0, 2] },
      { text: name, fontSize: 9, margin: [0, 0, 0, 4] },
      {
        canvas: [
          { type: 'rect', x: 0, y: 0, w: 150, h: 70, lineWidth: 0.6, lineColor: '#5b6472', dash: { length: 3 } },
        ],
      },
      { text: t('reports:signOff.sealDate'), style: 'small', margin: [0, 4, 0, 0] },
    ],
  });
  return {
    columns: [
      { width: '*', ...(box(t('reports:signOff.providerSeal'), options.meta.provider) as object) },
      { width: '*', ...(box(t('reports:signOff.clientSeal'), options.meta.client) as object) },
    ],
    columnGap: 24,
    margin: [0, 14, 0, 0],
  } as Content;
}

/**
 * The fingerprint in plain words: what it covers, its first 16 digits grouped for reading, the full
 * value, the audit-chain position, how to check it; the QR code holds the verify string.
 */
export function hashBlock(t: TFunction, options: BuildOptions): Content {
  const { dataHash, auditHead, auditSeq, meta } = options;
  const lines: Content[] = [
    { text: t('reports:signOff.dataHash'), bold: true, fontSize: 9 },
    { text: groupedPrefix(dataHash), fontSize: 12, bold: true, margin: [0, 2, 0, 1] },
    { text: t('reports:signOff.fullHash', { hash: dataHash }), style: 'hash', margin: [0, 0, 0, 4] },
    { text: t('reports:signOff.hashCovers'), style: 'small', margin: [0, 0, 0, 3] },
  ];
  if (auditHead) {
    lines.push({
      text:
        auditSeq !== undefined
          ? t('reports:signOff.auditAnchor', { seq: auditSeq, hash: auditHead.slice(0, 16) })
          : t('reports:signOff.auditHeadOnly', { hash: auditHead.slice(0, 16) }),
      style: 'small',
      margin: [0, 0, 0, 3],
    });
  }
  lines.push({ text: t('reports:signOff.hashNote'), style: 'small' });
  return {
    columns: [
      { width: '*', stack: lines },
      {
        width: 100,
        stack: [{ qr: verifyString(meta.number, meta.version, dataHash), fit: 100, eccLevel: 'M', alignment: 'right' }],
      },
    ],
    columnGap: 12,
    margin: [0, 14, 0, 0],
  };
}

/**
 * The sign-off page: always a page of its own, headed "（本页无正文）" so nothing can be slipped in
 * above the signatures; signing grid, seal boxes, fingerprint.
 */
export function signOffSection(t: TFunction, options: BuildOptions): Content {
  return {
    pageBreak: 'before',
    unbreakable: true,
    stack: [
      { text: t('reports:signOff.noBody', { title: reportTitleOf(options, t) }), style: 'small', margin: [0, 0, 0, 4] },
      { text: t('reports:signOff.title'), style: 'h1', margin: [0, 8, 0, 4] },
      { text: t('reports:signOff.intro'), style: 'paragraph' },
      signOffBlock(options.meta.signers, t, options.timeZone),
      sealBlock(t, options),
      hashBlock(t, options),
    ],
  };
}

function reportTitleOf(options: BuildOptions, t: TFunction): string {
  return options.meta.title ?? t(`reports:types.${options.meta.type}`);
}
