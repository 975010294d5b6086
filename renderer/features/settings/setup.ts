import type { Contact, SiteSettings, TeamMember } from '@shared/schemas/core';
import { contactSchema, siteSettingsSchema, teamMemberSchema } from '@shared/schemas/core';
import type { Credential } from '@shared/schemas/credential';
import { setActor, stamp, writeTx } from '../../db';

export interface SetupInput {
  deviceCode: string;
  providerName: string;
  team: Array<{ name: string; role: TeamMember['role']; phone: string }>;
  meIndex: number;
  clientName: string;
  clientAddress: string;
  projectName: string;
  maintenance: { name: string; department: string; phone: string; email: string };
}

/**
 * First-run setup: the site, the roster, the client's signer and the PINs given at setup, written
 * together or not at all. `credentialsFor` (the access feature) hashes the PINs before the
 * transaction opens, since a Dexie transaction cannot wait on WebCrypto.
 */
export async function completeSetup(
  input: SetupInput,
  now = new Date(),
  credentialsFor?: (team: TeamMember[]) => Promise<Credential[]>,
): Promise<TeamMember[]> {
  const team = input.team.map((m) => teamMemberSchema.parse(stamp({ ...m, email: '', active: true }, now)));
  const me = team[input.meIndex] ?? team[0];
  setActor(me.id);
  const contacts: Contact[] = input.maintenance.name.trim()
    ? [
        contactSchema.parse(
          stamp(
            {
              kind: 'client',
              name: input.maintenance.name,
              company: input.clientName,
              department: input.maintenance.department,
              title: '',
              phone: input.maintenance.phone,
              email: input.maintenance.email,
              products: [],
              isMaintenanceEngineer: true,
            },
            now,
          ),
        ),
      ]
    : [];
  const site: SiteSettings = siteSettingsSchema.parse({
    key: 'site',
    setupComplete: true,
    deviceCode: input.deviceCode,
    currentUserId: me.id,
    providerName: input.providerName,
    clientName: input.clientName,
    clientAddress: input.clientAddress,
    projectName: input.projectName,
    isDemo: false,
    updatedAt: now.toISOString(),
    updatedBy: me.id,
  });
  // The person setting the laptop up writes its first records.
  setActor(me.id);
  const credentials = credentialsFor ? await credentialsFor(team) : [];
  await writeTx(['settings', 'team', 'contacts', 'credentials'], async (db, w) => {
    // The site first: the roster's changes are captured for sync under the device code it names
    // (renderer/db/sync-capture.ts reads it from `settings`); before it exists they would be taken
    // for laptop A's and clash with A's own changes on every other laptop.
    await w.put('settings', site, `first-run setup: ${team.length} team, client ${site.clientName}`, 'settings');
    await w.bulkPut('team', team, (m) => `first-run setup: ${m.role} ${m.name}`);
    await w.bulkPut('contacts', contacts, (c) => `first-run setup: ${c.kind} ${c.name}`);
    // Credentials are not an audited table (they hold only salted hashes); setting them is logged.
    await db.credentials.bulkPut(credentials);
    if (credentials.length)
      await w.log('credentials', 'setup', 'settings', `first-run setup: ${credentials.length} PINs set`);
  });
  return team;
}
