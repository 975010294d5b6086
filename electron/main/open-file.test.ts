/** Opening a backup from the OS: argv (Windows/Linux), open-file (macOS), second-instance. */
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from 'electron';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { backupPathsFromArgv, installOpenFileHandlers, OpenedBackups } from './open-file';

const dir = mkdtempSync(join(tmpdir(), 'onsite-open-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const backup = join(dir, 'onsite-desk-20261125-2310.odbk');
writeFileSync(backup, Buffer.from([1, 2, 3]));

describe('backupPathsFromArgv', () => {
  it('keeps .odbk arguments (any case), absolute, and skips switches and other files', () => {
    const argv = ['.', '--user-data-dir=/x.odbk', '--inspect', 'D:\\备份\\a.ODBK', 'rel/b.odbk', 'c.pdf', '.odbk'];
    const paths = backupPathsFromArgv(argv, '/home/eng');
    expect(paths).toHaveLength(2);
    expect(paths[1]).toBe(join('/home/eng', 'rel/b.odbk'));
    expect(paths[0]).toMatch(/a\.ODBK$/);
  });
});

describe('OpenedBackups', () => {
  it('tells the window the name, then hands the bytes over exactly once', async () => {
    const notify = vi.fn();
    const opened = new OpenedBackups({ notify });
    opened.offer(backup);
    expect(notify).toHaveBeenCalledWith('onsite-desk-20261125-2310.odbk');
    const file = await opened.take();
    expect(file?.name).toBe('onsite-desk-20261125-2310.odbk');
    expect([...(file?.data ?? [])]).toEqual([1, 2, 3]);
    await expect(opened.take()).resolves.toBeNull();
  });

  it('ignores files that are not backups, and the newest offer wins', async () => {
    const other = join(dir, 'second.odbk');
    writeFileSync(other, 'x');
    const notify = vi.fn();
    const opened = new OpenedBackups({ notify });
    opened.offer(join(dir, 'report.pdf'));
    expect(notify).not.toHaveBeenCalled();
    await expect(opened.take()).resolves.toBeNull();
    opened.offer(backup);
    opened.offer(other);
    expect((await opened.take())?.name).toBe('second.odbk');
  });

  it('refuses a file over the limit and a missing file with typed failures', async () => {
    const opened = new OpenedBackups({ notify: () => undefined, maxBytes: 2 });
    opened.offer(backup);
    await expect(opened.take()).rejects.toMatchObject({ code: 'too-large' });
    opened.offer(join(dir, 'gone.odbk'));
    await expect(opened.take()).rejects.toMatchObject({ code: 'ENOENT' }); // toIpcError maps it to not-found
  });
});

describe('installOpenFileHandlers', () => {
  function setup(argv: string[] = []) {
    const app = new EventEmitter();
    const notify = vi.fn();
    const opened = new OpenedBackups({ notify });
    const focus = vi.fn();
    installOpenFileHandlers(app as unknown as Pick<App, 'on'>, opened, focus, argv);
    return { app, notify, opened, focus };
  }

  it('first launch (Windows/Linux): the backup on the command line is waiting for the renderer', async () => {
    const { opened } = setup(['.', backup]);
    expect((await opened.take())?.name).toBe('onsite-desk-20261125-2310.odbk');
  });

  it('macOS open-file: handled (default prevented), offered, window focused', async () => {
    const { app, notify, focus, opened } = setup();
    const event = { preventDefault: vi.fn() };
    app.emit('open-file', event, backup);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(notify).toHaveBeenCalledWith('onsite-desk-20261125-2310.odbk');
    expect(focus).toHaveBeenCalled();
    expect(await opened.take()).not.toBeNull();
  });

  it('second instance (app already running): its argv, resolved against its working directory', async () => {
    const { app, opened, notify } = setup();
    app.emit('second-instance', {}, ['/opt/Onsite Desk/onsite-desk', '--flag', 'onsite-desk-20261125-2310.odbk'], dir);
    expect(notify).toHaveBeenCalledTimes(1);
    expect((await opened.take())?.data.byteLength).toBe(3);
  });
});
