import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildAttachment, MAX_ATTACH_CHARS } from '../../../src/agent/attachment';
import type { PathContext } from '../../../src/agent/policy/paths';
import { SecretValues } from '../../../src/agent/secretValues';

const ROOT = '/home/dev/infra';
const ctx: PathContext = { workspaceRoot: ROOT };
const DB_PASSWORD = 'pw-Zq81xLkm3Vr7Tt0y';
const values = new SecretValues([{ value: DB_PASSWORD, source: '.env:DB_PASSWORD' }]);

describe('chat: attachments from the active editor', () => {
  const secretFiles = ['.env', 'app/.env.production', 'certs/server.pem', 'deploy/kubeconfig', 'terraform.tfstate', '.ssh/id_ed25519', 'tls.key'];
  for (const rel of secretFiles) {
    it(`never attaches the secret file ${rel}`, () => {
      const a = buildAttachment({ file: `${ROOT}/${rel}`, text: `TOKEN=${DB_PASSWORD}\n` }, ctx, values);
      assert.equal(a.text, undefined, 'no text for the prompt');
      assert.match(a.note ?? '', /^not attached: it is/);
      assert.equal(a.label, rel);
    });
  }

  it('never attaches a selection of a secret file either', () => {
    const a = buildAttachment({ file: `${ROOT}/.env`, text: 'A=1\nB=2\n', selection: { startLine: 2, endLine: 2, text: 'B=2' } }, ctx, values);
    assert.equal(a.text, undefined);
  });

  it('refuses a file reached through a link into a secret folder', () => {
    const linked: PathContext = { workspaceRoot: ROOT, realpath: (p) => (p === `${ROOT}/notes.txt` ? `${ROOT}/.ssh/id_rsa` : p) };
    const a = buildAttachment({ file: `${ROOT}/notes.txt`, text: 'key' }, linked, values);
    assert.equal(a.text, undefined);
    assert.match(a.note ?? '', /not attached/);
  });

  it('refuses a file outside the workspace folder', () => {
    const a = buildAttachment({ file: '/etc/hosts', text: '127.0.0.1 localhost\n' }, ctx, values);
    assert.equal(a.text, undefined);
    assert.match(a.note ?? '', /^not attached: /);
  });

  it('attaches a whole file with its path, redacting known values and shaped secrets', () => {
    const key = `AKIA${'Q'.repeat(16)}`;
    const text = `FROM alpine:3.20\nENV DB_PASSWORD=${DB_PASSWORD}\nENV AWS_ACCESS_KEY_ID=${key}\n`;
    const a = buildAttachment({ file: `${ROOT}/app/Dockerfile`, text }, ctx, values);
    assert.equal(a.label, 'app/Dockerfile');
    const sent = a.text ?? '';
    assert.ok(sent.startsWith('The active file is app/Dockerfile:\n```\nFROM alpine:3.20\n'));
    assert.ok(!sent.includes(DB_PASSWORD), 'the .env value is redacted');
    assert.ok(!sent.includes(key), 'the access key is redacted');
    assert.ok(a.redacted >= 2, `redacted ${a.redacted}`);
    assert.equal(a.note, undefined);
  });

  it('attaches only the selection, with its lines, redacted', () => {
    const a = buildAttachment({ file: `${ROOT}/k8s/app.yaml`, text: 'whole file', selection: { startLine: 3, endLine: 5, text: `password: ${DB_PASSWORD}` } }, ctx, values);
    assert.equal(a.label, 'k8s/app.yaml (lines 3-5)');
    const sent = a.text ?? '';
    assert.ok(sent.startsWith('Selected in k8s/app.yaml (lines 3-5):'));
    assert.ok(!sent.includes('whole file'));
    assert.ok(!sent.includes(DB_PASSWORD));
    assert.equal(a.redacted, 1);
  });

  it('names a file too large to attach without sending its text', () => {
    const a = buildAttachment({ file: `${ROOT}/big.yaml`, text: 'x'.repeat(MAX_ATTACH_CHARS + 1) }, ctx, values);
    const sent = a.text ?? '';
    assert.ok(sent.includes('too large'));
    assert.ok(!sent.includes('xxxx'));
    assert.match(a.note ?? '', /too large/);
  });

  it('fences text holding backticks so it cannot close the fence', () => {
    const a = buildAttachment({ file: `${ROOT}/README.md`, text: '```\nnot the end\n```\n' }, ctx);
    const sent = a.text ?? '';
    assert.ok(sent.includes('````\n```\nnot the end'));
    assert.ok(sent.endsWith('\n````'));
  });
});
