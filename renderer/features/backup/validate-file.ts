/**
 * Everything a backup or import file must pass before the database is touched: the container and
 * hashes (format-decode), the format and schema versions, every table known with its primary key,
 * unique keys, every row against its strict zod schema (unknown fields refused), and references
 * between records. Returns a list of issues in i18n form; never throws.
 *
 * This is the part that runs in the restore worker (restore.worker.ts), so it imports no React, no
 * store and no platform; the audit chain check, which lives in the audit feature, is added by
 * validate.ts on the page (or directly in Node: tests, bench).
 */
import type { z } from 'zod';
import { schemaVersion as currentSchemaVersion } from '../../db/migrations';
import type { TeamKey } from '../../core/team-key';
import type { BackupAuth } from './format-auth';
import { decodeBackup } from './format-decode';
import { sha256HexAsync } from './format-crypto';
import type { BackupIssue, Manifest, PrimKey } from './format-types';
import type { OnRestoreProgress } from './restore-progress';
import { referenceIssues } from './references';
import { genericRowIssues, resolveTableSchemas } from './table-schemas';
import { schemaTables, upgradeTables } from './upgrade-old';

export interface RestorePlan {
  manifest: Manifest;
  encrypted: boolean;
  /** Whether the team key vouches for the file (format-auth.ts). */
  auth: BackupAuth;
  /** Rows per table of the current schema (older backups already upgraded). */
  tables: Map<string, unknown[]>;
  counts: Record<string, number>;
  /** Found but not blocking: shown with the confirmation. */
  warnings: BackupIssue[];
}

export type ValidationResult =
  | { ok: true; plan: RestorePlan }
  | {
      ok: false;
      errors: BackupIssue[];
      needsPassword?: boolean;
      total?: number;
      /**
       * Set when the file passed every check but its MAC: the plan a person may still restore by an
       * explicit second choice, which marks the restored data untrusted (restore.ts).
       */
      unverified?: RestorePlan;
    };

export interface ValidateOptions {
  password?: string;
  /** The schema this app writes (tests pass other values). */
  schemaVersion?: number;
  maxErrors?: number;
  /** Called as the file is read (section by section) and checked (table by table). */
  onProgress?: OnRestoreProgress;
  /** The key that checks the MAC; defaults to the loaded team key (the worker passes a stand-in). */
  key?: TeamKey | null;
}

/** The refusal of a file the team key does not vouch for (namespace `backup`). */
export function authIssue(auth: BackupAuth): BackupIssue | null {
  if (auth.status === 'ok') return null;
  if (auth.status === 'unauthenticated') return { key: 'errors.unauthenticated' };
  if (auth.status === 'no-key') return { key: 'errors.noTeamKey' };
  return { key: 'errors.badMac', params: { team: auth.teamName } };
}

const sameKey = (a: PrimKey, b: PrimKey) => JSON.stringify(a) === JSON.stringify(b);

function keyOf(row: unknown, primKey: PrimKey): string | null {
  if (!row || typeof row !== 'object') return null;
  const keys = typeof primKey === 'string' ? [primKey] : (primKey ?? []);
  const values = keys.map((k) => (row as Record<string, unknown>)[k]);
  if (values.some((v) => (typeof v !== 'string' && typeof v !== 'number') || v === '')) return null;
  return JSON.stringify(values);
}

function rowLabel(row: unknown, index: number, primKey: PrimKey): string {
  const k =
    typeof primKey === 'string' && row && typeof row === 'object'
      ? (row as Record<string, unknown>)[primKey]
      : undefined;
  return typeof k === 'string' || typeof k === 'number' ? String(k).slice(0, 64) : `#${index + 1}`;
}

function zodIssues(table: string, id: string, error: z.ZodError): BackupIssue[] {
  return error.issues.slice(0, 3).map((i): BackupIssue => {
    const field = i.path.join('.') || '(row)';
    if (i.code === 'unrecognized_keys')
      return {
        key: 'errors.unknownField',
        params: { table, id, fields: (i.keys ?? []).join(', ').slice(0, 120), field },
      };
    return { key: 'errors.invalidField', params: { table, id, field } };
  });
}

/** Validates a backup or import file against this app, without the audit chain check (validate.ts adds it). */
export async function validateFile(bytes: Uint8Array, opts: ValidateOptions = {}): Promise<ValidationResult> {
  try {
    return await validate(bytes, opts);
  } catch (err) {
    return {
      ok: false,
      errors: [
        {
          key: 'errors.corrupt',
          params: { detail: err instanceof Error ? err.message.slice(0, 200) : String(err).slice(0, 200) },
        },
      ],
    };
  }
}

async function validate(bytes: Uint8Array, opts: ValidateOptions): Promise<ValidationResult> {
  const current = opts.schemaVersion ?? currentSchemaVersion;
  const maxErrors = opts.maxErrors ?? 50;
  const progress = opts.onProgress ?? (() => undefined);
  const decoded = await decodeBackup(bytes, opts.password, { key: opts.key, onProgress: progress });
  if (!decoded.ok) return decoded;
  const { manifest, header, hashes, auth } = decoded.backup;
  let tables = decoded.backup.tables;
  if (manifest.schemaVersion > current)
    return {
      ok: false,
      errors: [
        {
          key: 'errors.newerSchema',
          params: { version: manifest.schemaVersion, current, appVersion: manifest.appVersion },
        },
      ],
    };

  const errors: BackupIssue[] = [];
  let total = 0;
  const push = (...issues: BackupIssue[]) => {
    total += issues.length;
    for (const i of issues) if (errors.length < maxErrors) errors.push(i);
  };

  const declared = new Map(schemaTables(manifest.schemaVersion).map((t) => [t.name, t.primKey]));
  for (const t of manifest.tables) {
    if (!declared.has(t.name)) push({ key: 'errors.unknownTable', params: { table: t.name } });
    else if (!sameKey(declared.get(t.name)!, t.primKey))
      push({ key: 'errors.manifestInvalid', params: { detail: t.name } });
  }
  for (const name of declared.keys())
    if (!tables.has(name)) push({ key: 'errors.missingTable', params: { table: name } });
  if (errors.length) return { ok: false, errors, total };

  for (const [name, rows] of tables) {
    const primKey = declared.get(name)!;
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      const k = keyOf(row, primKey);
      if (k === null) push({ key: 'errors.missingKey', params: { table: name, id: `#${i + 1}` } });
      else if (seen.has(k))
        push({ key: 'errors.duplicateRecord', params: { table: name, id: rowLabel(row, i, primKey) } });
      else seen.add(k);
    });
  }
  if (errors.length) return { ok: false, errors, total };

  if (manifest.schemaVersion < current) {
    try {
      tables = await upgradeTables(tables, manifest.schemaVersion);
    } catch (err) {
      return {
        ok: false,
        errors: [
          {
            key: 'errors.upgradeFailed',
            params: { version: manifest.schemaVersion, detail: String((err as Error)?.message ?? err).slice(0, 200) },
          },
        ],
      };
    }
  }

  const currentTables = schemaTables(current);
  for (const { name, unique } of currentTables) {
    for (const index of unique) {
      const seen = new Set<string>();
      for (const row of tables.get(name) ?? []) {
        const k = keyOf(row, index);
        if (k === null) continue; // IndexedDB does not index a missing value
        if (seen.has(k))
          push({
            key: 'errors.duplicateValue',
            params: { table: name, field: String(index), value: JSON.parse(k).join(', ').slice(0, 64) },
          });
        seen.add(k);
      }
    }
  }
  const schemas = resolveTableSchemas(currentTables);
  for (const [t, { name, primKey }] of currentTables.entries()) {
    progress({ phase: 'checking', done: t, total: currentTables.length });
    // Lets the page (or the worker's messages) through between tables.
    if (t % 4 === 3) await new Promise((r) => setTimeout(r, 0));
    const rows = tables.get(name) ?? [];
    const schema = schemas.get(name);
    for (let i = 0; i < rows.length && total < maxErrors * 4; i++) {
      const id = rowLabel(rows[i], i, primKey);
      if (schema) {
        const r = schema.safeParse(rows[i]);
        if (!r.success) push(...zodIssues(name, id, r.error));
      } else {
        for (const field of genericRowIssues(rows[i], primKey))
          push({ key: 'errors.invalidField', params: { table: name, id, field } });
      }
    }
  }
  push(...referenceIssues(tables, maxErrors));
  progress({ phase: 'checking', done: currentTables.length, total: currentTables.length });
  if (errors.length) return { ok: false, errors, total };

  const warnings: BackupIssue[] = [];
  for (const a of (tables.get('attachments') ?? []) as Array<{
    id: string;
    name: string;
    sha256: string;
    data: Uint8Array;
  }>) {
    // The bytes were hashed against the manifest while decoding; hash again only if they were not.
    if ((hashes.get(a.data) ?? (await sha256HexAsync(a.data))) !== a.sha256)
      warnings.push({ key: 'warnings.attachmentHash', params: { name: a.name } });
  }
  const counts: Record<string, number> = {};
  for (const [name, rows] of tables) counts[name] = rows.length;
  const plan: RestorePlan = { manifest, encrypted: header.encrypted, auth, tables, counts, warnings };
  const refusal = authIssue(auth);
  // Checked last, so that "restore anyway" is offered only for a file that is otherwise sound.
  if (refusal) return { ok: false, errors: [refusal], total: 1, unverified: plan };
  return { ok: true, plan };
}
