import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { missingCalendarYears } from '@shared/domain/calendar';
import { navigate } from '../../app/router';
import { useClockConfig } from '../../core';

export const order = 5;
export const span = 24;

/** Warns when this or next year has no holiday data: its deadlines fall back to plain weekdays. */
export function Widget() {
  const { t } = useTranslation('calendar');
  const missing = missingCalendarYears(useClockConfig().calendar, new Date());
  if (!missing.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="calendar-missing"
      title={t('missingTitle', { years: missing.join('、') })}
      description={t('missingHint')}
      action={<a onClick={() => navigate('/settings/calendar')}>{t('openSettings')}</a>}
    />
  );
}
