import type { ClientSystem } from '@shared/schemas/core';
import type { FaqManualData } from '../../pdf/faq-manual-report';
import type { KbArticle } from './kb.repo';

/** The FAQ manual's report data: plain JSON, exactly what gets hashed and stored with the report. */
export function faqManualData(list: KbArticle[], systems: Map<string, ClientSystem>, scope: string): FaqManualData {
  return {
    scope,
    articles: list.map((a) => ({
      number: a.number,
      title: a.title,
      family: a.family,
      system: (a.systemId && systems.get(a.systemId)?.name) || '',
      tags: a.tags,
      symptoms: a.symptoms,
      cause: a.cause,
      steps: a.steps,
      commands: a.commands,
      version: a.version,
      updatedAt: a.updatedAt,
    })),
  };
}
