import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { getDb } from '../../db';
import { loadDemoData } from './demo';

/**
 * Loads the demo into the empty database: resolves once the lists are complete and the app can open
 * on them; the slow follow-ups (the demo inspection report's PDF) finish in the background and say
 * so if they fail.
 */
export function useLoadDemo(): () => Promise<void> {
  const { message } = App.useApp();
  const { t } = useTranslation('settings');
  return async () => {
    const { finished } = await loadDemoData(getDb(), new Date(), { inBackground: true });
    finished.catch((err: unknown) => {
      console.error(err);
      message.error(t('demo.followUpFailed', { message: err instanceof Error ? err.message : String(err) }));
    });
  };
}
