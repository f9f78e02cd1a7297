import { isPlaceholderValue, isSecretName, secretFormats } from '../core/rules/shared/secrets';
import type { SecretValues } from './secretValues';

/**
 * What reaches the model is scrubbed: the known secret values of the workspace and the process in
 * any encoding (src/agent/secretValues.ts), credentials in well-known formats, private key blocks
 * and literal values of secret-like keys (`password: hunter2`, `API_TOKEN=…`, YAML block scalars,
 * Kubernetes Secret keys, headers) are replaced by a marker, and long text is cut to its head and
 * tail.
 */

/** Text with secrets replaced, and how many were replaced. */
export interface Redacted {
  text: string;
  count: number;
}

const PRIVATE_KEY_BLOCK = /-----BEGIN ((?:RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY( BLOCK)?-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY( BLOCK)?-----|$)/g;
/**
 * `key: value`, `key = "value"`, `KEY=value`, `"key": "value"` on one line. Groups: opening quote
 * (or none), leading digits/dots/dashes, the key, the separator, the value's quote, the value.
 * An unquoted key starts where an identifier run starts (the lookbehind), and the run is taken
 * whole through a lookahead (an atomic group): the plain `[A-Za-z_][A-Za-z0-9_.-]*` form retried
 * at every position of a long run and made redaction quadratic (16,000 letters took seconds, a
 * command printing megabytes of them never finished).
 */
const ASSIGNMENT = /(?:(["'])|(?<![A-Za-z0-9_.-]))([0-9.-]*)(?=([A-Za-z_][A-Za-z0-9_.-]*))\3\1([ \t]*[:=][ \t]*)(["']?)([^\s"'#,;}]{4,}|"[^"\n]{4,}"|'[^'\n]{4,}')\5/g;
/**
 * The shared `password in URL` format with a bounded scheme that starts after a non-word
 * character (what `\b` meant there): the shared pattern's unbounded scheme is quadratic on long
 * dotted runs such as `a.a.a.a…`.
 */
const PASSWORD_IN_URL = /(?<!\w)[a-z][a-z0-9+.-]{0,31}:\/\/[^\s:/@]+:[^\s@/]{3,}@[^\s]+/gi;
/** The parts of a matched URL: up to the password, the password (which may hold `$`), the rest. */
const URL_PARTS = /^([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)([^\s@/]{3,})(@.*)$/i;
/** A password that is a whole reference (`$DB_PASS`, `${DB_PASS}`, `$(cat f)`, `{{ .pw }}`): kept. */
const REFERENCE = /^(\$[A-Za-z_][A-Za-z0-9_]*|\$\{[^}]*\}|\$\(.*\)|\{\{.*\}\}|\$\{\{.*\}\})$/;

/**
 * Formats the shared list lacks, for redaction only (the rules do not report them): `sk-` keys
 * whose body holds `-` or `_` (`sk-proj-…`), Google OAuth access tokens, Vault service, batch and
 * recovery tokens. Each starts after a character that cannot continue a token, and the token is
 * taken whole (no backtracking to a word boundary), so a long run costs one attempt.
 */
const EXTRA_FORMATS: readonly { name: string; pattern: RegExp; accept?: (m: string) => boolean }[] = [
  // real keys mix cases and digits; kebab-case names such as `sk-some-long-component-name` do not
  { name: 'API key', pattern: /(?<![A-Za-z0-9_-])sk-[A-Za-z0-9_-]{20,}/g, accept: (m) => /[0-9]/.test(m) && /[A-Z]/.test(m) && /[a-z]/.test(m.slice(3)) },
  { name: 'Google OAuth access token', pattern: /(?<![A-Za-z0-9_-])ya29\.[A-Za-z0-9_-]{20,}/g },
  { name: 'Vault token', pattern: /(?<![A-Za-z0-9_-])hv[sbr]\.[A-Za-z0-9_-]{20,}/g },
];

/**
 * Keys whose value is a secret whatever `isSecretName` says: Kubernetes Secret entries
 * (`tls.key`, `.dockerconfigjson`, `ssh-privatekey`), kubeconfig `client-key-data`, key files.
 */
const SECRET_DATA_KEY = /^(\.dockerconfigjson|\.dockercfg|ssh-privatekey|client-key-data|[A-Za-z0-9_-]*\.key|id_(rsa|dsa|ecdsa|ed25519))$/i;
/**
 * One of those keys with an inline value (`tls.key: LS0t…`, `"client-key-data": "…"`,
 * `.dockerconfigjson: '{"auths":…}'`). The key starts after a line start, blank, `{` or `,`.
 */
const SECRET_DATA_ENTRY = /(^|[\s{,])(["']?)(\.dockerconfigjson|\.dockercfg|ssh-privatekey|client-key-data|[A-Za-z0-9_-]*\.key|id_(?:rsa|dsa|ecdsa|ed25519))\2([ \t]*:[ \t]*)("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^\s"'#,}]{4,})/gim;
/**
 * A YAML block scalar (`password: |`, `tls.key: >-`) whose lines follow, indented. Anchored at a
 * line start, so each line is tried once.
 */
const BLOCK_HEADER = /^([ \t]*)(?:-[ \t]+)?(["']?)([A-Za-z0-9_.-]+)\2[ \t]*:[ \t]*[|>][0-9+-]{0,2}[ \t]*(?:#[^\n]*)?\r?$/gm;
/** `Authorization: Bearer …`, `Basic …`, `token …` in headers, curl `-H` arguments and JSON. */
const AUTHORIZATION = /(?<![A-Za-z0-9_-])((?:proxy-)?authorization["']?[ \t]*[:=][ \t]*["']?)(?:(bearer|basic|token|digest|negotiate|bot)[ \t]+)?([^\s"'\\,;]+)/gi;
/** Azure connection strings: `AccountKey=…;`, `SharedAccessKey=…`, `SharedAccessSignature=…`. */
const AZURE_KEY = /(?<![A-Za-z0-9])(AccountKey|SharedAccessKey|SharedAccessSignature)=([^;\s"']+)/gi;
/**
 * Variables whose value is a password however short (`PGPASSWORD=x psql`), which the
 * `key = value` pattern misses by name (`PGPASSWORD` has no word boundary) or by length.
 */
const PASSWORD_VARIABLE = /(?<![A-Za-z0-9_])(PGPASSWORD|MYSQL_PWD|REDISCLI_AUTH)([ \t]*[:=][ \t]*)("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^\s"';&|)]+)/g;

/**
 * A Terraform variable with a secret-like name and a literal default: the value sits on a
 * `default = "…"` line whose key says nothing, so the line-based pattern above misses it.
 */
const HCL_SECRET_DEFAULT = /(\bvariable[ \t]+"([^"\n]+)"[ \t]*\{[^{}]*?\bdefault[ \t]*=[ \t]*)"([^"\n]{4,})"/g;

let globalFormats: { name: string; pattern: RegExp }[] | undefined;

function formats(): { name: string; pattern: RegExp }[] {
  globalFormats ??= secretFormats()
    .filter((f) => f.name !== 'private key')
    .map((f) => ({ name: f.name, pattern: f.name === 'password in URL' ? PASSWORD_IN_URL : new RegExp(f.pattern.source, f.pattern.flags.includes('g') ? f.pattern.flags : f.pattern.flags + 'g') }));
  return globalFormats;
}

/** Whether a value found beside a secret key is a reference or already redacted (kept as is). */
function keep(value: string): boolean {
  const bare = value.replace(/^["']|["']$/g, '');
  return bare === '' || bare.startsWith('[REDACTED') || isPlaceholderValue(bare) || REFERENCE.test(bare) || /^(\$|\{\{|<)/.test(bare);
}

/**
 * YAML block scalars under secret keys: the header stays, the indented lines become one
 * `[REDACTED]` line. Each header's body is scanned once and skipped, so the pass is linear.
 */
function redactBlockScalars(text: string): Redacted {
  let count = 0;
  let out = '';
  let last = 0;
  BLOCK_HEADER.lastIndex = 0;
  for (let m = BLOCK_HEADER.exec(text); m !== null; m = BLOCK_HEADER.exec(text)) {
    const headerEnd = m.index + m[0].length;
    if (!isSecretName(m[3]) && !SECRET_DATA_KEY.test(m[3])) {
      continue;
    }
    const indent = m[1].length;
    let pos = headerEnd;
    let bodyEnd = headerEnd;
    let bodyIndent: string | undefined;
    while (pos < text.length && text[pos] === '\n') {
      const lineStart = pos + 1;
      const nl = text.indexOf('\n', lineStart);
      const lineEnd = nl < 0 ? text.length : nl;
      const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
      const lead = /^[ \t]*/.exec(line)?.[0] ?? '';
      if (lead.length < line.length) {
        if (lead.length <= indent) {
          break;
        }
        bodyIndent ??= lead;
        bodyEnd = lineEnd;
      }
      pos = lineEnd;
    }
    if (bodyIndent === undefined) {
      continue;
    }
    // a kept body is skipped too: scanning it again from each header nested in it is quadratic
    BLOCK_HEADER.lastIndex = bodyEnd;
    const body = text.slice(headerEnd, bodyEnd).trim();
    if (!body.includes('\n') && keep(body)) {
      continue;
    }
    const cr = m[0].endsWith('\r') ? '\r' : '';
    out += `${text.slice(last, headerEnd)}\n${bodyIndent}[REDACTED]${cr}`;
    last = bodyEnd;
    count++;
  }
  return count === 0 ? { text, count } : { text: out + text.slice(last), count };
}

/**
 * Replace secrets in text before it is sent to the model: first every occurrence of the known
 * secret `values` (in any encoding), then secrets recognised by their shape.
 */
export function redactSecrets(text: string, values?: SecretValues): Redacted {
  let count = 0;
  let out = text;
  if (values) {
    const byValue = values.redact(out);
    out = byValue.text;
    count += byValue.count;
  }
  const blocks = redactBlockScalars(out);
  out = blocks.text;
  count += blocks.count;
  out = out.replace(PRIVATE_KEY_BLOCK, () => {
    count++;
    return '[REDACTED private key]';
  });
  for (const f of formats()) {
    out = out.replace(f.pattern, (m) => {
      if (f.name === 'password in URL') {
        // keep scheme, user and host: only the password goes
        const r = URL_PARTS.exec(m);
        if (r && !REFERENCE.test(r[2]) && !r[2].startsWith('[REDACTED')) {
          count++;
          return `${r[1]}[REDACTED]${r[3]}`;
        }
        return m;
      }
      count++;
      return `[REDACTED ${f.name}]`;
    });
  }
  for (const f of EXTRA_FORMATS) {
    out = out.replace(f.pattern, (m) => {
      if (f.accept && !f.accept(m)) {
        return m;
      }
      count++;
      return `[REDACTED ${f.name}]`;
    });
  }
  out = out.replace(SECRET_DATA_ENTRY, (m, before: string, q1: string, key: string, sep: string, value: string) => {
    if (keep(value)) {
      return m;
    }
    count++;
    const q = /^["']/.test(value) ? value[0] : '';
    return `${before}${q1}${key}${q1}${sep}${q}[REDACTED]${q}`;
  });
  out = out.replace(AUTHORIZATION, (m, head: string, scheme: string | undefined, credential: string) => {
    if (keep(credential) || /^(bearer|basic|token|digest|negotiate|bot)$/i.test(credential) || (scheme === undefined && !(credential.length >= 12 && /[0-9]/.test(credential)))) {
      return m;
    }
    count++;
    return `${head}${scheme ? `${scheme} ` : ''}[REDACTED]`;
  });
  out = out.replace(AZURE_KEY, (m, key: string, value: string) => {
    if (keep(value)) {
      return m;
    }
    count++;
    return `${key}=[REDACTED]`;
  });
  out = out.replace(PASSWORD_VARIABLE, (m, name: string, sep: string, value: string) => {
    // single quotes make `$` literal; elsewhere a leading `$` is a reference
    const literal = value.startsWith("'");
    if (value.replace(/^["']|["']$/g, '') === '' || value.startsWith('[REDACTED') || (!literal && /^"?\$/.test(value)) || isPlaceholderValue(value.replace(/^["']|["']$/g, ''))) {
      return m;
    }
    count++;
    const q = /^["']/.test(value) ? value[0] : '';
    return `${name}${sep}${q}[REDACTED]${q}`;
  });
  out = out.replace(ASSIGNMENT, (m, quote: string | undefined, lead: string, key: string, sep: string, q2: string, value: string) => {
    const q1 = quote ?? '';
    const bare = value.replace(/^["']|["']$/g, '');
    if (!isSecretName(key) || isPlaceholderValue(bare) || bare.startsWith('[REDACTED') || /^(true|false|\d+)$/i.test(bare)) {
      return m;
    }
    count++;
    return `${q1}${lead}${key}${q1}${sep}${q2}[REDACTED]${q2}`;
  });
  out = out.replace(HCL_SECRET_DEFAULT, (m, head: string, name: string, value: string) => {
    if (!isSecretName(name) || isPlaceholderValue(value) || value.includes('${') || value.startsWith('[REDACTED')) {
      return m;
    }
    count++;
    return `${head}"[REDACTED]"`;
  });
  return { text: out, count };
}

/** Keep the head and tail of long text with a note of what was cut. */
export function capText(text: string, limit: number): string {
  if (text.length <= limit) {
    return text;
  }
  const head = Math.floor(limit * 0.6);
  const tail = limit - head;
  const omitted = text.length - head - tail;
  return `${text.slice(0, head)}\n[… ${omitted} characters omitted; the output was ${text.length} characters …]\n${text.slice(text.length - tail)}`;
}
