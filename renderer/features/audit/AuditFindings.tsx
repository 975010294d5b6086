import { App, Button, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@shared/schemas/core';
import { formatDateTime } from '../../core';
import { teamKey } from '../../core/team-key';
import { getDb } from '../../db';
import { reviewAndSeal, type AuditVerification } from '../../db/audit-seal';
import { accessErrorText, requireApproval, takeApproval } from '../access';
import { ChainProblem } from './ChainProblem';
import { useEntityLabel } from './labels';
import { useAuditChainStore } from './audit-chain.store';

/** How many record problems are listed by name (the rest are counted). */
const shownRecords = 12;

/**
 * Everything the last verification found, one sentence each: the chain, the keyed seal, entries the
 * seal does not cover, entries missing at the end, and records changed, deleted or inserted behind
 * the app. The project manager can review and seal uncovered entries (approved with their PIN).
 */
export function AuditFindings({ v, bad, compact }: { v: AuditVerification; bad?: AuditEntry; compact?: boolean }) {
  const { t, i18n } = useTranslation('audit');
  const entityLabel = useEntityLabel();
  const { message } = App.useApp();
  const lines: Array<{ key: string; text: ReactNode }> = [];
  if (!v.chain.ok) lines.push({ key: 'chain', text: <ChainProblem result={v.chain} entry={bad} /> });
  if (v.missingTail > 0) lines.push({ key: 'tail', text: t('seal.missingTail', { count: v.missingTail }) });
  if (v.lostAnchors.length > 0)
    lines.push({ key: 'anchors', text: t('seal.lostAnchors', { reports: v.lostAnchors.slice(0, 5).join('、') }) });
  if (v.seal.status === 'bad')
    lines.push({
      key: 'seal',
      text: t('seal.bad', { seq: v.seal.seq, time: formatDateTime(v.seal.at, i18n.language) }),
    });
  if (v.seal.status === 'none') lines.push({ key: 'seal', text: t('seal.none') });
  if (v.unsealed > 0) lines.push({ key: 'unsealed', text: t('seal.unsealed', { count: v.unsealed }) });
  const problems = v.records.problems;
  for (const p of problems.slice(0, compact ? 3 : shownRecords))
    lines.push({
      key: `${p.table}/${p.id}`,
      text: t(`seal.record.${p.kind}`, { entity: entityLabel(p.table), id: p.label }),
    });
  const more = problems.length - (compact ? 3 : shownRecords);
  if (more > 0) lines.push({ key: 'more', text: t('seal.record.more', { count: more }) });

  const canReview = !compact && (v.unsealed > 0 || v.seal.status === 'none' || v.seal.status === 'bad');
  const review = async () => {
    const key = teamKey();
    if (!key) return void message.error(t('seal.noKey'));
    const approval = await requireApproval('audit-review');
    if (!approval) return;
    try {
      const a = takeApproval(approval, 'audit-review');
      await reviewAndSeal(getDb(), key, { id: a.approverId, name: a.approverName });
      message.success(t('seal.reviewed', { name: a.approverName }));
      await useAuditChainStore.getState().check();
    } catch (err) {
      message.error(accessErrorText(t, err));
    }
  };
  return (
    <div data-testid="audit-findings">
      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
        {lines.map((l) => (
          <li key={l.key}>{l.text}</li>
        ))}
      </ul>
      {!compact && <Typography.Paragraph style={{ marginTop: 8 }}>{t('seal.advice')}</Typography.Paragraph>}
      {canReview && (
        <Button size="small" onClick={() => void review()} data-testid="audit-review-seal">
          {t('seal.review')}
        </Button>
      )}
    </div>
  );
}
