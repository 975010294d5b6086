import type { TFunction } from 'i18next';
import { AccessError } from './credentials.repo';

/** An access failure in the user's language; anything unexpected with its message. */
export function accessErrorText(t: TFunction, err: unknown): string {
  if (err instanceof AccessError) return t(`access:errors.${err.code}`, err.params);
  return t('common:errors.unexpected', { message: (err as Error)?.message ?? String(err) });
}
