import type { TFunction } from 'i18next';
import type { Content, ContentColumns, ContentTable, ContentText, DynamicContent } from 'pdfmake/interfaces';
import { beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { figure, heading, houseTable } from './blocks';
import { demoMeta, demoRecords } from './demo/sample-demo';
import { encodePng, Raster, toDataUrl } from './demo/png';
import { parseVerifyString } from './hash';
import { imagePixelSize } from './image-size';
import { contentWidth, houseDocument, keepHeadingsWithNext, reportFileName } from './layout';
import { preparePdfmakeDocument } from './pdfmake-setup';
import { buildSampleReport } from './sample-report';
import type { BuildOptions, ReportDocument } from './types';

let zh: TFunction;
let en: TFunction;
const hash = 'f'.repeat(64);

beforeAll(async () => {
  zh = (await createI18n('zh-CN')).getFixedT('zh-CN');
  en = (await createI18n('en')).getFixedT('en');
});

/** Every string anywhere in a piece of content, for "is it printed" checks. */
function texts(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(texts);
  if (node && typeof node === 'object') return Object.values(node).flatMap(texts);
  return [];
}

/** Nodes of a given kind anywhere in the content. */
function find<T>(node: unknown, has: string): T[] {
  if (Array.isArray(node)) return node.flatMap((n) => find<T>(n, has));
  if (node && typeof node === 'object') {
    const own = has in node ? [node as T] : [];
    return [...own, ...Object.values(node).flatMap((n) => find<T>(n, has))];
  }
  return [];
}

function options(overrides: Partial<BuildOptions> = {}, lang: 'zh-CN' | 'en' = 'zh-CN'): BuildOptions {
  return { meta: demoMeta(lang, { type: 'fault-diagnosis', number: 'GZ-202611-A-003' }), dataHash: hash, ...overrides };
}

function sample(t: TFunction, opts: BuildOptions): ReportDocument {
  const data = {
    site: '上海',
    team: ['王镕'],
    systems: 3,
    serviceHours: '8–18',
    records: demoRecords(40),
    figures: [],
    recommendations: ['a'],
  };
  return buildSampleReport(data, t, opts);
}

describe('house layout', () => {
  it('prints provider, client, title, number, version, period and the confidentiality mark on page 1', () => {
    const doc = houseDocument(zh, options(), []);
    const first = texts((doc.content as Content[])[0]).join('|');
    for (const s of [
      '上海承沪信息科技有限公司',
      'CH-SJ-2026-017',
      '2026-01-01 至 2026-12-31',
      '客户：申江证券股份有限公司',
      '故障诊断报告',
      'GZ-202611-A-003',
      'V1',
      '2026-11-01 至 2026-11-30',
      '机密',
    ]) {
      expect(first).toContain(s);
    }
  });

  it('numbers pages as 第 x 页 / 共 y 页 in Chinese and Page x of y in English', () => {
    const footerZh = preparePdfmakeDocument(houseDocument(zh, options(), [])).footer as DynamicContent;
    expect(texts(footerZh(2, 5, { width: 0, height: 0, orientation: 'portrait' }))).toContain('第 2 页 / 共 5 页');
    const footerEn = preparePdfmakeDocument(houseDocument(en, options({}, 'en'), [])).footer as DynamicContent;
    expect(texts(footerEn(1, 9, { width: 0, height: 0, orientation: 'portrait' }))).toContain('Page 1 of 9');
  });

  it('puts the mark, the page number and the document number in every footer', () => {
    const footer = houseDocument(zh, options(), []).running?.footer as ContentColumns;
    expect(texts(footer.columns)).toEqual(expect.arrayContaining(['机密', 'GZ-202611-A-003  V1']));
  });

  it('shows the running header from page 2 on only', () => {
    const header = preparePdfmakeDocument(houseDocument(zh, options(), [])).header as DynamicContent;
    const size = { width: 0, height: 0, orientation: 'portrait' as const };
    expect(header(1, 3, size)).toBeNull();
    expect(texts(header(2, 3, size)).join('|')).toContain('故障诊断报告  GZ-202611-A-003  V1');
  });

  it('builds documents that can be posted to the worker (no functions)', () => {
    const doc = sample(zh, options());
    expect(() => structuredClone(doc)).not.toThrow();
  });

  it('names files after the title and number', () => {
    expect(reportFileName(options().meta, zh)).toBe('故障诊断报告-GZ-202611-A-003.pdf');
    expect(reportFileName({ ...options().meta, version: 2 }, en)).toBe('Fault Diagnosis Report-GZ-202611-A-003-V2.pdf');
  });
});

describe('tables', () => {
  it('repeat the header (caption included), keep rows whole and the header with a row', () => {
    const [table] = find<ContentTable>(sample(zh, options()).content, 'table').filter((n) => n.table.headerRows);
    expect(table.table).toMatchObject({ headerRows: 2, dontBreakRows: true, keepWithHeaderRows: 1 });
    expect(texts(table.table.body[0])).toContain('表 1  本期服务事项（中英文混排）');
    expect(table.table.body[1].map((c) => (c as ContentText).text)).toEqual([
      '序号',
      '日期',
      '系统',
      '事项',
      '处理结果',
      '状态',
    ]);
    expect(table.table.body).toHaveLength(42);
  });

  it('without a caption have a single header row', () => {
    const t = houseTable(zh, { columns: [{ header: 'A' }], rows: [['1']] }) as ContentTable;
    expect(t.table.headerRows).toBe(1);
    expect(t.layout).toBe('house');
  });
});

describe('figures', () => {
  it('shrink big images to the text width and never enlarge small ones', async () => {
    const big = toDataUrl(await encodePng(new Raster(2000, 1000)));
    const small = toDataUrl(await encodePng(new Raster(200, 100)));
    expect(imagePixelSize(big)).toEqual({ width: 2000, height: 1000 });
    const [bigImg] = find<{ fit: [number, number] }>(figure(zh, { image: big, caption: '机房', number: 2 }), 'image');
    expect(bigImg.fit).toEqual([contentWidth, 300]);
    const [smallImg] = find<{ fit: [number, number] }>(figure(zh, { image: small }), 'image');
    expect(smallImg.fit).toEqual([150, 75]);
    expect(texts(figure(zh, { image: small, caption: '机房', number: 2 }))).toContain('图 2  机房');
  });

  it('take their heading along when they move to the next page', () => {
    const glued = keepHeadingsWithNext([
      heading('四、图表'),
      { stack: ['fig'], unbreakable: true },
      heading('五'),
      'text',
    ]);
    expect(glued).toHaveLength(3);
    expect(glued[0]).toMatchObject({ unbreakable: true, stack: [{ text: '四、图表' }, 'fig'] });
    expect((glued[0] as { stack: ContentText[] }).stack[0].headlineLevel).toBeUndefined();
  });
});

describe('sign-off page', () => {
  const signOff = (doc: ReportDocument) => (doc.content as Content[]).at(-1);

  it('lists the three roles with printed names, and ink lines where nobody signed on screen', () => {
    const block = signOff(houseDocument(zh, options(), []));
    const all = texts(block).join('|');
    for (const s of ['驻场工程师', '项目经理', '客户运维工程师', '李喆', '周海峰', '陈镕', '2026-11-30'])
      expect(all).toContain(s);
    expect(find(block, 'image')).toHaveLength(0);
    // Three ink lines, plus the two seal boxes.
    expect(find(block, 'canvas')).toHaveLength(5);
  });

  it('prints a captured signature instead of the ink line', () => {
    const signature = 'data:image/png;base64,iVBORw0KGgo=';
    const meta = { ...options().meta, signers: [{ role: 'engineer' as const, name: '王镕', signature }] };
    const images = find<{ image: string }>(signOff(houseDocument(zh, options({ meta }), [])), 'image');
    expect(images.map((i) => i.image)).toEqual([signature]);
  });

  it('falls back to the three roles, blank, when no signer is named', () => {
    const meta = { ...options().meta, signers: [] };
    const all = texts(signOff(houseDocument(en, options({ meta }, 'en'), []))).join('|');
    for (const s of ['Resident engineer', 'Project manager', 'Client maintenance engineer']) expect(all).toContain(s);
  });

  it('prints the fingerprint in plain words, its verify string in the QR code, and the audit position when given', () => {
    const audit = 'a'.repeat(64);
    const block = signOff(houseDocument(zh, options({ auditHead: audit, auditSeq: 812 }), []));
    const all = texts(block).join('|');
    expect(all).toContain('报告指纹（SHA-256）');
    expect(all).toContain(`${hash.slice(0, 4)} ${hash.slice(4, 8)} ${hash.slice(8, 12)} ${hash.slice(12, 16)}`);
    expect(all).toContain(hash);
    expect(all).toContain(`第 812 条，哈希 ${audit.slice(0, 16)}`);
    expect(all).toContain('核验方法');
    const qr = find<{ qr: string }>(block, 'qr')[0].qr;
    expect(qr).toBe(`ODR1|${options().meta.number}|v1|${hash}`);
    expect(parseVerifyString(qr)).toEqual({ number: options().meta.number, version: 1, fingerprint: hash });
    expect(texts(signOff(houseDocument(zh, options(), [])))).not.toContain('审计链');
  });

  it('stands on its own page, says it carries no body text, and has both seal boxes', () => {
    const block = signOff(houseDocument(zh, options(), []));
    expect(block).toMatchObject({ pageBreak: 'before' });
    const all = texts(block).join('|');
    expect(all).toMatch(/（本页无正文，为《.+》签署页）/);
    expect(all).toContain('服务商（盖章）');
    expect(all).toContain('客户（盖章）');
  });

  it('is kept on one page', () => {
    expect(signOff(houseDocument(zh, options(), []))).toMatchObject({ unbreakable: true });
  });
});
