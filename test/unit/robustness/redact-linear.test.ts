import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redactSecrets } from '../../../src/agent/redact';
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
