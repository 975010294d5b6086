import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSaveHandler } from '../../components/useSaveHandler';

/** A mistake the user can correct at one form field (FaultInputError, RequestInputError). */
function isFieldError(err: unknown): err is Error & { messageKey: string; field: string } {
  return (
    err instanceof Error &&
    typeof (err as { messageKey?: unknown }).messageKey === 'string' &&
    typeof (err as { field?: unknown }).field === 'string'
  );
}

/**
 * Runs a write from a form: a mistake that belongs to one field (a time before the report…) is
 * shown at that field; everything else (disk full, read-only…) through the shared save handler.
 * A field error's `messageKey` is read in `ns` unless it names its own namespace (`faults:…`).
 */
export function useFieldSubmit(form: FormInstance, ns?: string) {
  const { t } = useTranslation(ns);
  const save = useSaveHandler();
  return (fn: () => Promise<unknown>, successKey: string | null = 'common:actions.saved') =>
    save(async () => {
      try {
        await fn();
      } catch (err) {
        if (isFieldError(err) && form.getFieldInstance(err.field) !== undefined) {
          form.setFields([{ name: err.field, errors: [t(err.messageKey)] }]);
          form.scrollToField(err.field);
        }
        throw err;
      }
    }, successKey);
}
