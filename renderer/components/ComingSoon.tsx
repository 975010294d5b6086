import { useTranslation } from 'react-i18next';
import { EmptyState } from './EmptyState';
import { PageHeader } from './PageHeader';

/** A page not built yet: a clear statement of what will be there, never a blank screen. */
export function ComingSoon({ feature }: { feature: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`nav.${feature}`)} />
      <EmptyState testId={`coming-${feature}`} title={t('coming.title')} description={t(`coming.${feature}`)} />
    </>
  );
}
