import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/router';
import { useAuditChainCheck } from './useAuditChainCheck';
import { AuditFindings } from './AuditFindings';

/** After start-up's first reads and writes (ms). */
const startCheckDelayMs = 5000;

/** For the shell: verifies the audit log and the records at start and warns, naming what does not hold. */
export function AuditChainBanner({ startDelayMs = startCheckDelayMs }: { startDelayMs?: number }) {
  const { t } = useTranslation('audit');
  const chain = useAuditChainCheck(startDelayMs);
  if (chain.status !== 'broken' || !chain.verification) return null;
  const seq = chain.result && !chain.result.ok ? chain.result.firstBadSeq : null;
  return (
    <Alert
      type="error"
      showIcon
      banner
      data-testid="audit-chain-banner"
      title={t(chain.result?.ok === false ? 'chain.brokenTitle' : 'seal.problemsTitle')}
      description={<AuditFindings v={chain.verification} bad={chain.bad} compact />}
      action={
        <Button size="small" danger onClick={() => navigate(seq === null ? '/audit' : `/audit?seq=${seq}`)}>
          {t('chain.show')}
        </Button>
      }
    />
  );
}
