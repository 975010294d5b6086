import { BookOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveHandler } from '../../components/useSaveHandler';
import { navigate } from '../../app/router';
import { useFault } from '../faults';
import { createArticleFromFault, isResolvedStatus } from './from-fault';

/**
 * "Create article from this fault" for the fault detail page: enabled once the fault is resolved;
 * writes the first version from the fault and opens it in the editor for review.
 */
export function CreateArticleButton({ faultId }: { faultId: string }) {
  const { t } = useTranslation('kb');
  const save = useSaveHandler();
  const [busy, setBusy] = useState(false);
  const status = useFault(faultId)?.status;
  const ready = isResolvedStatus(status);
  const run = async () => {
    setBusy(true);
    let id: string | undefined;
    const ok = await save(async () => {
      id = (await createArticleFromFault(faultId)).id;
    }, 'kb:fromFault.created');
    setBusy(false);
    if (ok && id) navigate(`/kb/${id}/edit`);
  };
  return (
    <Tooltip title={ready ? t('fromFault.tooltip') : t('errors.faultNotResolved')}>
      <Button
        icon={<BookOutlined />}
        disabled={!ready}
        loading={busy}
        onClick={() => void run()}
        data-testid="kb-create-from-fault"
      >
        {t('fromFault.button')}
      </Button>
    </Tooltip>
  );
}
