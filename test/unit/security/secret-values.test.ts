import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runAgent } from '../../../src/agent/loop';
import { collectSecretValues } from '../../../src/agent/node';
import type { Message, ToolResultBlock } from '../../../src/agent/model';
import type { AgentConfig } from '../../../src/agent/types';
import { agentHarness, assertServerSawConsistent, ofType, RecordingApprover } from '../../helpers/agentHarness';
import { textTurn, toolTurn } from '../../helpers/fakeAnthropic';

/**
 * Secrets that reach the model through files and commands the policy allows: `.env` itself is
 * refused, but a note elsewhere repeats its value raw, base64-encoded (the whole `.env` through
 * `base64`, wrapped at 76 columns) and hex-encoded (`xxd -p`). The real loop, NodeShell and SDK
 * run against the fake Messages API; every request body is searched for each form of the
 * canary, and a control run without redaction sees them (so the check can fail).
 */

const CONFIG: AgentConfig = { model: 'claude-test', tools: ['read_file', 'run_shell_command'], permissions: { filesystem: ['/k8s'], network: [] } };

const h = agentHarness({ prefix: 'aurora-values-', config: CONFIG });

/** The canary and the forms of it the note holds (what must never reach the API). */
function plant(ws: string): { canary: string; forms: Record<string, string> } {
  const canary = `Cn${randomBytes(12).toString('hex')}Q9`;
  // the canary's base64 crosses the 76-column wrap (characters 55 to 92)
  const env = `APP_NAME=shop\nLOG_LEVEL=info\nDB_PASSWORD=${canary}\nDB_HOST=db.internal\nDB_PORT=5432\n`;
  fs.writeFileSync(path.join(ws, '.env'), env);
  const whole = Buffer.from(env).toString('base64');
  const from = Buffer.byteLength(env.slice(0, env.indexOf(canary)));
  // the base64 characters carrying only the canary's bits (the edges mix in neighbours)
  const inEnvBase64 = whole.slice(Math.ceil((8 * from) / 6), Math.floor((8 * (from + canary.length)) / 6));
  assert.ok(Math.ceil((8 * from) / 6) < 76 && Math.floor((8 * (from + canary.length)) / 6) > 76);
  const hex = Buffer.from(canary).toString('hex');
  const note = [
    'Runbook notes for the database migration.',
    `The password is ${canary} until the rotation.`,
    `base64 of it: ${Buffer.from(canary).toString('base64')}`,
    'base64 .env:',
    whole.replace(/(.{76})/g, '$1\n'),
    `xxd -p: ${hex}`,
    `upper: ${hex.toUpperCase()}`,
    '',
  ].join('\n');
  fs.mkdirSync(path.join(ws, 'k8s'), { recursive: true });
  fs.writeFileSync(path.join(ws, 'k8s', 'notes.txt'), note);
  return { canary, forms: { raw: canary, base64: Buffer.from(canary).toString('base64').replace(/=+$/, ''), 'base64 in .env': inEnvBase64, hex, HEX: hex.toUpperCase() } };
}

/** Every request body, with JSON string escapes of line breaks removed (base64 is wrapped). */
function bodies(): string[] {
  return h.fake.requests.map((q) => q.raw.replace(/\\n/g, ''));
}

/** The text of every tool result the API received. */
function toolResultTexts(): string[] {
  const out: string[] = [];
  for (const body of h.fake.messageBodies()) {
    for (const m of body.messages as Message[]) {
      if (typeof m.content !== 'string') {
        for (const b of m.content.filter((x): x is ToolResultBlock => x.type === 'tool_result')) {
          out.push(typeof b.content === 'string' ? b.content : JSON.stringify(b.content));
        }
      }
    }
  }
  return out;
}

function script(): void {
  h.fake.script(
    toolTurn([{ name: 'read_file', input: { path: 'k8s/notes.txt' }, id: 'toolu_read' }], 'Reading the notes.'),
    toolTurn([{ name: 'run_shell_command', input: { command: 'cat k8s/notes.txt' }, id: 'toolu_cat' }], 'And through the shell.'),
    textTurn('Done.'),
  );
}

describe('known secret values never reach the model, in any encoding', { timeout: 60_000 }, () => {
  it('a .env value repeated raw, base64 and hex in a non-secret file is redacted from read_file and an approved cat', { skip: process.platform === 'win32' }, async () => {
    const { forms } = plant(h.ws);
    script();
    const secretValues = await collectSecretValues(h.ws, {});
    const approver = new RecordingApprover(true);
    const o = h.options({ approver, secretValues, commandTimeoutMs: 20_000 });
    const r = await runAgent('Summarise k8s/notes.txt.', o);
    assert.equal(r.stopReason, 'end_turn');
    // both calls ran: the read allowed, the command asked and approved
    const calls = ofType(o.events, 'tool_call');
    assert.deepEqual(
      calls.map((c) => [c.id, c.decision]),
      [
        ['toolu_read', 'allow'],
        ['toolu_cat', 'ask'],
      ],
    );
    assert.deepEqual(
      ofType(o.events, 'tool_result').map((e) => [e.id, e.ok]),
      [
        ['toolu_read', true],
        ['toolu_cat', true],
      ],
    );
    assert.equal(h.fake.messageBodies().length, 3);
    for (const [what, form] of Object.entries(forms)) {
      const leaked = bodies().findIndex((b) => b.includes(form));
      assert.equal(leaked, -1, `the canary's ${what} form reached the API in request ${leaked}`);
    }
    // the model still learns what was there and where it came from
    const results = toolResultTexts();
    assert.ok(results.length >= 2);
    for (const text of results.slice(-2)) {
      assert.match(text, /The password is \[REDACTED value of \.env:DB_PASSWORD\] until the rotation\./);
      assert.match(text, /xxd -p: \[REDACTED value of \.env:DB_PASSWORD\]/);
      assert.match(text, /Runbook notes for the database migration\./);
    }
    assertServerSawConsistent(h.fake);
  });

  it('control: without the values, or with redaction off, the same run leaks every form', { skip: process.platform === 'win32' }, async () => {
    const { forms } = plant(h.ws);
    script();
    await runAgent('Summarise k8s/notes.txt.', h.options({ redactSecrets: false, commandTimeoutMs: 20_000 }));
    for (const [what, form] of Object.entries(forms)) {
      assert.ok(
        bodies().some((b) => b.includes(form)),
        `with redaction off the ${what} form should reach the fake API`,
      );
    }
    // shape-based redaction alone does not know the value: it is the values that stop it
    h.fake.reset();
    script();
    await runAgent('Summarise k8s/notes.txt.', h.options({ commandTimeoutMs: 20_000 }));
    assert.ok(bodies().some((b) => b.includes(forms.raw) && b.includes(forms.hex)));
  });
});
