import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveRecord } from '../../db';
import { platform, PlatformError } from '../../platform';
import { autoBackupTick, autoIntervalMs } from './agent';
import { saveBackupSettings } from './backup.repo';
import {
  backupName,
  BackupError,
  hasChangesSinceBackup,
  lastAttemptKey,
  lastBackupKey,
  runBackup,
  scrubStoredPassword,
  settingsKey,
  type LastBackup,
} from './backup.service';
import { inspectBackup } from './format-decode';
import { checkFile, performRestore } from './restore.service';
import { dump, freshDb, seedCore } from './test-kit/db';

afterEach(() => vi.restoreAllMocks());

describe('runBackup', () => {
  it('writes through the platform, reads back, validates and records the last verified backup', async () => {
    const db = await freshDb();
    await seedCore(db);
    expect(await hasChangesSinceBackup()).toBe(true);
    const stages: string[] = [];
    const last = await runBackup('manual', (s) => stages.push(s));
    expect(stages).toEqual(expect.arrayContaining(['snapshot', 'encode', 'write', 'verify', 'done']));
    expect(last).toMatchObject({ reason: 'manual', encrypted: false, folder: 'browser-storage' });
    expect(last.name).toMatch(/^onsite-desk-\d{8}-\d{9}-A-manual\.odbk$/);
    expect(last.counts).toMatchObject({ systems: 3, attachments: 2 });
    expect((await db.meta.get(lastBackupKey))?.value).toEqual(last);
    expect((await platform.backupList()).map((b) => b.name)).toContain(last.name);
    expect(await hasChangesSinceBackup()).toBe(false);
    await saveRecord('systems', { ...(await db.systems.toCollection().first())!, notes: 'changed' }, 'edit');
    expect(await hasChangesSinceBackup()).toBe(true);
  });

  it('fails, and records the failure, when the bytes read back differ from those written', async () => {
    const db = await freshDb();
    await seedCore(db);
    const read = platform.backupRead.bind(platform);
    vi.spyOn(platform, 'backupRead').mockImplementation(async (req) => {
      const f = await read(req);
      const data = f.data.slice();
      data[data.length - 10] ^= 0xff;
      return { ...f, data };
    });
    await expect(runBackup('manual')).rejects.toMatchObject({ messageKey: 'errors.verifyFailed' });
    expect(await db.meta.get(lastBackupKey)).toBeUndefined();
    expect((await db.meta.get(lastAttemptKey))?.value).toMatchObject({
      ok: false,
      messageKey: 'errors.verifyFailed',
      reason: 'manual',
    });
  });

  it('says the disk is full when the platform does', async () => {
    await seedCore(await freshDb());
    vi.spyOn(platform, 'backupWrite').mockRejectedValue(new PlatformError('disk-full', 'ENOSPC'));
    const err = await runBackup('auto').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackupError);
    expect(err).toMatchObject({ messageKey: 'errors.diskFull' });
  });

  it('encrypts with the password main remembers; restore never tries it by itself', async () => {
    const db = await freshDb();
    await seedCore(db);
    await db.meta.put({ key: settingsKey, value: { encrypt: true } });
    const remembered = vi.spyOn(platform, 'secretGetBackupPassword').mockResolvedValue('long-enough-pw');
    const last = await runBackup('manual');
    expect(remembered).toHaveBeenCalled();
    expect(last.encrypted).toBe(true);
    const file = await platform.backupRead({ name: last.name });
    expect(inspectBackup(file.data)).toMatchObject({ ok: true, encrypted: true });
    expect(await checkFile(file.data)).toMatchObject({ ok: false, needsPassword: true });
    expect((await checkFile(file.data, 'long-enough-pw')).ok).toBe(true);
    expect(await checkFile(file.data, 'wrong-password')).toMatchObject({
      ok: false,
      errors: [{ key: 'errors.wrongPassword' }],
    });
  });

  it('fails rather than write in clear when encryption is on but no password is remembered', async () => {
    const db = await freshDb();
    await seedCore(db);
    await db.meta.put({ key: settingsKey, value: { encrypt: true } });
    const err = await runBackup('manual').catch((e: unknown) => e);
    expect(err).toMatchObject({ messageKey: 'errors.passwordUnavailable' });
  });

  it('removes a password an earlier version stored in plain; the browser build cannot remember one', async () => {
    const db = await freshDb();
    await seedCore(db);
    await db.meta.put({ key: settingsKey, value: { encrypt: true, password: 'old-plain-pw' } });
    expect(await scrubStoredPassword(db)).toBe(true);
    expect((await db.meta.get(settingsKey))?.value).toEqual({ encrypt: false });
    expect(JSON.stringify(await db.meta.toArray())).not.toContain('old-plain-pw');
    expect(await scrubStoredPassword(db)).toBe(false);
    await expect(saveBackupSettings({ encrypt: true, password: 'long-enough-pw' })).rejects.toMatchObject({
      messageKey: 'errors.cannotRemember',
    });
  });

  it('names files by Shanghai wall time, device and reason', () => {
    expect(backupName('pre-restore', 'B1', new Date('2026-11-25T15:10:05.123Z'))).toBe(
      'onsite-desk-20261125-231005123-B1-pre-restore.odbk',
    );
  });
});

describe('performRestore', () => {
  it('keeps the current state as a pre-restore backup, restores, and the restore can be undone', async () => {
    const db = await freshDb();
    await seedCore(db);
    const backup = await runBackup('manual');
    const original = await dump(db);
    const victim = (await db.systems.toCollection().first())!;
    await db.transaction('rw', db.systems, () => db.systems.delete(victim.id));
    await saveRecord('contacts', { ...(await db.contacts.toCollection().first())!, title: '新职位' }, 'edit');
    const edited = await dump(db);

    const checked = await checkFile((await platform.backupRead({ name: backup.name })).data);
    if (!checked.ok) throw new Error('invalid');
    const out = await performRestore(checked.plan, backup.name);
    expect(out.preRestore?.reason).toBe('pre-restore');
    expect(await db.systems.get(victim.id)).toMatchObject({ name: victim.name });
    expect((await dump(db)).systems).toEqual(original.systems);

    // Undo: restore the pre-restore backup; the edits are back.
    const pre = await checkFile((await platform.backupRead({ name: out.preRestore!.name })).data);
    if (!pre.ok) throw new Error('invalid');
    await performRestore(pre.plan, out.preRestore!.name);
    expect(await db.systems.get(victim.id)).toBeUndefined();
    expect((await dump(db)).contacts).toEqual(edited.contacts);
    const actions = (await db.auditLog.toArray()).map((e) => e.action);
    expect(actions.slice(-2)).toEqual(['restore', 'audit-keyed']);
  });

  it('refuses a plan the team key does not vouch for without the PM approval, before any pre-restore backup', async () => {
    const db = await freshDb();
    await seedCore(db);
    const backup = await runBackup('manual');
    const checked = await checkFile((await platform.backupRead({ name: backup.name })).data);
    if (!checked.ok) throw new Error('invalid');
    const untrusted = { ...checked.plan, auth: { status: 'unauthenticated' as const } };
    const listed = (await platform.backupList()).length;
    const entries = await db.auditLog.count();
    await expect(performRestore(untrusted, backup.name)).rejects.toMatchObject({ code: 'approvalRequired' });
    expect((await platform.backupList()).length).toBe(listed);
    expect(await db.auditLog.count()).toBe(entries);
  });
});

describe('automatic backups', () => {
  it('back up every 30 minutes while there are changes, and not without', async () => {
    const db = await freshDb();
    await seedCore(db);
    const t0 = Date.now();
    expect(await autoBackupTick(t0)).toBe('done');
    expect(await autoBackupTick(t0 + 1000)).toBe('skipped'); // no change
    await saveRecord('systems', { ...(await db.systems.toCollection().first())!, notes: 'x' }, 'edit');
    const last = (await db.meta.get(lastBackupKey))!.value as LastBackup;
    expect(await autoBackupTick(Date.parse(last.at) + autoIntervalMs - 60_000)).toBe('skipped'); // too soon
    expect(await autoBackupTick(Date.parse(last.at) + autoIntervalMs + 1)).toBe('done');
    expect(((await db.meta.get(lastBackupKey))!.value as LastBackup).reason).toBe('auto');
  });
});
