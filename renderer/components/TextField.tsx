import { Form, Input, type FormItemProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export const phoneRule = { pattern: /^[0-9+()\-\s#转ext.]*$/i, messageKey: 'validation.phone' };

/** Shared form rules, messages in the user's language. */
export function useRules() {
  const { t } = useTranslation();
  return {
    required: { required: true, whitespace: true, message: t('validation.required') },
    phone: { pattern: phoneRule.pattern, message: t('validation.phone') },
    email: { type: 'email' as const, message: t('validation.email') },
    max: (n: number) => ({ max: n, message: t('validation.max', { n }) }),
  };
}

/**
 * One text input of a form with the usual rules: `required` (not blank), at most `max` characters, and a
 * phone or e-mail check by `kind`.
 */
export function TextField({
  name,
  label,
  max,
  required,
  kind,
  autoFocus,
  extra,
}: {
  name: FormItemProps['name'];
  label?: ReactNode;
  max?: number;
  required?: boolean;
  kind?: 'phone' | 'email';
  autoFocus?: boolean;
  extra?: ReactNode;
}) {
  const r = useRules();
  const rules = [
    ...(required ? [r.required] : []),
    ...(kind ? [r[kind]] : []),
    ...(max !== undefined ? [r.max(max)] : []),
  ];
  return (
    <Form.Item name={name} label={label} rules={rules} extra={extra}>
      <Input autoFocus={autoFocus} />
    </Form.Item>
  );
}
