import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { buildFolderAttachment, MAX_FOLDER_CHARS } from '../../../src/agent/attachment';
import type { PathContext } from '../../../src/agent/policy/paths';
import { SecretValues } from '../../../src/agent/secretValues';
import { MAX_TERMINAL_CHARS, plainOutput } from '../../../src/agent/terminalText';
import { mentionLabel } from '../../../src/shared/protocol';

const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-mentions-')));
after(() => fs.rmSync(root, { recursive: true, force: true }));
const context: PathContext = { workspaceRoot: root, realpath: (p) => (fs.existsSync(p) ? fs.realpathSync(p) : p), caseInsensitive: false };
const at = (rel: string): string => path.join(root, rel);

describe('chat: @folder attaches a listing and the infrastructure files, never secrets', () => {
  it('lists every file, attaches the texts it was given, names secret files without their text', () => {
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n';
    const a = buildFolderAttachment(at('k8s'), [
      { file: at('k8s/.env'), text: 'DB_PASSWORD=hunter2-very-secret\n' },
      { file: at('k8s/README.md') },
      { file: at('k8s/web.yaml'), text: deployment },
    ], context);
    assert.equal(a.label, 'k8s/ (1 file attached)');
    assert.ok(a.text);
    assert.match(a.text, /The user attached the folder k8s\/ \(3 files\)/);
    assert.match(a.text, /^k8s\/README\.md$/m);
    assert.match(a.text, /k8s\/\.env \(not attached: /);
    assert.doesNotMatch(a.text, /hunter2/);
    assert.ok(a.text.includes(deployment.trimEnd()));
  });

  it('redacts known secret values in the attached texts', () => {
    const a = buildFolderAttachment(at('deploy'), [{ file: at('deploy/compose.yaml'), text: 'services:\n  db:\n    environment:\n      TOKEN: s3cr3t-token-value-123\n' }], context, new SecretValues(['s3cr3t-token-value-123']));
    assert.doesNotMatch(a.text ?? '', /s3cr3t-token-value-123/);
    assert.equal(a.redacted, 1);
  });

  it('stops attaching texts at the budget and says how many were only listed', () => {
    const big = 'x: ' + 'y'.repeat(15_000) + '\n';
    const entries = Array.from({ length: 6 }, (_, i) => ({ file: at(`tf/m${i}.yaml`), text: big }));
    const a = buildFolderAttachment(at('tf'), entries, context);
    assert.ok((a.text ?? '').length < MAX_FOLDER_CHARS + 2_000);
    assert.match(a.label, /\(3 files attached\)/);
    assert.match(a.note ?? '', /3 infrastructure files only listed/);
  });

  it('refuses a folder outside the workspace', () => {
    const a = buildFolderAttachment(path.dirname(root), [], context);
    assert.equal(a.text, undefined);
    assert.match(a.note ?? '', /^not attached/);
  });

  it('says an empty folder is empty', () => {
    assert.match(buildFolderAttachment(at('empty'), [], context).text ?? '', /holds no files/);
  });
});

describe('chat: @terminal output as plain text', () => {
  it('drops colours and titles and keeps what a progress bar drew last', () => {
    const raw = '\x1b]0;title\x07\x1b[1;31mError:\x1b[0m image not found\r\npulling 10%\rpulling 100%\r\ndone\n';
    assert.deepEqual(plainOutput(raw), { text: 'Error: image not found\npulling 100%\ndone\n', cut: false });
  });

  it('keeps the end of a long output', () => {
    const out = plainOutput('a'.repeat(MAX_TERMINAL_CHARS) + 'THE END');
    assert.equal(out.cut, true);
    assert.equal(out.text.length, MAX_TERMINAL_CHARS);
    assert.ok(out.text.endsWith('THE END'));
  });
});

describe('chat: mention labels', () => {
  it('labels each kind of mention', () => {
    assert.equal(mentionLabel({ kind: 'problems' }), '@problems');
    assert.equal(mentionLabel({ kind: 'terminal' }), '@terminal');
    assert.equal(mentionLabel({ kind: 'folder', path: 'k8s/' }), '@k8s/');
    assert.equal(mentionLabel({ kind: 'file', path: 'k8s/app.yaml', lines: { start: 3, end: 9 } }), '@k8s/app.yaml:3-9');
    assert.equal(mentionLabel({ kind: 'file', path: 'Dockerfile', lines: { start: 4, end: 4 } }), '@Dockerfile:4');
  });
});
