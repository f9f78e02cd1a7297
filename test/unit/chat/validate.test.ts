import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FromWebview } from '../../../src/shared/protocol';
import { MAX_MESSAGE_CHARS, validateFromWebview } from '../../../src/shared/validate';

describe('chat: webview messages are validated against the protocol', () => {
  const valid: { what: string; input: FromWebview }[] = [
    { what: 'ready', input: { type: 'ready' } },
    { what: 'send', input: { type: 'send', id: 'm1', text: 'hello', attachFile: false } },
    { what: 'stop', input: { type: 'stop' } },
    { what: 'retry', input: { type: 'retry' } },
    { what: 'regenerate', input: { type: 'regenerate' } },
    { what: 'newChat', input: { type: 'newChat' } },
    { what: 'approve', input: { type: 'approve', id: 'toolu_1', approved: true } },
    { what: 'reject with a message', input: { type: 'approve', id: 'toolu_1', approved: false, message: 'no' } },
    { what: 'approve an edited command', input: { type: 'approve', id: 'toolu_1', approved: true, command: 'ls -la' } },
    { what: 'allow for the session', input: { type: 'allowForSession', id: 'toolu_1' } },
    { what: 'revoke an allowed prefix', input: { type: 'revokeAllowed', prefix: 'git log' } },
    { what: 'open the model picker', input: { type: 'pickModel' } },
    { what: 'send with mentions', input: { type: 'send', id: 'm2', text: 'look', attachFile: false, mentions: [{ kind: 'problems' }, { kind: 'file', path: 'k8s/app.yaml' }] } },
    { what: 'a mention query', input: { type: 'mentionQuery', id: 'q1', query: 'app' } },
    { what: 'send with terminal, folder and file-lines mentions', input: { type: 'send', id: 'm3', text: 'why', attachFile: false, mentions: [{ kind: 'terminal' }, { kind: 'folder', path: 'k8s' }, { kind: 'file', path: 'k8s/app.yaml', lines: { start: 3, end: 9 } }] } },
    { what: 'action', input: { type: 'action', action: 'openSettings' } },
    { what: 'copy', input: { type: 'copy', text: 'x' } },
    { what: 'insert', input: { type: 'insert', text: '' } },
    { what: 'applyToFile', input: { type: 'applyToFile', text: 'FROM alpine:3.20\n' } },
    { what: 'openFile', input: { type: 'openFile', file: 'app/Dockerfile', line: 3 } },
  ];
  for (const { what, input } of valid) {
    it(`accepts ${what}`, () => {
      const r = validateFromWebview(JSON.parse(JSON.stringify(input)));
      assert.deepEqual(r, { ok: true, message: input });
    });
  }

  const invalid: { what: string; input: unknown; reason: RegExp }[] = [
    { what: 'a string "false" as approval', input: { type: 'approve', id: 't1', approved: 'false' }, reason: /approve\.approved: expected true or false, got the string "false"/ },
    { what: 'a mention of an unknown kind', input: { type: 'send', id: 'm', text: 'x', attachFile: false, mentions: [{ kind: 'clipboard' }] }, reason: /send\.mentions: expected mentions like/ },
    { what: 'a terminal mention with a path', input: { type: 'send', id: 'm', text: 'x', attachFile: false, mentions: [{ kind: 'terminal', path: 'x' }] }, reason: /send\.mentions/ },
    { what: 'a folder mention without a path', input: { type: 'send', id: 'm', text: 'x', attachFile: false, mentions: [{ kind: 'folder' }] }, reason: /send\.mentions/ },
    { what: 'file lines that run backwards', input: { type: 'send', id: 'm', text: 'x', attachFile: false, mentions: [{ kind: 'file', path: 'a', lines: { start: 9, end: 3 } }] }, reason: /send\.mentions/ },
    { what: 'file lines as strings', input: { type: 'send', id: 'm', text: 'x', attachFile: false, mentions: [{ kind: 'file', path: 'a', lines: { start: '1', end: '2' } }] }, reason: /send\.mentions/ },
    { what: 'a file mention with extra fields', input: { type: 'send', id: 'm', text: 'x', attachFile: false, mentions: [{ kind: 'file', path: 'a', text: 'raw' }] }, reason: /send\.mentions/ },
    { what: 'too many mentions', input: { type: 'send', id: 'm', text: 'x', attachFile: false, mentions: Array.from({ length: 21 }, () => ({ kind: 'problems' })) }, reason: /at most 20 mentions/ },
    { what: 'a string "true" as approval', input: { type: 'approve', id: 't1', approved: 'true' }, reason: /approve\.approved/ },
    { what: '1 as approval', input: { type: 'approve', id: 't1', approved: 1 }, reason: /approve\.approved: expected true or false, got a number/ },
    { what: 'an approval without an answer', input: { type: 'approve', id: 't1' }, reason: /approve\.approved/ },
    { what: 'an approval without an id', input: { type: 'approve', approved: true }, reason: /approve\.id/ },
    { what: 'an approval with an empty id', input: { type: 'approve', id: '', approved: true }, reason: /approve\.id/ },
    { what: 'an edited command that is not a string', input: { type: 'approve', id: 't1', approved: true, command: ['rm', '-rf', '/'] }, reason: /approve\.command: expected a string, got an array/ },
    { what: 'an unknown type', input: { type: 'runAnything', command: 'id' }, reason: /unknown message type the string "runAnything"/ },
    { what: 'a type inherited from Object', input: { type: 'toString' }, reason: /unknown message type/ },
    { what: 'no type', input: { text: 'x' }, reason: /unknown message type nothing/ },
    { what: 'null', input: null, reason: /not an object \(null\)/ },
    { what: 'a string', input: 'ready', reason: /not an object/ },
    { what: 'an array', input: [{ type: 'ready' }], reason: /not an object \(an array\)/ },
    { what: 'send whose attachFile is a string', input: { type: 'send', id: 'm1', text: 'x', attachFile: 'false' }, reason: /send\.attachFile/ },
    { what: 'send without text', input: { type: 'send', id: 'm1', attachFile: false }, reason: /send\.text/ },
    { what: 'an unknown error action', input: { type: 'action', action: 'runCommand' }, reason: /action\.action: expected one of setApiKey, openConfig, openSettings, createConfig, manageTrust/ },
    { what: 'openFile with a string line', input: { type: 'openFile', file: 'a', line: '3' }, reason: /openFile\.line/ },
    { what: 'openFile with NaN', input: { type: 'openFile', file: 'a', line: Number.NaN }, reason: /openFile\.line/ },
    { what: 'a text over the limit', input: { type: 'copy', text: 'x'.repeat(MAX_MESSAGE_CHARS + 1) }, reason: /copy\.text: longer than/ },
  ];
  for (const { what, input, reason } of invalid) {
    it(`refuses ${what}`, () => {
      const r = validateFromWebview(input);
      assert.equal(r.ok, false);
      assert.match(r.ok ? '' : r.reason, reason);
    });
  }

  it('drops fields the protocol does not have', () => {
    const r = validateFromWebview({ type: 'stop', extra: { command: 'rm -rf /' } });
    assert.deepEqual(r, { ok: true, message: { type: 'stop' } });
  });
});
