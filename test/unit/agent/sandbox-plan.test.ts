import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { secretReason } from '../../../src/agent/policy/paths';
import { describeSandbox, explainViolations, hiddenFromCommands, planSandbox, protectedFromCommands } from '../../../src/agent/sandbox';
import type { AgentConfig } from '../../../src/agent/types';

/** How aurora.yaml maps to the sandbox's configuration (src/agent/sandbox.ts; pure). */

const ROOT = '/repo';
const HOME = '/home/dev';

function plan(filesystem: string[], network: string[] = [], entries: string[] = []): ReturnType<typeof planSandbox> {
  const config: AgentConfig = { tools: ['run_shell_command'], permissions: { filesystem, network } };
  return planSandbox({ root: ROOT, home: HOME, config, entries, secretReason, realpath: (p) => p.replace('/repo/linked', '/repo/real') });
}

describe('sandbox plan', () => {
  it('maps permissions.filesystem to writable folders, resolved', () => {
    assert.deepEqual(plan(['/k8s', '/terraform/']).allowWrite, ['/repo/k8s', '/repo/terraform']);
    assert.deepEqual(plan(['/']).allowWrite, ['/repo']);
    assert.deepEqual(plan(['/linked']).allowWrite, ['/repo/real']);
    assert.deepEqual(plan([]).allowWrite, []);
  });

  it('never widens on a malformed entry, and a glob allows what matches it now', () => {
    assert.deepEqual(plan(['/../etc', 'k8s/../../x']).allowWrite, []);
    const p = plan(['/charts/*/values.yaml'], [], ['charts/', 'charts/a/', 'charts/a/values.yaml', 'charts/a/Chart.yaml', 'charts/b/values.yaml']);
    assert.deepEqual(p.allowWrite, ['/repo/charts/a/values.yaml', '/repo/charts/b/values.yaml']);
  });

  it('allows nothing through an entry or a glob match that leads out of the workspace', () => {
    const config: AgentConfig = { tools: ['run_shell_command'], permissions: { filesystem: ['/deploy', '/k8s/out', '/charts/**'], network: [] } };
    const links = new Set(['charts/h']);
    const p = planSandbox({
      root: ROOT,
      home: HOME,
      config,
      entries: ['deploy', 'k8s/', 'k8s/out', 'charts/', 'charts/h', 'charts/values.yaml'],
      links,
      secretReason,
      realpath: (x) => (x === '/repo/deploy' ? HOME : x === '/repo/k8s/out' ? `${HOME}/x` : x === '/repo/charts/h' ? HOME : x),
    });
    // the glob's own folder is bound (a link inside it resolves to its real, read-only place)
    assert.deepEqual(p.allowWrite, ['/repo/charts', '/repo/charts/values.yaml']);
  });

  it('keeps aurora.yaml, .git, editor and agent files unwritable, also when found deeper', () => {
    const p = plan(['/'], [], ['k8s/', 'k8s/.git/', 'sub/.vscode/', 'sub/aurora.yaml', 'x.code-workspace', 'k8s/app.yaml']);
    for (const path of ['/repo/aurora.yaml', '/repo/.git', '/repo/.vscode', '/repo/AGENTS.md', '/repo/.envrc', '/repo/k8s/.git', '/repo/sub/.vscode', '/repo/sub/aurora.yaml', '/repo/x.code-workspace']) {
      assert.ok(p.denyWrite.includes(path), `${path} is not protected`);
    }
    assert.ok(!p.denyWrite.includes('/repo/k8s/app.yaml'));
  });

  it('hides the secret files of the workspace and the home folder, but not examples or git internals', () => {
    const p = plan(['/k8s'], [], ['.env', '.env.production', '.env.example', 'terraform/', 'terraform/terraform.tfstate', 'keys/', 'keys/deploy.pem', '.git/', 'k8s/app.yaml', 'ops/.aws/']);
    for (const path of ['/repo/.env', '/repo/.env.production', '/repo/terraform/terraform.tfstate', '/repo/keys/deploy.pem', '/repo/ops/.aws', `${HOME}/.aws`, `${HOME}/.ssh`, `${HOME}/.kube`, `${HOME}/.bash_history`, `${HOME}/.docker/config.json`, `${HOME}/.netrc`]) {
      assert.ok(p.denyRead.includes(path), `${path} is not hidden`);
    }
    for (const path of ['/repo/.env.example', '/repo/.git', '/repo/k8s/app.yaml']) {
      assert.ok(!p.denyRead.includes(path), `${path} is hidden`);
    }
  });

  it('passes permissions.network through and nothing else', () => {
    assert.deepEqual(plan([], ['github.com', '*.amazonaws.com']).allowedDomains, ['github.com', '*.amazonaws.com']);
    assert.deepEqual(plan([]).allowedDomains, []);
  });

  it('classifies names', () => {
    assert.equal(hiddenFromCommands('.env.sample', secretReason), false);
    assert.equal(hiddenFromCommands('app/.env.local', secretReason), true);
    assert.equal(hiddenFromCommands('.git/config', secretReason), false);
    assert.equal(protectedFromCommands('deep/down/.git'), true);
    assert.equal(protectedFromCommands('deep/down/git'), false);
  });
});

describe('sandbox words', () => {
  it('explains a refused write, a hidden file and a blocked host', () => {
    const p = plan(['/k8s'], ['github.com']);
    const notes = explainViolations('bash: ../x: Read-only file system\ncat: .env: Permission denied', p, ROOT, ['evil.example:443']);
    assert.match(notes[0], /refused a write: aurora\.yaml permits commands to write only under \/k8s/);
    assert.match(notes[1], /secret files .* are hidden/);
    assert.match(notes[2], /blocked network access to evil\.example:443: aurora\.yaml permissions\.network allows github\.com/);
    assert.deepEqual(explainViolations('all fine', p, ROOT, []), []);
  });

  it('says when there is no sandbox, what follows and how to get one', () => {
    const text = describeSandbox({ enforced: false, mode: 'required', reason: 'bubblewrap (bwrap) not installed', installHint: 'Install bubblewrap (Debian/Ubuntu: sudo apt-get install bubblewrap).' });
    assert.match(text, /^Not sandboxed: aurora\.yaml can only be advised \(bubblewrap \(bwrap\) not installed\)\. Commands are refused/);
    assert.match(text, /sudo apt-get install bubblewrap/);
    assert.match(describeSandbox({ enforced: false, mode: 'warn' }), /Commands run without OS enforcement/);
    assert.match(describeSandbox({ enforced: true, mode: 'required', mechanism: 'bubblewrap' }), /^Sandboxed \(bubblewrap\)/);
  });
});
