import { QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, usePath } from '../../app/router';
import { helpAreaFor } from './help-areas';

/** The "?" in the top bar: opens the help area that explains the page on screen (F1 does the same). */
export function HelpButton() {
  const { t } = useTranslation('help');
  const path = usePath();
  const area = helpAreaFor(path);
  const label = t('openArea', { area: t(`areas.${area}.title`) });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F1') return;
      e.preventDefault();
      navigate(`/help/${area}`);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [area]);
  return (
    <Tooltip title={label}>
      <Button
        type="text"
        shape="circle"
        aria-label={label}
        data-testid="help-button"
        icon={<QuestionCircleOutlined />}
        onClick={() => navigate(`/help/${area}`)}
      />
    </Tooltip>
  );
}
