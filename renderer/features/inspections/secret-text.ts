import { findSecrets } from '@shared/util/secrets';
import { useSecretCheck } from '../access';

/** Whether `text` holds something that looks like a secret (then an autosave waits for the field to be left). */
export const holdsSecret = (text: string) => findSecrets(text).length > 0;

/**
 * The access feature's secret check for one text of a run (a note, a countermeasure, a typed answer):
 * resolves with the text to save (masked or as typed), or null when the engineer goes back to editing.
 */
export function useTextSecretCheck(): (text: string) => Promise<string | null> {
  const check = useSecretCheck();
  return async (text) => (await check({ text }, ['text']))?.text ?? null;
}
