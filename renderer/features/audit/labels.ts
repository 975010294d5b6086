import { useTranslation } from 'react-i18next';
import { useTeam } from '../../core';

/** Team member id → name ('system' and unknown ids as they are said in the UI). */
export function useActorName(): (id: string) => string {
  const { t } = useTranslation('audit');
  const team = useTeam();
  const names = new Map((team ?? []).map((m) => [m.id, m.name]));
  return (id: string) => names.get(id) ?? (id === 'system' ? t('actors.system') : id);
}

/** An entity (a table name, or settings/demo/backup) for people. */
export function useEntityLabel(): (entity: string) => string {
  const { t } = useTranslation('audit');
  return (entity: string) =>
    t(`entities.${entity}`, { defaultValue: t(`backup:tables.${entity}`, { defaultValue: entity }) });
}
