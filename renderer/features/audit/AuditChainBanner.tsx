import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/router';
import { useAuditChainCheck } from './useAuditChainCheck';
import { ChainProblem } from './ChainProblem';

/** For the shell: verifies the audit chain at start and warns, naming the first bad entry, when it is broken. */
export function AuditChainBanner() {
  const { t } = useTranslation('audit');
  const chain = useAuditChainCheck();
  if (chain.status !== 'broken' || !chain.result || chain.result.ok) return null;
  const seq = chain.result.firstBadSeq;
  return (
    <Alert
      type="error"
      showIcon
      banner
      data-testid="audit-chain-banner"
      title={t('chain.brokenTitle')}
      description={<ChainProblem result={chain.result} entry={chain.bad} />}
      action={
        <Button size="small" danger onClick={() => navigate(`/audit?seq=${seq}`)}>
          {t('chain.show')}
        </Button>
      }
    />
  );
}
