import { useTranslation } from 'react-i18next';
import { trainingDays } from '@shared/domain/training';
import type { Training } from '@shared/schemas/training';
import { formatDate } from '../../core';

/** `2026-11-12` or `2026-11-12 – 2026-11-14 (3 days)`. */
export function TrainingDates({ t: row }: { t: Pick<Training, 'startDate' | 'endDate'> }) {
  const { t, i18n } = useTranslation('training');
  if (row.startDate === row.endDate) return <>{formatDate(row.startDate, i18n.language)}</>;
  return (
    <>
      {t('dates.range', {
        from: formatDate(row.startDate, i18n.language),
        to: formatDate(row.endDate, i18n.language),
        days: trainingDays(row),
      })}
    </>
  );
}
