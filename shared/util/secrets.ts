/**
 * Finds what looks like a secret in free text (a password pair, a private key block, a bearer or API
 * token, a connection string with a password) and masks it. Pure and synchronous: used by the form
 * hook that offers to mask before saving (renderer/features/access/secret-check.tsx).
 */

export type SecretKind = 'password' | 'private-key' | 'token' | 'connection-string';

export interface SecretHit {
  kind: SecretKind;
  /** The part replaced by the mask (the value, not its label). */
  start: number;
  end: number;
}

export const SECRET_MASK = '******';

const ascii = (s: string) => /[\x21-\x7e]/.test(s);
const unquote = (s: string) => s.replace(/^["']|["']$/g, '');
/** `$VAR`, `${VAR}`, `$(command)`, `%VAR%`, `<placeholder>`, `{{template}}`: a reference to a secret, not one. */
const isReference = (s: string) => /^(?:\$[({A-Za-z_]|%\w+%|<[^>]*>?$|\{\{)/.test(s);
/** `/home/user`, `~/dir`, `./conf` (two levels from the root, or from `~`/`.`): a path (`pwd` output), not a password. */
const isPath = (s: string) => /^(?:(?:~|\.{1,2})\/[\w.-]+(?:\/[\w.-]*)*|\/[\w.-]+(?:\/[\w.-]*)+)$/.test(s);

interface Rule {
  kind: SecretKind;
  re: RegExp;
  /** Index of the capture group that is the secret itself (0 = the whole match, -1 = the first that matched). */
  group: number;
  /** Decides on a candidate: its value as matched, and the match's label (group 1) where the rule has one. */
  accept?: (value: string, label: string) => boolean;
}

/**
 * A value: quoted, or a run of characters that ends at white space, a separator, or Chinese text and
 * its full-width punctuation (a password pasted inside a Chinese sentence keeps the sentence).
 */
const value = String.raw`("[^"\n]{3,}"|'[^'\n]{3,}'|[^\s"'，。；;,&\u3000-\u303f\u3400-\u9fff\uff00-\uffef]{3,})`;
/**
 * Password labels. Never right after `$`, `%` or `{` (`$PWD`, `%PASSWORD%` name variables, not
 * secrets); the short ones also not inside a word (`bypass`, `compass`).
 */
const passwordLabel = String.raw`((?<![$%{])(?:password|passwd|passphrase)|(?<![A-Za-z$%{])(?:pass|pwd|pw)|口令|密码|密碼)`;
/** After the label: an optional closing quote (JSON, YAML), then `=`, `:` or `：`; Chinese labels also `是`/`为`. */
const passwordSep = String.raw`["']?\s*(?:[:=：]|(?<=[口令密码碼])\s*[是为][:：]?)\s*`;
const tokenLabel = String.raw`(?:api[_-]?key|api[_-]?token|access[_-]?token|auth[_-]?token|access[_-]?key(?:[_-]?id)?|secret[_-]?key|client[_-]?secret|secret|token|密钥|令牌)`;

const rules: Rule[] = [
  {
    kind: 'private-key',
    re: /-----BEGIN ([A-Z ]*)PRIVATE KEY-----([\s\S]*?)-----END \1PRIVATE KEY-----/dg,
    group: 2,
  },
  {
    kind: 'connection-string',
    // scheme://user:password@host (the user may be empty: redis://:password@host) — the password between ':' and '@'.
    re: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:([^\s/@]+)@[^\s/]+/dgi,
    group: 1,
  },
  {
    kind: 'token',
    re: /\bBearer\s+([A-Za-z0-9\-._~+/]{16,}=*)/dg,
    group: 1,
  },
  {
    kind: 'token',
    re: /\b(AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{30,}|sk-[A-Za-z0-9_-]{20,}|xox[abprs]-[A-Za-z0-9-]{10,}|eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,})/dg,
    group: 1,
  },
  {
    kind: 'password',
    re: new RegExp(String.raw`${passwordLabel}${passwordSep}${value}`, 'dgi'),
    group: 2,
    accept: (v, label) => {
      const bare = unquote(v);
      if (!ascii(bare) || /^\**$/.test(bare) || isReference(bare) || isPath(bare)) return false;
      // `密码为password=…`: the value is itself a labelled pair, judged on its own.
      if (/^(?:pass\w*|pwd|pw|[\w-]*(?:key|token|secret))["']?\s*[:=]/i.test(bare)) return false;
      // `pass` and `pw` also label results and counters (`pass: 3/3`, `Pass=Fail`): only a value
      // that mixes letters with digits or symbols counts there.
      if (/^(?:pass|pw)$/i.test(label)) return bare.length >= 6 && /[A-Za-z]/.test(bare) && /[^A-Za-z]/.test(bare);
      return true;
    },
  },
  {
    kind: 'password',
    // Passwords on a command line: `mysql -uroot -pS3cret` (no space after -p), `sshpass -p S3cret`.
    re: /\b(?:mysql|mysqldump|mysqladmin)\b[^\n]*?\s-p([^\s'"]{3,})|\bsshpass\s+-p\s*([^\s'"]{3,})/dg,
    group: -1,
  },
  {
    kind: 'token',
    re: new RegExp(String.raw`(?<![$%{])${tokenLabel}["']?\s*[:=：]\s*${value}`, 'dgi'),
    group: 1,
    accept: (v) => unquote(v).length >= 8 && /\d/.test(v) && !/^\**$/.test(v) && !isReference(unquote(v)),
  },
];

/** Every secret-looking value in `text`, in order, overlapping hits merged. */
export function findSecrets(text: string): SecretHit[] {
  const hits: SecretHit[] = [];
  for (const rule of rules) {
    const re = new RegExp(rule.re);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const group = rule.group >= 0 ? rule.group : m.findIndex((g, i) => i > 0 && g !== undefined);
      const v = group >= 0 ? m[group] : undefined;
      if (v === undefined || (rule.accept && !rule.accept(v, m[1] ?? '')) || /^["']?\*+["']?$/.test(v.trim())) {
        // A refused candidate may hide one that starts inside it (`密码为password=…`): look again just after its start.
        re.lastIndex = m.index + 1;
        continue;
      }
      // Exact positions of the group (the `d` flag), not a search for its text in the match.
      let [start, end] = m.indices![group]!;
      // A quoted value keeps its quotes; the mask goes inside them.
      if (/^["']/.test(v) && v.length >= 2 && v.at(-1) === v[0]) {
        start += 1;
        end -= 1;
      }
      hits.push({ kind: rule.kind, start, end });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: SecretHit[] = [];
  for (const h of hits) {
    const last = merged.at(-1);
    if (last && h.start < last.end) last.end = Math.max(last.end, h.end);
    else merged.push({ ...h });
  }
  return merged;
}

/** `text` with every secret value replaced by the mask (labels, key headers and hosts stay readable). */
export function maskSecrets(text: string): string {
  const hits = findSecrets(text);
  let out = text;
  for (const h of [...hits].reverse()) {
    // A key body (whitespace around it included) becomes one mask line between its header lines.
    const mask = h.kind === 'private-key' ? `\n${SECRET_MASK}\n` : SECRET_MASK;
    out = out.slice(0, h.start) + mask + out.slice(h.end);
  }
  return out;
}
