/**
 * Secret detection shared by the rule packs: names that usually hold secrets, values that are
 * clearly not literal secrets (references, placeholders), and well-known credential formats.
 */

const SECRET_NAME = /(^|[_.-])(pass(word|wd)?|pwd|secret|token|api[_.-]?key|apikey|access[_.-]?key|private[_.-]?key|client[_.-]?secret|auth|credentials?|conn(ection)?[_.-]?string|dsn|signing[_.-]?key|encryption[_.-]?key|webhook[_.-]?url)($|[_.-])/i;
const NOT_SECRET_NAME = /(^|[_.-])(file|path|dir|url_path|length|min|max|enabled|policy|type|mode|method|endpoint|username|user|id|name|ttl|timeout|expiry|expires|version|header|prefix|suffix|count|size|hash_algo|ref|arn|secret_name|key_id|expression|schedule|interval|period|days|public_key|certificate|cert|ca)$/i;

/**
 * Switches and descriptions named after a secret: `GRAFANA_DISABLE_AUTH`, `SKIP_TOKEN`,
 * `REQUIRE_PASSWORD` (flags), `…_SECRET_NAMES`, `…_TOKEN_USAGE_SUMMARY_TITLE` (names and labels).
 */
const FLAG_OR_LABEL_NAME = /(^|[_.-])(disabled?|enabled?|skip|no|use|requires?|required|allow|bypass|without|insecure)[_.-](auth(entication)?|tls|pass(word)?|token|secret)s?$|(^|[_.-])(names|title|label|description|summary|message|text|help|hint)$/i;

/** Whether an identifier (env var, variable, key) looks like it holds a secret. */
export function isSecretName(name: string): boolean {
  const n = name.replace(/([a-z])([A-Z])/g, '$1_$2');
  return SECRET_NAME.test(n) && !NOT_SECRET_NAME.test(n) && !FLAG_OR_LABEL_NAME.test(n);
}

/** Values that are references or placeholders, not literal secrets. */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) {
    return true;
  }
  if (/^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/.test(v) || /\$\{\{.*\}\}/.test(v) || /\{\{.*\}\}/.test(v) || /^\$\(.*\)$/.test(v)) {
    return true;
  }
  if (/^(changeme|change-me|replace[-_]?me|todo|xxx+|\*+|<[^>]+>|dummy|example|placeholder|none|null|false|true|test|secret|password)$/i.test(v)) {
    return true;
  }
  if (/^(vault:|secret:|arn:aws:secretsmanager:|projects\/[^/]+\/secrets\/|ref\+|sm:\/\/|awssm:|azurekv:|op:\/\/|file:|\/run\/secrets\/)/i.test(v)) {
    return true;
  }
  return false;
}

/**
 * Base64 openings of public material: `-----BEGIN CERTIFICATE-----`, `-----BEGIN PUBLIC KEY-----`,
 * `-----BEGIN RSA PUBLIC KEY-----`, `-----BEGIN X509 CRL-----`, and OpenSSH public keys
 * (`ssh-rsa AAAA`, `ssh-ed25519 AAAA`, `ecdsa-sha2-`). EKS' `cluster_auth_base64` is the first.
 */
const PUBLIC_BASE64 = /^(LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t|LS0tLS1CRUdJTiBQVUJMSUMgS0VZLS0tLS|LS0tLS1CRUdJTiBSU0EgUFVCTElDIEtFWS0tLS0t|LS0tLS1CRUdJTiBYNTA5IENSTC0tLS0t|c3NoLXJzYSBBQUFB|c3NoLWVkMjU1MTkgQUFBQ|ZWNkc2Etc2hhMi1)/;

/**
 * What a value is when it is public rather than secret, whatever its key is called: a
 * certificate or public key (PEM, base64 of PEM, OpenSSH), an ARN or an AWS schedule expression
 * (`rate(15 days)`, `cron(0 3 * * ? *)`), names of secrets, or an example placeholder. A value that also holds a private key is not public.
 */
export function publicValueKind(value: string): string | undefined {
  const v = value.trim();
  if (isExamplePlaceholder(v)) {
    return 'example placeholder';
  }
  if (/-----BEGIN ((RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY/.test(v)) {
    return undefined;
  }
  if (/^-----BEGIN (CERTIFICATE|PUBLIC KEY|RSA PUBLIC KEY|X509 CRL|PGP PUBLIC KEY BLOCK)-----/.test(v) || PUBLIC_BASE64.test(v)) {
    return 'certificate or public key';
  }
  if (/^(ssh-(rsa|dss|ed25519)|ecdsa-sha2-nistp\d+|sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com) AAAA[A-Za-z0-9+/=]+( \S+)?$/.test(v)) {
    return 'certificate or public key';
  }
  if (/^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12}|aws)?:/.test(v)) {
    return 'ARN';
  }
  if (/^(rate|cron|at)\([^()]*\)$/.test(v)) {
    return 'schedule expression';
  }
  // `COPILOT_TOKEN,GITHUB_TOKEN`: the names of secrets, for a step that looks them up or redacts
  // them; one such name (`GOOGLE_API_KEY_VAL`, `INSERT_TOKEN`) is a token a script substitutes
  if (/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+(\s*[,; ]\s*[A-Z][A-Z0-9]*(_[A-Z0-9]+)+)*$/.test(v)) {
    return 'names of secrets';
  }

  return undefined;
}

/** Placeholders written in examples: `yourpassword`, `my-password`, a PEM block whose body is `...`. */
export function isExamplePlaceholder(value: string): boolean {
  const v = value.trim();
  return (
    /^(my|your|some|test|example|sample|dummy|fake)[-_ ]?(password|passwd|pass|secret|token|key|api[-_]?key|username|user)$/i.test(v) ||
    /^-----BEGIN [A-Z ]+-----\s*(\.\.\.|…|<[^>]*>)?\s*-----END [A-Z ]+-----$/.test(v)
  );
}

/** Well-known credential formats, by name. Matching any of these is a finding whatever the name. */
const KNOWN_FORMATS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'AWS access key id', pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { name: 'GitHub token', pattern: /\b(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}\b/ },
  { name: 'GitHub fine-grained token', pattern: /\bgithub_pat_[A-Za-z0-9_]{60,}\b/ },
  { name: 'GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/ },
  { name: 'Slack token', pattern: /\bxox[baprs]-[A-Za-z0-9-]{10,}\b/ },
  { name: 'Stripe secret key', pattern: /\b[sr]k_live_[A-Za-z0-9]{20,}\b/ },
  { name: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { name: 'Anthropic API key', pattern: /\bsk-ant-[A-Za-z0-9_-]{20,}\b/ },
  { name: 'OpenAI API key', pattern: /\bsk-(proj-)?[A-Za-z0-9]{32,}\b/ },
  { name: 'private key', pattern: /-----BEGIN ((RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY( BLOCK)?-----/ },
  { name: 'npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { name: 'SendGrid API key', pattern: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/ },
  { name: 'JSON web token', pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b/ },
  { name: 'password in URL', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:[^\s@/$]{3,}@[^\s]+/i },
];

/** The known credential formats (name and pattern), for hosts that redact them from text. */
export function secretFormats(): readonly { name: string; pattern: RegExp }[] {
  return KNOWN_FORMATS;
}

/** The name of a known credential format found in a value, if any. */
export function knownSecretFormat(value: string): string | undefined {
  for (const f of KNOWN_FORMATS) {
    if (f.pattern.test(value)) {
      if (f.name === 'password in URL' && /:\/\/[^:]+:(\$|\{\{|\$\{)/.test(value)) {
        continue;
      }
      // a documented PEM block with `...` for its body
      if (f.name === 'private key' && isExamplePlaceholder(value)) {
        continue;
      }
      return f.name;
    }
  }
  return undefined;
}

/**
 * Whether `name = value` is a hard-coded secret: a secret-like name with a literal,
 * non-placeholder value, or any value in a known credential format.
 */
export function literalSecret(name: string, value: string | undefined): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  const known = knownSecretFormat(value);
  if (known) {
    return known;
  }
  if (isSecretName(name) && !isPlaceholderValue(value) && publicValueKind(value) === undefined) {
    return 'secret-like name';
  }
  return undefined;
}
