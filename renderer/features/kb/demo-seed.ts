/**
 * Demo knowledge base: a dozen articles of the demo site's systems, some with an edit history, two
 * linked to demo faults of the same kind (the faults seed runs first).
 */
import {
  kbArticleSchema,
  kbVersionSchema,
  type KbArticle,
  type KbArticleContent,
  type KbVersion,
} from '@shared/schemas/kb';
import { writeTx } from '../../db';
import { listFaults } from '../faults';
import type { DemoContext } from '../settings';
import { demoArticles } from './demo-articles';

// Before the inspections seed (60), which renders a PDF and takes seconds; after the faults (40), which articles link to.
export const demoOrder = 50;

/** Demo articles written from demo faults: article title → words of the fault's symptoms. */
const fromFaults: Record<string, string> = {
  '防火墙 HA 双机脑裂处理': '防火墙 HA',
  '备份作业失败：客户端离线或备份介质空间不足': '备份作业失败',
};

const DAY = 86_400_000;

export async function seedDemo(ctx: DemoContext): Promise<void> {
  const { db, now, systems, team, site } = ctx;
  const engineers = team.filter((m) => m.role === 'engineer');
  const faults = await listFaults(db);
  const rows: KbArticle[] = [];
  const versions: KbVersion[] = [];
  demoArticles.forEach((a, i) => {
    const author = engineers[i % engineers.length] ?? team[0];
    const created = new Date(now.getTime() - (200 - i * 13) * DAY);
    const fault = fromFaults[a.title] ? faults.find((f) => f.symptoms.includes(fromFaults[a.title])) : undefined;
    const content: KbArticleContent = {
      title: a.title,
      family: a.family,
      symptoms: a.symptoms,
      cause: a.cause,
      steps: a.steps,
      commands: a.commands,
      tags: a.tags,
      faultIds: fault ? [fault.id] : [],
      authorId: author.id,
    };
    const systemId = systems.find((s) => s.name === a.system)?.id;
    if (systemId) content.systemId = systemId;
    const id = crypto.randomUUID();
    // Every third article was revised once: its first version lacked the last step.
    const edits = i % 3 === 0 ? 2 : 1;
    for (let v = 1; v <= edits; v++) {
      const at = new Date(created.getTime() + (v - 1) * 9 * DAY).toISOString();
      const c = v < edits ? { ...content, steps: content.steps.slice(0, -1) } : content;
      versions.push(
        kbVersionSchema.parse({
          id: crypto.randomUUID(),
          createdAt: at,
          updatedAt: at,
          updatedBy: engineers[(i + v - 1) % engineers.length]?.id ?? author.id,
          articleId: id,
          version: v,
          note: v === 1 ? (fault ? 'from-fault' : 'created') : 'edited',
          content: c,
        }),
      );
    }
    const last = versions[versions.length - 1];
    rows.push(
      kbArticleSchema.parse({
        ...content,
        id,
        createdAt: created.toISOString(),
        updatedAt: last.createdAt,
        updatedBy: last.updatedBy,
        number: `KB-${site.deviceCode}-${String(i + 1).padStart(4, '0')}`,
        version: edits,
      }),
    );
  });
  await writeTx(['kbArticles', 'kbVersions'], async (_db, w) => {
    await w.bulkAdd('kbArticles', rows, (r) => `demo ${r.number} v${r.version}: ${r.title}`);
    await w.bulkAdd('kbVersions', versions, (v) => `demo v${v.version}: ${v.content.title}`);
  });
}
