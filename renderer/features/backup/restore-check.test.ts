/**
 * Reading and checking a file for restore as the restore dialog does it (restore.service.ts
 * `checkFile` → restore-client.ts; in jsdom without a Worker the same validate-file.ts runs in this
 * thread): duplicate JSON keys refused with a message in both languages, progress reported in
 * order through reading, checking and writing, a corrupt file named as corrupt.
 */
import { describe, expect, it } from 'vitest';
import { teamKey } from '../../core/team-key';
import { schemaVersion } from '../../db/migrations';
import { createI18n } from '../../i18n';
import { backupMac } from './format-auth';
import { encodeBackup, headerBytes } from './format-encode';
import { sha256HexAsync } from './format-crypto';
import { headerSchema, prefixBytes, type BackupInfo, type Manifest } from './format-types';
import { issueText } from './messages';
import { applyRestore } from './restore';
import { transferablesOf } from './restore-protocol';
import type { RestoreProgress } from './restore-progress';
import { checkFile } from './restore.service';
import { exportSnapshot } from './snapshot';
import { freshDb, seedCore } from './test-kit/db';

const info: BackupInfo = {
  appVersion: '0.1.0',
  schemaVersion,
  createdAt: '2026-11-25T15:10:00.000Z',
  deviceCode: 'A',
  reason: 'manual',
};

async function seededFile(): Promise<Uint8Array> {
  const db = await freshDb();
  await seedCore(db);
  return encodeBackup(await exportSnapshot(db), info);
}

/**
 * The file with its manifest text and one table's text rewritten by `edit`, every hash and the
 * team-key MAC made again: what someone with the key and a text editor could produce. Only the
 * content the edit puts in is wrong.
 */
async function rewritten(
  file: Uint8Array,
  edit: { table?: [string, (text: string) => string]; manifest?: (text: string) => string },
): Promise<Uint8Array> {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const headerEnd = prefixBytes + view.getUint32(6, true);
  const header = headerSchema.parse(JSON.parse(new TextDecoder().decode(file.subarray(prefixBytes, headerEnd))));
  const payload = file.subarray(headerEnd);
  const manifestLength = new DataView(payload.buffer, payload.byteOffset).getUint32(0, true);
  const manifest = JSON.parse(new TextDecoder().decode(payload.subarray(4, 4 + manifestLength))) as Manifest;
  let at = 4 + manifestLength;
  const sections: Uint8Array[] = [];
  for (const t of manifest.tables) {
    let bytes = payload.subarray(at, at + t.bytes);
    at += t.bytes;
    if (edit.table?.[0] === t.name) {
      bytes = new TextEncoder().encode(edit.table[1](new TextDecoder().decode(bytes)));
      t.bytes = bytes.length;
      t.sha256 = await sha256HexAsync(bytes);
    }
    sections.push(bytes);
  }
  sections.push(payload.subarray(at));
  const manifestJson = new TextEncoder().encode((edit.manifest ?? ((s) => s))(JSON.stringify(manifest)));
  const body = [manifestJson, ...sections];
  const payloadLength = 4 + body.reduce((n, p) => n + p.length, 0);
  const next = { ...header, payloadLength, manifestSha256: await sha256HexAsync(manifestJson) };
  const head = headerBytes({ ...next, mac: await backupMac(teamKey()!, next, manifestJson) });
  const out = new Uint8Array(head.length + payloadLength);
  out.set(head);
  new DataView(out.buffer).setUint32(head.length, manifestJson.length, true);
  let o = head.length + 4;
  for (const p of body) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

describe('checking a file for restore', () => {
  it('the test helper alone changes nothing: a rewritten file without edits still passes', async () => {
    const result = await checkFile({ data: await rewritten(await seededFile(), {}) });
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('refuses a record with a field twice, naming table and field, in both languages', async () => {
    // Canonical JSON sorts keys: `"name"` follows `"location"` in a system; a second `"name"` is added.
    const file = await rewritten(await seededFile(), {
      table: ['systems', (text) => text.replace('"name":', '"name":"影子系统","name":')],
    });
    const result = await checkFile({ data: file });
    expect(result).toMatchObject({
      ok: false,
      errors: [{ key: 'errors.duplicateKey', params: { table: 'systems', key: 'name' } }],
    });
    if (result.ok) return;
    const en = (await createI18n('en')).getFixedT('en', 'backup');
    const zh = (await createI18n('zh-CN')).getFixedT('zh-CN', 'backup');
    expect(issueText(en, result.errors[0])).toBe(
      'A record of "Inventory" in the backup file has the field "name" twice, so which value is meant cannot be known. The restore is refused; the current data is unchanged.',
    );
    expect(issueText(zh, result.errors[0])).toContain('重复的字段名“name”');
  });

  it('refuses a manifest with a field twice by its own message, not as "damaged"', async () => {
    const file = await rewritten(await seededFile(), {
      manifest: (text) => text.replace('{', '{"appVersion":"9.9.9",'),
    });
    const result = await checkFile({ data: file });
    expect(result).toEqual({ ok: false, errors: [{ key: 'errors.duplicateKeyFile', params: { key: 'appVersion' } }] });
    const en = (await createI18n('en')).getFixedT('en', 'backup');
    if (!result.ok) expect(issueText(en, result.errors[0])).toContain('the field "appVersion" twice');
  });

  it('calls a damaged file damaged, in the language of the person restoring', async () => {
    const file = (await seededFile()).slice();
    file[file.length - 3] ^= 0xff; // inside the last section: its hash no longer matches
    const result = await checkFile({ data: file });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.key)).toEqual([expect.stringMatching(/^errors\.(tableHash|blobHash)$/)]);
    const truncated = (await seededFile()).slice(0, 40);
    const cut = await checkFile({ data: truncated });
    expect(cut).toMatchObject({ ok: false, errors: [{ key: 'errors.truncated' }] });
    const header = (await seededFile()).slice();
    header[prefixBytes + 2] = 0x00; // the header's JSON no longer parses
    const corrupt = await checkFile({ data: header });
    expect(corrupt).toMatchObject({ ok: false, errors: [{ key: 'errors.corrupt' }] });
    if (corrupt.ok) return;
    const en = (await createI18n('en')).getFixedT('en', 'backup');
    const zh = (await createI18n('zh-CN')).getFixedT('zh-CN', 'backup');
    expect(issueText(en, corrupt.errors[0])).toBe(
      'The backup file is damaged: its content does not match its checksums.',
    );
    expect(issueText(zh, corrupt.errors[0])).not.toBe(issueText(en, corrupt.errors[0]));
    expect(issueText(zh, corrupt.errors[0])).toMatch(/[\u4e00-\u9fff]/);
  });

  it('reports reading, then checking, then writing tables N of M, each rising to its total', async () => {
    const seen: RestoreProgress[] = [];
    const result = await checkFile({ data: await seededFile() }, undefined, (p) => seen.push(p));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const db = await freshDb();
    await applyRestore(db, result.plan, { name: 'progress.odbk' }, new Date(), (p) => seen.push(p));

    const phases = seen.map((p) => p.phase).filter((p, i, all) => i === 0 || all[i - 1] !== p);
    expect(phases).toEqual(['reading', 'checking', 'writing']);
    for (const phase of ['reading', 'checking', 'writing'] as const) {
      const steps = seen.filter((p) => p.phase === phase);
      expect(steps.length, phase).toBeGreaterThan(1);
      for (let i = 1; i < steps.length; i++) expect(steps[i].done, phase).toBeGreaterThanOrEqual(steps[i - 1].done);
      expect(steps.every((s) => s.total === steps[0].total && s.done <= s.total)).toBe(true);
      expect(steps[steps.length - 1].done, phase).toBe(steps[0].total);
    }
    expect(seen.filter((p) => p.phase === 'writing')[0].total).toBe(result.plan.tables.size);
  });

  it('hands the attachments’ own buffers to the page once each (moved, not copied)', async () => {
    const result = await checkFile({ data: await seededFile() });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const attachments = (result.plan.tables.get('attachments') ?? []) as Array<{ data: Uint8Array }>;
    const buffers = transferablesOf(result);
    expect(new Set(buffers).size).toBe(buffers.length);
    for (const a of attachments) expect(buffers).toContain(a.data.buffer);
  });
});
