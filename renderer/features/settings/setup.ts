import type { Contact, SiteSettings, TeamMember } from '@shared/schemas/core';
import { contactSchema, siteSettingsSchema, teamMemberSchema } from '@shared/schemas/core';
import type { Credential } from '@shared/schemas/credential';
import { bytesToHex } from '@noble/hashes/utils.js';
import { setActor, stamp, writeTx } from '../../db';
import { teamKey } from '../../core/team-key';

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
  const ids = await rosterIds(input.team.map((m) => m.name));
  const team = input.team.map((m, i) =>
    teamMemberSchema.parse(stamp({ ...m, id: ids[i], email: '', active: true }, now)),
  );
  const [contactId] = await rosterIds([input.maintenance.name], 'contact');
  const me = team[input.meIndex] ?? team[0];
  setActor(me.id);
  const contacts: Contact[] = input.maintenance.name.trim()
    ? [
        contactSchema.parse(
          stamp(
            {
              id: contactId,
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

/**
 * Ids for the people typed into setup: the same on every laptop of the team (keyed by the team key,
 * from the name as typed, spaces and full-width forms aside), so the roster each laptop's setup
 * enters is one roster after sync, not a copy per laptop; where two laptops typed a detail
 * differently, sync lists it as a conflict to pick from. Without a team key (tests), random ids.
 */
export async function rosterIds(names: string[], kind = 'team'): Promise<(string | undefined)[]> {
  const key = teamKey();
  if (!key) return names.map(() => undefined);
  const seen = new Map<string, number>();
  return Promise.all(
    names.map(async (name) => {
      const norm = name.normalize('NFKC').trim().replace(/\s+/g, ' ');
      // Two people of the same name on one roster stay two records.
      const n = seen.get(norm) ?? 0;
      seen.set(norm, n + 1);
      const mac = await key.mac(new TextEncoder().encode(`onsite-desk roster v1\n${kind}\n${norm}\n${n}`));
      return `${kind === 'team' ? 'tm' : 'ct'}-${bytesToHex(mac).slice(0, 32)}`;
    }),
  );
}
