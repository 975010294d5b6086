/**
 * A backup opened from the operating system (double-click on an .odbk file, "Open with"): main
 * holds it (electron/main/open-file.ts) and says so; this asks for it at start and on every such
 * event, and shows the usual restore dialog — which validates it and asks before replacing data.
 */
import { App } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { platform, PlatformError } from '../../platform';
import { RestoreDialog } from './RestoreDialog';
import type { LoadedFile } from './restore.service';

export function OpenedBackupFile() {
  const { t } = useTranslation('backup');
  const { message } = App.useApp();
  const [file, setFile] = useState<LoadedFile | null>(null);
  useEffect(() => {
    let live = true;
    const take = () =>
      platform.backupTakeOpened().then(
        (f) => live && f && setFile(f),
        (err: unknown) => {
          const code = err instanceof PlatformError ? err.code : 'io';
          message.error(
            t(code === 'too-large' ? 'errors.tooLarge' : code === 'not-found' ? 'openedGone' : 'errors.readFailed'),
          );
        },
      );
    void take(); // the file that launched the app arrived before this window was listening
    const off = platform.onMainEvent((e) => e.type === 'backup-file-opened' && void take());
    return () => {
      live = false;
      off();
    };
  }, [message, t]);
  if (!file) return null;
  return <RestoreDialog key={file.name} source={{ kind: 'opened', file }} onClose={() => setFile(null)} />;
}
