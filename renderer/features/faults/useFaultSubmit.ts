import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSaveHandler } from '../../components/useSaveHandler';
import { FaultInputError } from './faults.repo';

/**
 * Runs a fault write from a form: a mistake that belongs to one field (a time before the report…)
 * is shown at that field; everything else (disk full, read-only…) through the shared save handler.
 */
export function useFaultSubmit(form: FormInstance) {
  const { t } = useTranslation('faults');
  const save = useSaveHandler();
  return (fn: () => Promise<unknown>, successKey: string | null = 'common:actions.saved') =>
    save(async () => {
      try {
        await fn();
      } catch (err) {
        if (err instanceof FaultInputError && err.field && form.getFieldInstance(err.field) !== undefined) {
          form.setFields([{ name: err.field, errors: [t(err.messageKey)] }]);
          form.scrollToField(err.field);
        }
        throw err;
      }
    }, successKey);
}
