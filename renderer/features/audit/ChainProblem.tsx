import type { AuditEntry } from '@shared/schemas/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../core';
import type { ChainCheck } from '../../db/audit';
import { useActorName, useEntityLabel } from './labels';

/** One sentence naming the first entry of the chain that does not hold, and why. */
export function ChainProblem({ result, entry }: { result: Extract<ChainCheck, { ok: false }>; entry?: AuditEntry }) {
  const { t, i18n } = useTranslation('audit');
  const actorName = useActorName();
  const entityLabel = useEntityLabel();
  const reason = t(`chain.reasons.${result.reason}`);
  if (!entry) return <>{t('chain.brokenMissing', { seq: result.firstBadSeq, reason })}</>;
  return (
    <>
      {t('chain.brokenAt', {
        seq: entry.seq,
        time: formatDateTime(entry.at, i18n.language),
        actor: actorName(entry.actor),
        action: t(`actions.${entry.action}`, { defaultValue: entry.action }),
        entity: entityLabel(entry.entity),
        reason,
      })}
    </>
  );
}
