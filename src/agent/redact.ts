import { isPlaceholderValue, isSecretName, secretFormats } from '../core/rules/shared/secrets';

/**
 * What reaches the model is scrubbed: credentials in well-known formats, private key blocks and
 * literal values of secret-like keys (`password: hunter2`, `API_TOKEN=…`) are replaced by a
 * marker, and long text is cut to its head and tail.
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
const PASSWORD_IN_URL = /(?<!\w)[a-z][a-z0-9+.-]{0,31}:\/\/[^\s:/@]+:[^\s@/$]{3,}@[^\s]+/gi;

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

/** Replace secret values in text before it is sent to the model. */
export function redactSecrets(text: string): Redacted {
  let count = 0;
  let out = text.replace(PRIVATE_KEY_BLOCK, () => {
    count++;
    return '[REDACTED private key]';
  });
  for (const f of formats()) {
    out = out.replace(f.pattern, (m) => {
      if (f.name === 'password in URL') {
        // keep scheme, user and host: only the password goes
        const r = /^([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)([^\s@/$]{3,})(@.*)$/i.exec(m);
        if (r && !/^(\$|\{\{|\$\{)/.test(r[2])) {
          count++;
          return `${r[1]}[REDACTED]${r[3]}`;
        }
        return m;
      }
      count++;
      return `[REDACTED ${f.name}]`;
    });
  }
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
