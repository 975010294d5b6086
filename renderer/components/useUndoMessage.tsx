import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSaveHandler } from './useSaveHandler';

/**
 * After a confirmed delete: a "Deleted. Undo" message for 8 seconds; Undo runs `restore` through the
 * save handler (errors shown in the user's language) and closes the message.
 */
export function useUndoMessage() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  const save = useSaveHandler();
  return (key: string, restore: () => Promise<unknown>) =>
    message.open({
      key,
      type: 'success',
      duration: 8,
      content: (
        <span>
          {t('common:actions.deleted')}{' '}
          <Button size="small" type="link" onClick={() => void save(restore, null).then(() => message.destroy(key))}>
            {t('common:actions.undo')}
          </Button>
        </span>
      ),
    });
}
