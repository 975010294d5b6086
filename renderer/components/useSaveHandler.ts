import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { ZodError } from 'zod';
import { WriteError } from '../db/errors';

/**
 * Runs a write and shows the outcome in the user's language: a full disk, a read-only database or
 * invalid data each get their own clear message. Returns true on success.
 */
export function useSaveHandler() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return async (fn: () => Promise<unknown>, successKey: string | null = 'actions.saved'): Promise<boolean> => {
    try {
      await fn();
      if (successKey) message.success(t(successKey));
      return true;
    } catch (err) {
      console.error(err);
      if (err instanceof WriteError) message.error(t(err.messageKey));
      else if (err instanceof ZodError)
        message.error(t('errors.invalid', { fields: err.issues.map((i) => i.path.join('.')).join(', ') }));
      else if (err && typeof err === 'object' && 'messageKey' in err)
        message.error(t(String((err as { messageKey: string }).messageKey)));
      else message.error(t('errors.unexpected', { message: (err as Error)?.message ?? String(err) }));
      return false;
    }
  };
}
