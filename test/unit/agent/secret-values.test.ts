import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { credentialVariables, isCredentialVariable } from '../../../src/agent/credentials';
import { collectSecretValues, findEnvFiles, isEnvFile, parseEnvFile } from '../../../src/agent/node';
import { redactSecrets } from '../../../src/agent/redact';
import { encodedForms, isSecretValueCandidate, SecretValues, worthRedacting } from '../../../src/agent/secretValues';

/** A value no shape pattern knows: only redaction by value can find it. */
const SECRET = 'Qz7vLm2pXw9kRt4N';
const values = new SecretValues([{ value: SECRET, source: '.env:DB_PASSWORD' }]);
const MARKER = '[REDACTED value of .env:DB_PASSWORD]';

function b64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** `base64` as the tool prints it: lines of 76 characters. */
function wrapped(text: string, width = 76): string {
  return text.replace(new RegExp(`(.{${width}})`, 'g'), '$1\n');
}

/** The base64 characters that encode only bytes [from, to) of `data` (the rest mix in neighbours). */
function innerBase64(data: string, from: number, to: number): string {
  const full = b64(data);
  return full.slice(Math.ceil((8 * from) / 6), Math.floor((8 * to) / 6));
}

function assertGone(text: string, ...forms: string[]): void {
  const r = values.redact(text);
  const flat = r.text.replace(/\r?\n/g, '');
  for (const form of forms) {
    assert.ok(!flat.includes(form), `${form} is still in ${JSON.stringify(r.text)}`);
  }
  assert.ok(r.count > 0, 'nothing was redacted');
  assert.ok(r.text.includes(MARKER), r.text);
}

describe('redaction by value', () => {
  it('replaces the raw value, naming where it came from and never the value', () => {
    const r = values.redact(`notes: the db takes ${SECRET} (rotated monthly); again ${SECRET}.`);
    assert.equal(r.text, `notes: the db takes ${MARKER} (rotated monthly); again ${MARKER}.`);
    assert.equal(r.count, 2);
  });

  it('finds base64 of the value alone, with and without padding, standard and URL-safe', () => {
    for (const s of [SECRET, `${SECRET}x`, `${SECRET}xy`]) {
      const v = new SecretValues([{ value: s, source: 'k' }]);
      for (const encoded of [b64(s), b64(s).replace(/=+$/, ''), b64(s).replace(/\+/g, '-').replace(/\//g, '_')]) {
        const r = v.redact(`data: ${encoded}\n`);
        assert.equal(r.count, 1, `${s} → ${encoded}: ${r.text}`);
        assert.doesNotMatch(r.text, new RegExp(encoded.slice(2, 14).replace(/[+/]/g, '\\$&')));
      }
    }
  });

  it('finds the value inside a longer base64 stream at each of the three byte alignments', () => {
    for (const prefix of ['', 'A', 'AB', 'ABC', 'DB_HOST=db\nDB_PASSWORD=', 'x'.repeat(100), 'é']) {
      const data = `${prefix}${SECRET}\nLOG_LEVEL=info\n`;
      const from = Buffer.byteLength(prefix, 'utf8');
      const inner = innerBase64(data, from, from + SECRET.length);
      assertGone(b64(data), inner);
      assertGone(wrapped(b64(data)), inner);
      assertGone(b64(data).replace(/\+/g, '-').replace(/\//g, '_'), inner.replace(/\+/g, '-').replace(/\//g, '_'));
    }
    const alignments = new Set(['', 'A', 'AB', 'ABC', 'x'.repeat(100)].map((p) => Buffer.byteLength(p) % 3));
    assert.deepEqual([...alignments].sort(), [0, 1, 2]);
  });

  it('finds hex in lower and upper case, also wrapped as `xxd -p` prints it', () => {
    const hex = Buffer.from(`key=${SECRET}\n`).toString('hex');
    const valueHex = Buffer.from(SECRET).toString('hex');
    assertGone(hex, valueHex);
    assertGone(hex.toUpperCase(), valueHex.toUpperCase());
    assertGone(wrapped(`${hex}${hex}`, 60), valueHex);
  });

  it('finds URL-encoded and JSON-escaped forms of a value with symbols', () => {
    const odd = 'p@ss w/rd+&=?!Z9"';
    const v = new SecretValues([{ value: odd, source: '.env:PW' }]);
    const encodings = [encodeURIComponent(odd), encodeURIComponent(odd).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()), encodeURIComponent(odd).replace(/%20/g, '+'), JSON.stringify(odd).slice(1, -1)];
    for (const e of encodings) {
      const r = v.redact(`https://api.example/login?pw=${e}&next=/`);
      assert.equal(r.text, 'https://api.example/login?pw=[REDACTED value of .env:PW]&next=/', e);
    }
    assert.ok(encodedForms(odd).includes('p%40ss%20w%2Frd%2B%26%3D%3F%21Z9%22'));
  });

  it('ignores values too short, common, numeric or placeholders', () => {
    for (const v of ['short', 'hunter2', 'true', 'false', 'production', 'localhost', '12345678', '2024-01-31', '10.0.0.12', '${DB_PASSWORD}', 'changeme', '<token>', 'postgres://u:${PW}@db/x', '   ']) {
      assert.equal(isSecretValueCandidate(v), false, v);
      assert.equal(new SecretValues([v]).size, 0, v);
    }
    assert.equal(isSecretValueCandidate(SECRET), true);
    const r = new SecretValues(['hunter2', 'production']).redact('hunter2 runs in production');
    assert.deepEqual(r, { text: 'hunter2 runs in production', count: 0 });
  });

  it('overlapping values become one marker naming both sources, and no part is left', () => {
    const v = new SecretValues([
      { value: 'abcdefgh12', source: '.env:A' },
      { value: 'gh12345678', source: '.env:B' },
    ]);
    assert.equal(v.redact('x abcdefgh12345678 y').text, 'x [REDACTED value of .env:A, .env:B] y');
    assert.equal(v.redact('abcdefgh12 gh12345678').text, '[REDACTED value of .env:A] [REDACTED value of .env:B]');
  });

  it('counts multi-line values line by line, and lists sources without values', () => {
    const pem = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\nVJTUt9Us8cKjMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu';
    const v = new SecretValues([{ value: pem, source: '.env:KEY' }]);
    assert.equal(v.size, 3);
    assert.deepEqual(v.sources(), ['.env:KEY']);
    assert.equal(v.redact(`  ${pem.split('\n')[1]}\n`).text, '  [REDACTED value of .env:KEY]\n');
  });

  it('redactSecrets takes the values as a second argument; the one-argument form is unchanged', () => {
    const text = `password: hunter2secret\nnote: ${SECRET}\n`;
    assert.deepEqual(redactSecrets(text), { text: `password: [REDACTED]\nnote: ${SECRET}\n`, count: 1 });
    assert.deepEqual(redactSecrets(text, values), { text: `password: [REDACTED]\nnote: ${MARKER}\n`, count: 2 });
    // a value under a secret key goes by value first, and the key pattern leaves the marker alone
    assert.deepEqual(redactSecrets(`DB_PASSWORD=${SECRET}`, values), { text: `DB_PASSWORD=${MARKER}`, count: 1 });
    assert.deepEqual(redactSecrets(text, SecretValues.empty), redactSecrets(text));
  });
});

describe('which .env values are worth redacting', () => {
  it('every candidate under a secret-like or credential name', () => {
    for (const [name, value] of [
      ['DB_PASSWORD', 'correcthorse'],
      ['GITHUB_TOKEN', 'abcdefghij'],
      ['PGPASSWORD', 'plainwords'],
      ['STRIPE_SECRET_KEY', 'sk_test_abcdefgh'],
    ]) {
      assert.equal(worthRedacting(name, value), true, `${name}=${value}`);
    }
  });
  it('under other names, only values that look generated', () => {
    const yes: [string, string][] = [
      ['STRIPE', 'cnryenv0123abcd4567ef89'],
      ['APP_MODE', 'Zx!9q#2wLp'],
      ['DATABASE_URL', 'postgres://app:hunter22@db:5432/app'],
      ['BLOB', 'aGVsbG8gd29ybGQgaGVsbG8='],
      ['SESSION', 'abcdefghijklmnopqrstuvwxyzab'],
    ];
    const no: [string, string][] = [
      ['NODE_ENV', 'production'],
      ['AWS_REGION', 'us-east-1'],
      ['DB_HOST', 'db.internal.example'],
      ['APP_URL', 'https://app.example.com/path'],
      ['IMAGE_TAG', 'v1.24.3-alpine'],
      ['COMPANY', 'Example Company Ltd'],
      ['PORT', '8080'],
    ];
    for (const [name, value] of yes) {
      assert.equal(worthRedacting(name, value), true, `${name}=${value}`);
    }
    for (const [name, value] of no) {
      assert.equal(worthRedacting(name, value), false, `${name}=${value}`);
    }
  });
});

describe('isCredentialVariable', () => {
  const positives = [
    'ANTHROPIC_API_KEY',
    'ANTHROPIC_AUTH_TOKEN',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'GITHUB_TOKEN',
    'GH_TOKEN',
    'GITLAB_TOKEN',
    'CI_JOB_TOKEN',
    'NPM_TOKEN',
    'VAULT_TOKEN',
    'DOCKER_PASSWORD',
    'ARM_CLIENT_SECRET',
    'GOOGLE_CREDENTIALS',
    'SENTRY_AUTH_TOKEN',
    'STRIPE_SECRET_KEY',
    'OPENAI_API_KEY',
    'MY_SERVICE_ACCESS_KEY',
    'TF_VAR_db_password',
    'TF_TOKEN_app_terraform_io',
    'PGPASSWORD',
    'MYSQL_PWD',
    'REDISCLI_AUTH',
    'SIGNING_PASSPHRASE',
    'AZURE_STORAGE_CONNECTION_STRING',
    'github_token',
    'TOKEN',
  ];
  const negatives = [
    'PATH',
    'HOME',
    'PWD',
    'OLDPWD',
    'TOKENIZERS_PARALLELISM',
    'AWS_REGION',
    'AWS_DEFAULT_REGION',
    'AWS_PROFILE',
    'AWS_ACCESS_KEY_ID',
    'SSH_AUTH_SOCK',
    'GITHUB_TOKEN_FILE',
    'VAULT_ADDR',
    'KUBECONFIG',
    'LANG',
    'SHELL',
    'TERM',
    'PASSWORD_STORE_DIR',
    'SECRETS_DIR',
  ];
  for (const name of positives) {
    it(`${name} is a credential`, () => assert.equal(isCredentialVariable(name), true));
  }
  for (const name of negatives) {
    it(`${name} is not`, () => assert.equal(isCredentialVariable(name), false));
  }
  it('credentialVariables lists the set ones, sorted', () => {
    assert.deepEqual(credentialVariables({ PATH: '/bin', NPM_TOKEN: 'x', HOME: '/h', GH_TOKEN: 'y', VAULT_TOKEN: undefined }), ['GH_TOKEN', 'NPM_TOKEN']);
  });
});

describe('collectSecretValues', () => {
  const dirs: string[] = [];
  after(() => {
    for (const d of dirs) {
      fs.rmSync(d, { recursive: true, force: true });
    }
  });
  function workspace(files: Record<string, string>): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-secret-values-'));
    dirs.push(root);
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    }
    return root;
  }

  it('names the env files to read and the ones to skip', () => {
    for (const name of ['.env', '.env.local', '.env.production', '.env.production.local', '.envrc', '.ENV']) {
      assert.equal(isEnvFile(name), true, name);
    }
    for (const name of ['.env.example', '.env.sample', '.env.template', '.env.dist', '.env.local.example', '.environment', 'env', 'app.env.ts', '.envrc.sample']) {
      assert.equal(isEnvFile(name), false, name);
    }
  });

  it('parses export, quotes, comments and multi-line values', () => {
    const parsed = parseEnvFile(['# comment', 'export A_TOKEN=abc123def456', 'B_SECRET="two words # not a comment"', "C_KEY='single $literal'", 'D_PASSWORD=bare # a comment', 'E_CERT="line1\\nline2"', 'F_PEM="-----BEGIN X-----', 'middle', '-----END X-----"', 'G: colon-form', 'not a pair'].join('\n'));
    assert.deepEqual(parsed, [
      { name: 'A_TOKEN', value: 'abc123def456' },
      { name: 'B_SECRET', value: 'two words # not a comment' },
      { name: 'C_KEY', value: 'single $literal' },
      { name: 'D_PASSWORD', value: 'bare' },
      { name: 'E_CERT', value: 'line1\\nline2' },
      { name: 'E_CERT', value: 'line1\nline2' },
      { name: 'F_PEM', value: '-----BEGIN X-----\nmiddle\n-----END X-----' },
      { name: 'G', value: 'colon-form' },
    ]);
  });

  it('reads every .env file of the workspace and the credential variables, not examples or dependencies', async () => {
    const root = workspace({
      '.env': 'DB_PASSWORD=rootPassw0rd!\nNODE_ENV=production\nSTRIPE=cnry0a1b2c3d4e5f6a7b\n',
      'services/api/.env.production': 'export API_TOKEN="apiTok3n-Value"\nDATABASE_URL=postgres://api:s3cretPw9@db/api\n',
      '.envrc': 'export VAULT_TOKEN=hvs.fromenvrcvalue01\n',
      '.env.example': 'DB_PASSWORD=exampleValue123\n',
      'node_modules/pkg/.env': 'DEP_SECRET=dependencySecret1\n',
      '.git/.env': 'GIT_SECRET=gitDirSecret12\n',
      'k8s/deploy.yaml': 'kind: Deployment\n',
    });
    const found = await findEnvFiles(root);
    assert.deepEqual(found.sort(), ['.env', '.envrc', 'services/api/.env.production']);
    const v = await collectSecretValues(root, { PATH: '/usr/bin', GITHUB_TOKEN: 'ghtokenvalue123456', AWS_REGION: 'eu-central-1' });
    const text = 'rootPassw0rd! production cnry0a1b2c3d4e5f6a7b apiTok3n-Value s3cretPw9 hvs.fromenvrcvalue01 ghtokenvalue123456 eu-central-1 exampleValue123 dependencySecret1 gitDirSecret12';
    assert.equal(
      v.redact(text).text,
      [
        '[REDACTED value of .env:DB_PASSWORD]',
        'production',
        '[REDACTED value of .env:STRIPE]',
        '[REDACTED value of services/api/.env.production:API_TOKEN]',
        '[REDACTED value of services/api/.env.production:DATABASE_URL]',
        '[REDACTED value of .envrc:VAULT_TOKEN]',
        '[REDACTED value of $GITHUB_TOKEN]',
        'eu-central-1',
        'exampleValue123',
        'dependencySecret1',
        'gitDirSecret12',
      ].join(' '),
    );
    assert.ok(!v.sources().some((s) => s.includes('rootPassw0rd')));
  });

  it('stops walking at the entry bound', async () => {
    // breadth first: the 31 entries of the root exhaust a bound of 10 before any folder is read
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) {
      files[`f${i}.txt`] = '';
    }
    files['z/.env'] = 'Z_TOKEN=zzzzzzzz1234\n';
    const root = workspace(files);
    assert.deepEqual(await findEnvFiles(root, 10), []);
    assert.deepEqual(await findEnvFiles(root), ['z/.env']);
  });

  it('an empty or missing workspace gives the environment values only', async () => {
    const v = await collectSecretValues(path.join(os.tmpdir(), 'aurora-no-such-dir-x9'), { NPM_TOKEN: 'npmtokenvalue1234' });
    assert.equal(v.size, 1);
    assert.deepEqual(v.sources(), ['$NPM_TOKEN']);
  });
});
