import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redactSecrets } from '../../../src/agent/redact';
import { SecretValues } from '../../../src/agent/secretValues';
import { isPlaceholderValue, isSecretName } from '../../../src/core/rules/shared/secrets';
import { prng } from '../../helpers/prng';

/**
 * Redaction runs over every command output and file the agent reads (up to the shell's 2 MB),
 * so it must be linear: these inputs made the earlier `key = value` pattern retry at every
 * position of a long identifier run (quadratic; a 100 MB flood never finished). The bound here is
 * the test timeout, not a timing: a quadratic pattern takes hours on a megabyte.
 */
const MB = 1_000_000;
const ADVERSARIAL: Record<string, string> = {
  'one long identifier': 'a'.repeat(MB),
  'dotted run': 'a.'.repeat(MB / 2),
  'digits and letters': '1a'.repeat(MB / 2),
  'dashed run': 'a-'.repeat(MB / 2),
  'scheme-like dotted run': 'a.b+'.repeat(MB / 4),
  'schemes without credentials': 'a://'.repeat(MB / 4),
  'JWT-like heads': 'eyJaaaaaaaaaaaa.'.repeat(MB / 16),
  'quotes and letters': '"a'.repeat(MB / 2),
  'keys without values': 'password: \n'.repeat(MB / 11),
  'private key headers without an end': '-----BEGIN PRIVATE KEY-----\n'.repeat(MB / 28),
  'block scalar headers without bodies': 'password: |\n'.repeat(MB / 12),
  'block scalar headers at growing indents': Array.from({ length: MB / 30 }, (_, i) => `${' '.repeat(i % 40)}secret: >-\n`).join(''),
  'one block scalar with a megabyte body': `password: |\n${'  line\n'.repeat(MB / 7)}`,
  'block scalars nested ever deeper with kept bodies': Array.from({ length: 1400 }, (_, i) => `${' '.repeat(i)}password: |\n${' '.repeat(i + 1)}$X\n`).join(''),
  'authorization headers without credentials': 'Authorization: '.repeat(MB / 15),
  'sk- prefixes': 'sk-'.repeat(MB / 3),
  'one sk- key a megabyte long': `sk-${'a'.repeat(MB)}`,
  'dotted run ending in .key': ` ${'a.'.repeat(MB / 2)}key`,
  'data keys without values': ' a.key: '.repeat(MB / 8),
  'AccountKey= runs': 'AccountKey='.repeat(MB / 11),
  'PGPASSWORD with open quotes': 'PGPASSWORD="'.repeat(MB / 12),
  'URL password of dollars without an @': `a://b:${'$'.repeat(MB)}`,
  'ya29. and hvs. prefixes': 'ya29.hvs.'.repeat(MB / 9),
};

/** The pattern before the fix, kept as the oracle for what must still be redacted. */
const OLD_ASSIGNMENT = /(["']?)([A-Za-z_][A-Za-z0-9_.-]*)\1([ \t]*[:=][ \t]*)(["']?)([^\s"'#,;}]{4,}|"[^"\n]{4,}"|'[^'\n]{4,}')\4/g;

function oldAssignments(text: string): string {
  return text.replace(OLD_ASSIGNMENT, (m, q1: string, key: string, sep: string, q2: string, value: string) => {
    const bare = value.replace(/^["']|["']$/g, '');
    if (!isSecretName(key) || isPlaceholderValue(bare) || bare.startsWith('[REDACTED') || /^(true|false|\d+)$/i.test(bare)) {
      return m;
    }
    return `${q1}${key}${q1}${sep}${q2}[REDACTED]${q2}`;
  });
}

function markers(text: string): number {
  return text.split('[REDACTED').length - 1;
}

describe('redaction is linear and still redacts what it did', { timeout: 120_000 }, () => {
  for (const [name, text] of Object.entries(ADVERSARIAL)) {
    it(`a megabyte of ${name} finishes`, () => {
      const r = redactSecrets(text);
      assert.ok(r.text.length > 0);
    });
  }

  it('secrets around a long run are still redacted', () => {
    const text = `${'a.'.repeat(50_000)} password=hunter2secret\nAPI_TOKEN: "abcd1234efgh"\n--password=s3cr3tvalue https://deploy:pa55word@example.com/x`;
    const r = redactSecrets(text);
    assert.doesNotMatch(r.text, /hunter2secret|abcd1234efgh|s3cr3tvalue|pa55word/);
    assert.match(r.text, /https:\/\/deploy:\[REDACTED\]@example\.com\/x/);
    assert.equal(r.count, 4);
  });

  it('on 20,000 seeded short strings, every key the old pattern redacted is still redacted', () => {
    const rnd = prng(4242);
    const alphabet = ['password', 'token', 'API_KEY', 'db', 'a', 'x', '1', '.', '-', '_', ':', '=', ' ', '\t', '"', "'", '\n', '#', 'hunter22', '2fa_token'];
    let differing = 0;
    for (let i = 0; i < 20_000; i++) {
      let s = '';
      const n = 1 + Math.floor(rnd() * 14);
      for (let j = 0; j < n; j++) {
        s += alphabet[Math.floor(rnd() * alphabet.length)];
      }
      const before = oldAssignments(s);
      const after = redactSecrets(s).text;
      if (before !== after) {
        differing++;
        // the only differences allowed: more redaction (quoted keys with a leading digit or dash)
        assert.ok(markers(after) > markers(before), `${JSON.stringify(s)}\nold ${JSON.stringify(before)}\nnew ${JSON.stringify(after)}`);
      }
    }
    assert.ok(differing < 100, `${differing} strings differ`);
  });
});

describe('Terraform variable defaults with secret names are redacted', () => {
  it('the default of variable "db_password" goes, other defaults stay', () => {
    const tf = 'variable "db_password" {\n  type    = string\n  default = "s3cr3t-Value-42"\n}\nvariable "region" {\n  default = "eu-west-1"\n}\nvariable "api_token" { default = "${var.x}" }\n';
    const r = redactSecrets(tf);
    assert.doesNotMatch(r.text, /s3cr3t-Value-42/);
    assert.match(r.text, /default = "\[REDACTED\]"/);
    assert.match(r.text, /default = "eu-west-1"/);
    assert.match(r.text, /default = "\$\{var\.x\}"/);
    assert.equal(r.count, 1);
  });

  it('a megabyte of unterminated variable blocks finishes', () => {
    const r = redactSecrets('variable "db_password" {\n'.repeat(40_000));
    assert.equal(r.count, 0);
  });
});

describe('redaction by value is linear', { timeout: 120_000 }, () => {
  const SECRET = 'Qz7vLm2pXw9kRt4N';
  // a thousand values, one whose prefix repeats (long failure chains), and the one to find
  const values = new SecretValues([
    { value: SECRET, source: '.env:DB_PASSWORD' },
    { value: `${'a'.repeat(24)}b`, source: '.env:RUN' },
    ...Array.from({ length: 1000 }, (_, i) => ({ value: `v${i}X${(i * 7919).toString(36)}zz${i}Y`, source: `.env:K${i}` })),
  ]);
  const TEXTS: Record<string, string> = {
    'near misses of the value': SECRET.slice(0, -1).repeat(MB / 15),
    'a run that almost matches': 'a'.repeat(MB),
    'line breaks only': '\n'.repeat(MB),
    'a base64 stream': Buffer.from(Array.from({ length: (MB * 3) / 4 }, (_, i) => (i * 2654435761) >>> 24)).toString('base64'),
    'a hex stream': Buffer.from(Array.from({ length: MB / 2 }, (_, i) => (i * 40503) >>> 8)).toString('hex'),
  };
  for (const [name, text] of Object.entries(TEXTS)) {
    it(`a megabyte of ${name} finishes, with the value found at its end`, () => {
      const r = redactSecrets(`${text}\n${Buffer.from(SECRET).toString('base64')}`, values);
      // the last base64 character mixes in the padding: only the value's own characters go
      assert.match(r.text.slice(-80), /\n\[REDACTED value of \.env:DB_PASSWORD\][A-Za-z0-9+/]?=*$/);
    });
  }
  it('a megabyte where every position matches becomes one marker', () => {
    const r = new SecretValues([{ value: 'aaaaaaaaaa', source: '.env:A' }]).redact('a'.repeat(MB));
    assert.deepEqual(r, { text: '[REDACTED value of .env:A]', count: 1 });
  });
  it('a megabyte of the value repeated is redacted everywhere', () => {
    const times = Math.floor(MB / 17);
    const r = redactSecrets(`${SECRET} `.repeat(times), values);
    assert.equal(r.count, times);
    assert.ok(!r.text.includes(SECRET));
  });
});
