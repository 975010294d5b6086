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

interface Rule {
  kind: SecretKind;
  re: RegExp;
  /** Index of the capture group that is the secret itself (0 = the whole match). */
  group: number;
  accept?: (value: string) => boolean;
}

const value = String.raw`("[^"\n]{3,}"|'[^'\n]{3,}'|[^\s"'，。；;,&]{3,})`;
const passwordLabel = String.raw`(?:password|passwd|passphrase|pass|pwd|pw|口令|密码|密碼)`;
const tokenLabel = String.raw`(?:api[_-]?key|api[_-]?token|access[_-]?token|auth[_-]?token|access[_-]?key(?:[_-]?id)?|secret[_-]?key|client[_-]?secret|secret|token|密钥|令牌)`;

const rules: Rule[] = [
  {
    kind: 'private-key',
    re: /-----BEGIN ([A-Z ]*)PRIVATE KEY-----([\s\S]*?)-----END \1PRIVATE KEY-----/g,
    group: 2,
  },
  {
    kind: 'connection-string',
    // scheme://user:password@host — the password between ':' and '@'.
    re: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:([^\s/@]+)@[^\s/]+/gi,
    group: 1,
  },
  {
    kind: 'token',
    re: /\bBearer\s+([A-Za-z0-9\-._~+/]{16,}=*)/g,
    group: 1,
  },
  {
    kind: 'token',
    re: /\b(AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{30,}|sk-[A-Za-z0-9_-]{20,}|xox[abprs]-[A-Za-z0-9-]{10,}|eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,})/g,
    group: 1,
  },
  {
    kind: 'password',
    re: new RegExp(String.raw`${passwordLabel}\s*[:=：]\s*${value}`, 'gi'),
    group: 1,
    accept: (v) => ascii(v) && !/^\**$/.test(v.replace(/^["']|["']$/g, '')),
  },
  {
    kind: 'token',
    re: new RegExp(String.raw`${tokenLabel}\s*[:=：]\s*${value}`, 'gi'),
    group: 1,
    accept: (v) => v.replace(/^["']|["']$/g, '').length >= 8 && /\d/.test(v) && !/^\**$/.test(v),
  },
];

/** Every secret-looking value in `text`, in order, overlapping hits merged. */
export function findSecrets(text: string): SecretHit[] {
  const hits: SecretHit[] = [];
  for (const rule of rules) {
    for (const m of text.matchAll(rule.re)) {
      const v = m[rule.group];
      if (v === undefined || (rule.accept && !rule.accept(v))) continue;
      if (/^["']?\*+["']?$/.test(v.trim())) continue; // already masked
      const offset = rule.group === 0 ? 0 : m[0].lastIndexOf(v);
      let start = m.index + offset;
      let end = start + v.length;
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
