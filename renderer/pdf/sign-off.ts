/**
 * The sign-off page: one column per signing role (signature image or an ink line, printed name, date)
 * and the report data hash with its QR code, so the client's signed paper anchors the stored data.
 */
import type { TFunction } from 'i18next';
import type { Content } from 'pdfmake/interfaces';
import { formatDate } from './format';
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

/** The data hash in full, its QR code, and the audit-chain head when given. */
export function hashBlock(t: TFunction, dataHash: string, auditHead?: string): Content {
  const lines: Content[] = [
    { text: t('reports:signOff.dataHash'), bold: true, fontSize: 9 },
    { text: dataHash, style: 'hash', margin: [0, 2, 0, 6] },
  ];
  if (auditHead) {
    lines.push(
      { text: t('reports:signOff.auditHead'), bold: true, fontSize: 9 },
      { text: auditHead, style: 'hash', margin: [0, 2, 0, 6] },
    );
  }
  lines.push({ text: t('reports:signOff.hashNote'), style: 'small' });
  return {
    columns: [
      { width: '*', stack: lines },
      { width: 96, qr: dataHash, fit: 96, eccLevel: 'M', alignment: 'right' },
    ],
    columnGap: 12,
    margin: [0, 14, 0, 0],
  };
}

/** The whole sign-off section, kept on one page (that page is "the sign-off page"). */
export function signOffSection(t: TFunction, options: BuildOptions): Content {
  return {
    unbreakable: true,
    stack: [
      { text: t('reports:signOff.title'), style: 'h1', margin: [0, 18, 0, 4] },
      { text: t('reports:signOff.intro'), style: 'paragraph' },
      signOffBlock(options.meta.signers, t, options.timeZone),
      hashBlock(t, options.dataHash, options.auditHead),
    ],
  };
}
