/**
 * A dialog that holds one form and saves it: Save runs the form's rules, then an optional check
 * (`beforeSave`: the access feature's secret check, which may change the values), then the write
 * through useFieldSubmit (a mistake that belongs to one field is shown at that field). The Save
 * button spins while the write runs; the dialog closes only when it succeeded. Enter in a
 * single-line field saves, as in every other form of the app.
 */
import { Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldSubmit } from './useFieldSubmit';

export interface FormDialogProps<V extends object> {
  form: FormInstance<V>;
  title: ReactNode;
  /** Writes the values; throws a field error or a write error on failure. */
  save: (values: V) => Promise<unknown>;
  /** Runs after the form's rules: returns the values to save (put back into the form), or null to stay. */
  beforeSave?: (values: V) => Promise<V | null>;
  /** i18n key of the success message; null for none. */
  savedKey?: string | null;
  onClose: () => void;
  initialValues?: Partial<V>;
  width?: number;
  /** data-testid of the Save button. */
  okTestId?: string;
  children: ReactNode;
}

export function FormDialog<V extends object>(p: FormDialogProps<V>) {
  const { t } = useTranslation();
  const submit = useFieldSubmit(p.form);
  const [busy, setBusy] = useState(false);
  const ok = async () => {
    const typed = await p.form.validateFields().catch(() => null);
    if (!typed) return;
    const v = p.beforeSave ? await p.beforeSave(typed) : typed;
    if (!v) return;
    if (v !== typed) p.form.setFieldsValue(v as never);
    setBusy(true);
    const done = await submit(() => p.save(v), p.savedKey === undefined ? 'common:actions.saved' : p.savedKey);
    setBusy(false);
    if (done) p.onClose();
  };
  return (
    <Modal
      open
      title={p.title}
      onOk={() => void ok()}
      onCancel={p.onClose}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': p.okTestId ?? 'dialog-ok' }}
      destroyOnHidden
      width={p.width}
    >
      <Form<V> form={p.form} layout="vertical" onFinish={() => void ok()} initialValues={p.initialValues as never}>
        {p.children}
      </Form>
    </Modal>
  );
}
