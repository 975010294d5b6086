import { useLiveQuery } from 'dexie-react-hooks';
import {
  contactSchema,
  siteSettingsSchema,
  systemSchema,
  teamMemberSchema,
  type ClientSystem,
  type Contact,
  type SiteSettings,
  type TeamMember,
} from '@shared/schemas/core';
import { deleteRecord, getActor, getDb, saveRecord, stamp, writeTx } from '../../db';

export const defaultProvider = '上海承沪信息科技有限公司';

/** The settings row as it is before first-run setup. */
export function blankSite(): SiteSettings {
  return {
    key: 'site',
    setupComplete: false,
    deviceCode: 'A',
    currentUserId: '',
    providerName: defaultProvider,
    clientName: '',
    clientAddress: '',
    projectName: '',
    isDemo: false,
    updatedAt: new Date().toISOString(),
    updatedBy: 'system',
  };
}

/** Live site settings; `undefined` while loading. */
export function useSite(): SiteSettings | undefined {
  return useLiveQuery(async () => (await getDb().settings.get('site')) ?? blankSite(), []);
}

export async function loadSite(): Promise<SiteSettings> {
  return (await getDb().settings.get('site')) ?? blankSite();
}

/** Saves a change to the site settings (validated), audited as a settings change. */
export async function saveSite(patch: Partial<SiteSettings>): Promise<SiteSettings> {
  return writeTx(['settings'], async (db, w) => {
    const before = (await db.settings.get('site')) ?? blankSite();
    const next = siteSettingsSchema.parse({
      ...before,
      ...patch,
      key: 'site',
      updatedAt: new Date().toISOString(),
      updatedBy: getActor(),
    });
    const changed = Object.keys(patch).filter(
      (k) =>
        JSON.stringify((before as Record<string, unknown>)[k]) !==
        JSON.stringify((patch as Record<string, unknown>)[k]),
    );
    await w.put('settings', next, `changed: ${changed.join(', ') || '—'}`, 'settings');
    return next;
  });
}

export function useTeam(): TeamMember[] | undefined {
  return useLiveQuery(() => getDb().team.orderBy('name').toArray(), []);
}
export function useContacts(kind?: Contact['kind']): Contact[] | undefined {
  return useLiveQuery(
    () =>
      kind ? getDb().contacts.where('kind').equals(kind).sortBy('name') : getDb().contacts.orderBy('name').toArray(),
    [kind],
  );
}
export function useSystems(): ClientSystem[] | undefined {
  return useLiveQuery(() => getDb().systems.orderBy('name').toArray(), []);
}

type Draft<T> = Omit<T, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy'> & { id?: string };

/** Validates then saves; zod errors surface as field messages in the forms first. */
export async function saveTeamMember(d: Draft<TeamMember>): Promise<TeamMember> {
  const row = teamMemberSchema.parse(stamp(d));
  return saveRecord('team', { ...row, id: d.id ?? row.id }, `${row.role} ${row.name}`);
}
export async function saveContact(d: Draft<Contact>): Promise<Contact> {
  const row = contactSchema.parse(stamp(d));
  return saveRecord('contacts', { ...row, id: d.id ?? row.id }, `${row.kind} ${row.name}`);
}
export async function saveSystem(d: Draft<ClientSystem>): Promise<ClientSystem> {
  const row = systemSchema.parse(stamp(d));
  return saveRecord('systems', { ...row, id: d.id ?? row.id }, `${row.family} ${row.name}`);
}
export const deleteTeamMember = (m: TeamMember) => deleteRecord('team', m.id, `${m.role} ${m.name}`);
export const deleteContact = (c: Contact) => deleteRecord('contacts', c.id, `${c.kind} ${c.name}`);
export const deleteSystem = (s: ClientSystem) => deleteRecord('systems', s.id, `${s.family} ${s.name}`);
