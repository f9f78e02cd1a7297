import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { findUrls, hostAllowed, normalizeHost } from '../../../src/agent/policy';
import { capText, redactSecrets } from '../../../src/agent/redact';
import { NodeShell } from '../../../src/agent/node';

describe('host normalisation', () => {
  const cases: [string, string, boolean][] = [
    ['GitHub.COM', 'github.com', false],
    ['github.com.', 'github.com', false],
    ['user:pw@github.com:443', 'github.com', false],
    ['2130706433', '127.0.0.1', true],
    ['0x7f.1', '127.0.0.1', true],
    ['0177.0.0.1', '127.0.0.1', true],
    ['[::ffff:127.0.0.1]', '127.0.0.1', true],
    ['[::ffff:7f00:1]', '127.0.0.1', true],
    ['[::1]', '::1', true],
    ['bücher.example', 'xn--bcher-kva.example', false],
  ];
  for (const [input, host, ip] of cases) {
    it(`${input} → ${host}`, () => {
      assert.deepEqual(normalizeHost(input), { ok: true, host, ip });
    });
  }
  it('refuses computed hosts', () => {
    assert.equal(normalizeHost('$HOST').ok, false);
    assert.equal(normalizeHost('${REGISTRY}').ok, false);
  });
});

describe('allowlist matching', () => {
  const list = ['github.com', '*.amazonaws.com', '10.0.0.5'];
  const allowed = (h: string): boolean => {
    const r = normalizeHost(h);
    return r.ok && hostAllowed(r.host, r.ip, list);
  };
  it('matches exact names and strict subdomains', () => {
    assert.equal(allowed('github.com'), true);
    assert.equal(allowed('s3.eu-west-1.amazonaws.com'), true);
    assert.equal(allowed('amazonaws.com'), false);
    assert.equal(allowed('api.github.com'), false);
    assert.equal(allowed('github.com.evil.com'), false);
    assert.equal(allowed('evilgithub.com'), false);
    assert.equal(allowed('amazonaws.com.evil.com'), false);
  });
  it('matches IP literals only when listed, in any notation', () => {
    assert.equal(allowed('10.0.0.5'), true);
    assert.equal(allowed('167772165'), true);
    assert.equal(allowed('10.0.0.6'), false);
    assert.equal(hostAllowed('10.0.0.6', true, ['*.0.0.6']), false);
    assert.equal(hostAllowed('::1', true, ['::1']), true);
    assert.equal(hostAllowed('::1', true, ['[::1]']), true);
  });
  it('finds URLs inside words and ignores buckets and files', () => {
    assert.deepEqual(findUrls('--url=https://a.example/x,https://b.example').map((u) => u.result.ok && u.result.host), ['a.example', 'b.example']);
    assert.deepEqual(findUrls('s3://bucket/key file:///etc/passwd'), []);
    assert.deepEqual(findUrls('git+ssh://git@github.com/org/x.git').map((u) => u.result.ok && u.result.host), ['github.com']);
  });
});

describe('redaction', () => {
  it('redacts known formats, private keys and secret-like values', () => {
    const input = [
      'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
      'db:',
      '  password: "s3cr3t-value"',
      'API_TOKEN=abcd1234efgh',
      'url: postgres://app:hunter22@db:5432/app',
      '-----BEGIN RSA PRIVATE KEY-----',
      'MIIEowIBAAKCAQEA',
      '-----END RSA PRIVATE KEY-----',
      'image: nginx:1.27',
      'password: ${DB_PASSWORD}',
      'secretKeyRef:',
    ].join('\n');
    const r = redactSecrets(input);
    assert.ok(!r.text.includes('AKIAIOSFODNN7EXAMPLE'));
    assert.ok(!r.text.includes('s3cr3t-value'));
    assert.ok(!r.text.includes('abcd1234efgh'));
    assert.ok(!r.text.includes('hunter22'));
    assert.ok(!r.text.includes('MIIEowIBAAKCAQEA'));
    assert.match(r.text, /postgres:\/\/app:\[REDACTED\]@db:5432\/app/);
    assert.match(r.text, /image: nginx:1\.27/);
    assert.match(r.text, /password: \$\{DB_PASSWORD\}/);
    assert.equal(r.count, 5);
  });
  it('leaves ordinary text alone', () => {
    const text = 'kind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n';
    assert.deepEqual(redactSecrets(text), { text, count: 0 });
  });
  it('keeps head and tail of long output with a note', () => {
    const long = 'a'.repeat(600) + 'b'.repeat(400);
    const capped = capText(long, 100);
    assert.ok(capped.startsWith('a'.repeat(60)));
    assert.ok(capped.endsWith('b'.repeat(40)));
    assert.match(capped, /900 characters omitted/);
    assert.equal(capText('short', 100), 'short');
  });
});

describe('NodeShell', { timeout: 20_000 }, () => {
  it('runs in the folder, streams output and reports the exit code', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-shell-'));
    const chunks: string[] = [];
    const r = await new NodeShell().run({ command: 'pwd; echo err >&2; exit 3', cwd: dir, timeoutMs: 10_000, onOutput: (c) => chunks.push(c) });
    assert.equal(r.exitCode, 3);
    assert.match(r.output, new RegExp(`${fs.realpathSync(dir)}\\n`));
    assert.match(r.output, /err/);
    assert.ok(chunks.join('').includes('err'));
    fs.rmSync(dir, { recursive: true, force: true });
  });
  it('kills the whole process group on cancel', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-shell-'));
    const marker = path.join(dir, 'child.pid');
    const controller = new AbortController();
    const r = await new NodeShell().run({
      command: `sleep 30 & echo $! > ${marker}; echo ready; wait`,
      cwd: dir,
      timeoutMs: 10_000,
      signal: controller.signal,
      onOutput: (c) => {
        if (c.includes('ready')) {
          controller.abort();
        }
      },
    });
    assert.equal(r.cancelled, true);
    const pid = Number(fs.readFileSync(marker, 'utf8').trim());
    // the background grandchild went down with the group (allow the SIGKILL grace to pass)
    let alive = true;
    for (let i = 0; i < 40 && alive; i++) {
      try {
        process.kill(pid, 0);
        await new Promise((res) => setTimeout(res, 100));
      } catch {
        alive = false;
      }
    }
    assert.equal(alive, false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  it('stops a command at its timeout', async () => {
    const r = await new NodeShell().run({ command: 'echo begin; sleep 30', cwd: os.tmpdir(), timeoutMs: 300 });
    assert.equal(r.timedOut, true);
    assert.equal(r.exitCode, null);
    assert.match(r.output, /begin/);
  });
});
