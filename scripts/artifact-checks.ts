/**
 * The checks on a packaged app (scripts/check-artifact.ts runs them; CI fails on any):
 * - the fuses read back from the binary equal electron-builder.yml's `electronFuses`;
 * - ASAR integrity is on (the fuses, the archive, and on macOS the header hash in Info.plist);
 * - Electronegativity finds nothing HIGH or MEDIUM beyond the reviewed false positives listed in
 *   scripts/electronegativity-suppressions.json (by rule and file, each with its reason).
 * Pure functions over text and bytes, so they are unit-tested without Electron.
 */
import { createHash } from 'node:crypto';
import { openSync, readSync, closeSync } from 'node:fs';

/** electron-builder's `electronFuses` keys → the fuse's index in the V1 fuse wire (@electron/fuses FuseV1Options). */
export const FUSE_INDEX: Record<string, number> = {
  runAsNode: 0,
  enableCookieEncryption: 1,
  enableNodeOptionsEnvironmentVariable: 2,
  enableNodeCliInspectArguments: 3,
  enableEmbeddedAsarIntegrityValidation: 4,
  onlyLoadAppFromAsar: 5,
  loadBrowserProcessSpecificV8Snapshot: 6,
  grantFileProtocolExtraPrivileges: 7,
};

/** Fuse states as stored in the binary (@electron/fuses FuseState): ASCII '0', '1', 'r'. */
export const FUSE_DISABLED = 48;
export const FUSE_ENABLED = 49;
export const FUSE_REMOVED = 114;

/** What @electron/fuses' getCurrentFuseWire returns: the version and one state byte per index. */
export type FuseWire = { version: string } & Record<number, number>;

/** The fuses electron-builder.yml asks for; unknown keys are an error (a typo would silently not flip). */
export function expectedFuses(builderConfig: unknown): Record<string, boolean> {
  const fuses = (builderConfig as { electronFuses?: unknown } | null)?.electronFuses;
  if (!fuses || typeof fuses !== 'object') throw new Error('electron-builder.yml has no electronFuses section');
  const out: Record<string, boolean> = {};
  for (const [key, value] of Object.entries(fuses)) {
    if (!(key in FUSE_INDEX)) throw new Error(`electron-builder.yml: unknown fuse "${key}"`);
    if (typeof value !== 'boolean') throw new Error(`electron-builder.yml: fuse "${key}" must be true or false`);
    out[key] = value;
  }
  return out;
}

/** One line per fuse whose state in the binary differs from the config; empty when all match. */
export function compareFuses(expected: Record<string, boolean>, wire: FuseWire): string[] {
  if (wire.version !== '1') return [`unsupported fuse wire version ${wire.version}`];
  const problems: string[] = [];
  for (const [key, want] of Object.entries(expected)) {
    const state = wire[FUSE_INDEX[key]];
    const have =
      state === FUSE_ENABLED ? 'on' : state === FUSE_DISABLED ? 'off' : state === FUSE_REMOVED ? 'removed' : 'missing';
    if (have !== (want ? 'on' : 'off'))
      problems.push(`fuse ${key}: electron-builder.yml says ${want ? 'on' : 'off'}, the binary has ${have}`);
  }
  return problems;
}

/** Problems with ASAR integrity as far as the fuse wire shows it (both fuses must be on). */
export function asarIntegrityFromFuses(wire: FuseWire): string[] {
  const problems: string[] = [];
  if (wire[FUSE_INDEX.enableEmbeddedAsarIntegrityValidation] !== FUSE_ENABLED)
    problems.push('ASAR integrity: the EnableEmbeddedAsarIntegrityValidation fuse is not on');
  if (wire[FUSE_INDEX.onlyLoadAppFromAsar] !== FUSE_ENABLED)
    problems.push(
      'ASAR integrity: the OnlyLoadAppFromAsar fuse is not on (an app folder next to the archive would be loaded unchecked)',
    );
  return problems;
}

/**
 * SHA-256 (hex) of an ASAR archive's JSON header, which is what Electron checks against the hash
 * electron-builder embeds. Layout: a pickle holding the header pickle's size (bytes 4..8), then the
 * header pickle: payload size, string length (bytes 12..16), the header string from byte 16.
 */
export function asarHeaderHash(asarPath: string): string {
  const fd = openSync(asarPath, 'r');
  try {
    const sizes = Buffer.alloc(16);
    readSync(fd, sizes, 0, 16, 0);
    const length = sizes.readUInt32LE(12);
    const header = Buffer.alloc(length);
    readSync(fd, header, 0, length, 16);
    return createHash('sha256').update(header).digest('hex');
  } finally {
    closeSync(fd);
  }
}

/**
 * The ElectronAsarIntegrity entry for Resources/app.asar in a macOS Info.plist (XML), or null.
 * electron-builder writes: <key>ElectronAsarIntegrity</key><dict><key>Resources/app.asar</key>
 * <dict><key>algorithm</key><string>SHA256</string><key>hash</key><string>…</string></dict></dict>.
 */
export function plistAsarIntegrity(plistXml: string): { algorithm: string; hash: string } | null {
  const section =
    /<key>ElectronAsarIntegrity<\/key>\s*<dict>\s*<key>Resources\/app\.asar<\/key>\s*<dict>([\s\S]*?)<\/dict>/.exec(
      plistXml,
    );
  if (!section) return null;
  const value = (name: string) => new RegExp(`<key>${name}</key>\\s*<string>([^<]*)</string>`).exec(section[1])?.[1];
  const algorithm = value('algorithm');
  const hash = value('hash');
  return algorithm && hash ? { algorithm, hash } : null;
}

export interface Finding {
  rule: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  sample: string;
}

/** Splits one CSV line, honouring double quotes (and "" inside them). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field.trim());
      field = '';
    } else field += c;
  }
  fields.push(field.trim());
  return fields;
}

/** Parses Electronegativity's CSV output (`-o results.csv`); paths are normalised to forward slashes. */
export function parseElectronegativityCsv(text: string): Finding[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = csvFields(lines[0] ?? '').map((h) => h.toLowerCase());
  if (header[0] !== 'issue' || !header.includes('severity'))
    throw new Error('not an Electronegativity CSV (expected a header starting with "issue, severity")');
  const col = (name: string) => header.indexOf(name);
  return lines.slice(1).map((line) => {
    const f = csvFields(line);
    return {
      rule: f[col('issue')],
      severity: f[col('severity')].toUpperCase(),
      confidence: f[col('confidence')] ?? '',
      file: (f[col('filename')] ?? '').replace(/\\/g, '/').replace(/^\.\//, ''),
      location: f[col('location')] ?? '',
      sample: f[col('sample')] ?? '',
    };
  });
}

export interface Suppression {
  rule: string;
  /** The file as Electronegativity reports it with `-r` ("N/A" for app-wide checks). */
  file: string;
  /** How many findings of this rule in this file were reviewed; one more fails the check. */
  count: number;
  /** One line: why this finding is a false positive. */
  reason: string;
}

export interface Evaluation {
  failures: string[];
  suppressed: { finding: Finding; reason: string }[];
  /** Suppressions that matched nothing: the code changed; remove them. */
  stale: Suppression[];
}

const BLOCKING = new Set(['HIGH', 'MEDIUM']);

/** Fails every HIGH/MEDIUM finding not covered by a suppression (by rule and file, up to its count). */
export function evaluateFindings(findings: readonly Finding[], suppressions: readonly Suppression[]): Evaluation {
  for (const s of suppressions) {
    if (!s.reason?.trim()) throw new Error(`suppression ${s.rule} ${s.file} has no reason`);
    if (!Number.isInteger(s.count) || s.count < 1) throw new Error(`suppression ${s.rule} ${s.file} needs a count ≥ 1`);
  }
  const used = new Map<Suppression, number>();
  const failures: string[] = [];
  const suppressed: Evaluation['suppressed'] = [];
  for (const finding of findings) {
    if (!BLOCKING.has(finding.severity)) continue;
    const rule = suppressions.find((s) => s.rule === finding.rule && s.file === finding.file);
    const n = rule ? (used.get(rule) ?? 0) : 0;
    if (rule && n < rule.count) {
      used.set(rule, n + 1);
      suppressed.push({ finding, reason: rule.reason });
      continue;
    }
    const extra = rule ? ` (more than the ${rule.count} reviewed)` : '';
    failures.push(
      `${finding.severity} ${finding.rule} in ${finding.file} at ${finding.location}${extra}: ${finding.sample}`,
    );
  }
  return { failures, suppressed, stale: suppressions.filter((s) => !used.has(s)) };
}
