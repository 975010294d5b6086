import { App, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { findSecrets, maskSecrets, type SecretKind } from '@shared/util/secrets';

type Choice = 'mask' | 'keep' | 'back';

/** The texts of one field: a string, or the strings of a list (a knowledge article's steps). */
const textsOf = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** A field's value with every secret masked; a list stays a list, anything else is left alone. */
function maskValue(v: unknown): unknown {
  if (typeof v === 'string') return maskSecrets(v);
  if (Array.isArray(v)) return v.map((x: unknown) => (typeof x === 'string' ? maskSecrets(x) : x));
  return v;
}

/**
 * Before a save: when a free-text field (a string, or a list of strings) looks like it holds a secret
 * (shared/util/secrets.ts), asks whether to mask it. Resolves with the values to save (masked or as
 * typed), or null when the person goes back to editing. Values without secrets resolve at once, unchanged.
 */
export function useSecretCheck() {
  const { modal } = App.useApp();
  const { t } = useTranslation('access');
  return async <T extends object>(values: T, fields: Array<keyof T>): Promise<T | null> => {
    const found = fields.filter((f) => textsOf(values[f]).some((x) => findSecrets(x).length > 0));
    if (found.length === 0) return values;
    const texts = found.flatMap((f) => textsOf(values[f]));
    const kinds = [...new Set(texts.flatMap((x) => findSecrets(x).map((h) => h.kind)))] as SecretKind[];
    const preview = texts
      .filter((x) => findSecrets(x).length > 0)
      .map(maskSecrets)
      .join('\n…\n')
      .slice(0, 600);
    const choice = await new Promise<Choice>((resolve) => {
      const inst = modal.confirm({
        title: t('secrets.title'),
        width: 560,
        content: (
          <div data-testid="secret-dialog">
            <Typography.Paragraph>
              {t('secrets.intro', { kinds: kinds.map((k) => t(`secrets.kinds.${k}`)).join(t('secrets.separator')) })}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary">{t('secrets.preview')}</Typography.Paragraph>
            <pre
              style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: 8, maxHeight: 200, overflow: 'auto' }}
            >
              {preview}
            </pre>
          </div>
        ),
        okText: t('secrets.mask'),
        cancelText: t('secrets.back'),
        onOk: () => resolve('mask'),
        onCancel: () => resolve('back'),
        footer: (_, { OkBtn, CancelBtn }) => (
          <>
            <Button
              data-testid="secret-keep"
              onClick={() => {
                resolve('keep');
                inst.destroy();
              }}
            >
              {t('secrets.keep')}
            </Button>
            <CancelBtn />
            <OkBtn />
          </>
        ),
      });
    });
    if (choice === 'back') return null;
    if (choice === 'keep') return values;
    const out = { ...values };
    for (const f of found) (out as Record<keyof T, unknown>)[f] = maskValue(values[f]);
    return out;
  };
}
