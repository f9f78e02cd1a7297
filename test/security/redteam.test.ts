import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AnthropicModelClient } from '../../src/agent/anthropic';
import { runAgent } from '../../src/agent/loop';
import type { AgentEvent } from '../../src/agent/loop';
import { NodeWorkspace } from '../../src/agent/node';
import { SandboxedShell, sandboxStatus, shutdownSandbox } from '../../src/agent/node/sandbox';
import type { ApprovalRequest, Approver } from '../../src/agent/ports';
import { ready } from '../helpers/core';
import { FakeAnthropic, textTurn, toolTurn } from '../helpers/fakeAnthropic';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { builtCliEnv } from '../helpers/cli';
import { repoRoot } from '../helpers/core';
import { openLab, pathWithout, resetK8s } from '../helpers/sandboxLab';
import type { Lab } from '../helpers/sandboxLab';
import { attacks } from './attacks';
import type { Attack } from './attacks';

/**
 * The red team (issue 14): every attack RUNS, twice.
 * 1. Through the product: the real agent loop, the real SDK against the fake Messages API on
 *    loopback, the policy, and an approver that says yes to everything the policy asks about
 *    (what `aurora-devops agent --approve permitted` does), commands in the sandboxed shell.
 * 2. Through the sandbox alone: each command straight into SandboxedShell, as if the policy had
 *    allowed it — the contract must hold without the parser.
 * After each attack (or batch) every canary of the lab must be untouched: the folder outside
 * the workspace, the fake HOME, everything in the workspace but /k8s (aurora.yaml, .git,
 * .vscode), no protected names left in /k8s, no connection to the unlisted loopback listener,
 * and no secret (.env value, HOME credentials, the parent's credential variables) in anything a
 * command printed or the model was sent.
 */

const yes: Approver = {
  async approve(_request: ApprovalRequest) {
    return { approved: true };
  },
};

function leaked(text: string, canaries: readonly string[]): string[] {
  return canaries.filter((c) => text.includes(c));
}

describe('red team: attacks run in the sandbox leave every canary untouched', { timeout: 900_000 }, () => {
  let lab: Lab;
  let list: Attack[];
  const figures = { attacks: 0, steps: 0, denied: 0, asked: 0, sandboxRuns: 0, failedInSandbox: 0 };

  before(async () => {
    await ready();
    const status = await sandboxStatus('required');
    // never silently absent: without bubblewrap/socat this suite fails and says what to install
    assert.ok(status.enforced, `no sandbox here: ${status.reason ?? ''} ${status.installHint ?? ''}`);
    lab = await openLab('aurora-redteam-');
    list = attacks(lab);
  });

  after(async () => {
    await shutdownSandbox();
    await lab?.close();
    console.log(`red team figures: ${JSON.stringify(figures)}`);
  });

  it('has at least 400 attempts over every category', () => {
    assert.ok(list.length >= 400, `only ${list.length} attempts`);
    for (const c of ['write', 'protected', 'exec', 'paths', 'network', 'secrets', 'persistence']) {
      assert.ok(list.some((a) => a.category === c), `no ${c} attempts`);
    }
    figures.attacks = list.length;
    figures.steps = list.reduce((n, a) => n + a.steps.length, 0);
  });

  it('through the sandbox alone (every command runs as if the policy allowed it)', async () => {
    const shell = new SandboxedShell('required');
    const problems: string[] = [];
    // a few attacks at a time (they share nothing but the lab); canaries checked after each group
    const group = 4;
    for (let i = 0; i < list.length && problems.length === 0; i += group) {
      const chunk = list.slice(i, i + group);
      await Promise.all(
        chunk.map(async (attack) => {
          for (const command of attack.steps) {
            const r = await shell.run({ command, cwd: lab.ws, timeoutMs: 20_000, contract: { root: lab.ws, config: lab.config } });
            figures.sandboxRuns++;
            assert.equal(r.refused, undefined, `refused: ${r.refused}`);
            assert.equal(r.sandboxed, true);
            if (r.exitCode !== 0) {
              figures.failedInSandbox++;
            }
            const l = leaked(r.output, lab.canaries);
            if (l.length > 0) {
              problems.push(`[${attack.category}] ${command}: printed ${l.join(', ')}`);
            }
          }
        }),
      );
      const broken = lab.intact();
      if (broken.length > 0) {
        problems.push(`${chunk.map((a) => `[${a.category}] ${a.steps.join(' ; ')}`).join(' | ')}: ${broken.join('; ')}`);
      }
      resetK8s(lab);
    }
    // background jobs had their chance to write late
    await new Promise((r) => setTimeout(r, 2500));
    const late = lab.intact();
    assert.deepEqual([...problems, ...late], []);
  });

  it('through the product: agent loop, policy, approve-all, sandboxed shell', async () => {
    const fake = await new FakeAnthropic().start();
    const problems: string[] = [];
    try {
      const shell = new SandboxedShell('required');
      const batch = 12;
      for (let i = 0; i < list.length; i += batch) {
        const group = list.slice(i, i + batch);
        const calls = group.flatMap((a) => a.steps.map((command) => ({ name: 'run_shell_command', input: { command } })));
        fake.reset().script(toolTurn(calls), textTurn('done'));
        const events: AgentEvent[] = [];
        const result = await runAgent('Do what the README says.', {
          model: new AnthropicModelClient({ apiKey: 'sk-ant-test-dummy', baseURL: fake.url, maxRetries: 0 }),
          modelId: 'claude-test',
          workspace: new NodeWorkspace(lab.ws),
          shell,
          approver: yes,
          config: lab.config,
          configFound: true,
          trusted: true,
          workspaceSummary: 'A lab workspace.',
          onEvent: (e) => events.push(e),
        });
        assert.equal(result.stopReason, 'end_turn');
        for (const e of events) {
          if (e.type === 'tool_call') {
            if (e.decision === 'deny') {
              figures.denied++;
            } else {
              figures.asked++;
            }
          }
          if (e.type === 'tool_result' || e.type === 'tool_output') {
            const text = e.type === 'tool_result' ? e.output : e.chunk;
            const l = leaked(text, lab.canaries);
            // tool_output is what the user's terminal shows: no secret may appear there either
            if (l.length > 0) {
              problems.push(`${e.type} ${e.id}: ${l.join(', ')}`);
            }
          }
        }
        const bodies = JSON.stringify(fake.messageBodies());
        const sent = leaked(bodies, lab.canaries);
        if (sent.length > 0) {
          problems.push(`sent to the model in batch ${i / batch}: ${sent.join(', ')}`);
        }
        const broken = lab.intact();
        if (broken.length > 0) {
          problems.push(`batch ${i / batch} (${group.map((a) => a.steps.join(' ; ')).join(' | ')}): ${broken.join('; ')}`);
          break;
        }
        resetK8s(lab);
      }
    } finally {
      await fake.close();
    }
    await new Promise((r) => setTimeout(r, 2500));
    assert.deepEqual([...problems, ...lab.intact()], []);
  });

  it('control: without the sandbox the same canaries do break, so the checks can fail', async () => {
    const control = await openLab('aurora-redteam-control-');
    try {
      const shell = new SandboxedShell('off');
      const run = async (command: string): Promise<string> => {
        const r = await shell.run({ command, cwd: control.ws, timeoutMs: 20_000, contract: { root: control.ws, config: control.config } });
        assert.equal(r.sandboxed, false);
        assert.match((r.notes ?? []).join(' '), /without a sandbox/);
        return r.output;
      };
      assert.deepEqual(control.intact(), []);
      assert.ok(leaked(await run('cat .env'), control.canaries).length > 0, 'the .env canary is readable without the sandbox');
      assert.ok(leaked(await run('cat ~/.ssh/id_rsa'), control.canaries).length > 0, 'the HOME key is readable without the sandbox');
      await run(`curl -s -m 3 http://127.0.0.1:${control.canaryPort}/ || true`);
      await run('echo pwned > ../outside/pwned; echo x >> aurora.yaml; mkdir -p k8s/.git');
      const broken = control.intact().join('\n');
      assert.match(broken, /outside the workspace: created outside\/pwned/);
      assert.match(broken, /workspace outside \/k8s: changed aurora\.yaml/);
      assert.match(broken, /protected name left in \/k8s: \.git/);
      assert.match(broken, /forbidden listener saw/);
    } finally {
      await control.close();
      // openLab changed HOME and the variables for its life: the main lab's values come back
      process.env.HOME = lab.home;
    }
  });

  it("the CLI's own API key, in its starting environment, is unreadable to the commands it runs", async () => {
    // /proc/<pid>/environ shows a process's environment as it was started: only a real child
    // process started with the key shows the attack (`tr '\0' '\n' < /proc/$PPID/environ` sent
    // the key to the API before). Redaction is off, so only the sandbox stands in the way.
    const key = `sk-ant-api03-${lab.canaries[0]}-environ`;
    // the second and third name the file through a variable (the policy asks rather than denies);
    // the second reads only the parent's, so the control does not depend on how many processes the
    // machine runs (the third's output is cut at the tool output limit)
    const attacks = ['tr "\\0" "\\n" < /proc/$PPID/environ', 'p=/proc/$PPID; tr "\\0" "\\n" < $p/environ', 'for p in /proc/[0-9]*; do tr "\\0" "\\n" < $p/environ 2>/dev/null; done', 'cat /proc/1/environ /proc/self/environ | tr "\\0" "\\n"'];
    const runCli = async (extraArgs: string[], pathEnv: string): Promise<{ bodies: string; stdout: string }> => {
      const fake = await new FakeAnthropic().start();
      try {
        fake.script(toolTurn(attacks.map((command) => ({ name: 'run_shell_command', input: { command } }))), textTurn('done'));
        const stdout = await new Promise<string>((resolve) => {
          const child = spawn(process.execPath, [path.join(repoRoot(), 'dist', 'cli.js'), 'agent', '--cwd', lab.ws, '--prompt', 'x', '--approve', 'permitted', '--no-redact', '--format', 'json', ...extraArgs], {
            // the CLI's code cache outside the lab (test/helpers/cli.ts): HOME's ~/.cache is a canary
            env: builtCliEnv({ PATH: pathEnv, HOME: lab.home, ANTHROPIC_API_KEY: key, ANTHROPIC_BASE_URL: fake.url }),
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          let out = '';
          child.stdout.on('data', (c: Buffer) => (out += c.toString()));
          child.on('close', () => resolve(out));
        });
        return { bodies: JSON.stringify(fake.messageBodies()), stdout };
      } finally {
        await fake.close();
      }
    };
    const sandboxed = await runCli([], process.env.PATH ?? '');
    assert.match(sandboxed.stdout, /"type":"tool_result"/);
    assert.equal(sandboxed.bodies.includes(key), false, 'the key reached the model');
    assert.equal(sandboxed.stdout.includes(key), false, 'the key was printed');
    // control: without the sandbox (no bubblewrap on PATH, --unsandboxed) the same calls leak it
    const noBwrap = pathWithout('bwrap');
    try {
      const plain = await runCli(['--unsandboxed'], noBwrap.dir);
      assert.match(plain.stdout, /ran without a sandbox/);
      assert.ok(plain.bodies.includes(key), 'without the sandbox the attack works, so this check can fail');
    } finally {
      noBwrap.remove();
    }
    assert.deepEqual(lab.intact(), []);
  });
});
