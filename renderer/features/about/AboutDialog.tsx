import { Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { platform } from '../../platform';
import { AboutPanel } from './AboutPanel';

/** The About dialog, opened from the desktop menu (Help → About); mounted once in the shell. */
export function AboutFromMenu() {
  const { t } = useTranslation('settings');
  const [open, setOpen] = useState(false);
  useEffect(() => platform.onMainEvent((e) => e.type === 'show-about' && setOpen(true)), []);
  return (
    <Modal
      open={open}
      title={t('about.title')}
      width={820}
      footer={null}
      onCancel={() => setOpen(false)}
      destroyOnHidden
      data-testid="about-dialog"
    >
      <AboutPanel />
    </Modal>
  );
}
