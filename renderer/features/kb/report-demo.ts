/** Demo data for the FAQ manual (`npm run reports:sample`, tests): the demo site's articles. */
import type { Language } from '../../i18n/resources';
import type { FaqManualData } from '../../pdf/faq-manual-report';
import { reportFingerprint } from '../../pdf/hash';
import { demoMeta } from '../../pdf/demo/sample-demo';
import type { BuildOptions } from '../../pdf/types';
import { demoArticles } from './demo-articles';

export function faqManualDemoData(language: Language = 'zh-CN'): FaqManualData {
  return {
    scope: language === 'en' ? 'all articles' : '全部文章',
    articles: demoArticles.map((a, i) => ({
      number: `KB-A-${String(i + 1).padStart(4, '0')}`,
      title: a.title,
      family: a.family,
      system: a.system,
      tags: a.tags,
      symptoms: a.symptoms,
      cause: a.cause,
      steps: a.steps,
      commands: a.commands,
      version: 1 + (i % 3),
      updatedAt: `2026-${String(1 + (i % 11)).padStart(2, '0')}-1${i % 10}T10:00:00+08:00`,
    })),
  };
}

export async function faqManualDemo(language: Language): Promise<{ data: FaqManualData; options: BuildOptions }> {
  const data = faqManualDemoData(language);
  const meta = demoMeta(language, {
    type: 'faq-manual',
    number: 'SC-202611-A-01',
    period: undefined,
    confidentiality: 'internal',
    signers: [
      { role: 'engineer', name: '李喆' },
      { role: 'projectManager', name: '周海峰' },
    ],
  });
  return { data, options: { meta, dataHash: reportFingerprint(data, meta), timeZone: 'Asia/Shanghai' } };
}
