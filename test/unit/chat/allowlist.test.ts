import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allowedBy, sessionPrefix } from '../../../src/agent/allowlist';
import { decide } from '../../../src/agent/policy';
import type { PolicyContext } from '../../../src/agent/policy';
import { ready } from '../../helpers/core';

const context: PolicyContext = {
  workspaceRoot: '/ws',
  realpath: (p) => p,
  caseInsensitive: false,
  config: { tools: ['read_file', 'write_file', 'run_shell_command'], permissions: { filesystem: ['/k8s'], network: ['github.com'] } },
  trusted: true,
};

/** The prefix offered for a command, as the policy decides about it. */
function offered(command: string): string | undefined {
  return sessionPrefix(command, decide({ name: 'run_shell_command', input: { command } }, context));
}

describe('session allow-list: what may be allowed for the session', () => {
  it('offers the exact leading words of a plain local read-only command', async () => {
    await ready();
    const table: [string, string | undefined][] = [
      ['ls -la k8s', 'ls'],
      ['ls', 'ls'],
      ['cat k8s/app.yaml', 'cat'],
      ['wc -l k8s/app.yaml', 'wc'],
      ['grep replicas k8s/app.yaml', 'grep'],
      ['echo hello', 'echo'],
      ['git status', 'git status'],
      ['git log --oneline -5', 'git log'],
      ['hadolint Dockerfile', 'hadolint'],
    ];
    for (const [command, want] of table) {
      assert.equal(offered(command), want, command);
    }
  });

  it('never offers it for denied, writing, networked, destructive or code-running commands, nor shell syntax', async () => {
    await ready();
    for (const command of [
      'curl https://evil.example.com', // denied (host not allowed)
      'curl https://github.com', // contacts a host
      'echo hi > k8s/x', // writes a file
      'rm -rf k8s', // destructive
      'kubectl get pods', // a cluster: the network
      'git fetch', // git's remote commands
      'git push origin main',
      'terraform plan', // providers, remote state
      'docker ps',
      'make test', // the repository's code
      'npm test',
      'python3 x.py',
      'bash -c ls',
      './scripts/check.sh',
      'env ls', // wrappers
      'xargs cat',
      'find . -name x',
      'sed -n 1p k8s/app.yaml',
      'cat k8s/app.yaml | head', // shell syntax
      'ls; rm x',
      'cat $HOME/.kube/config',
      'cat "k8s/app.yaml"',
      'cat `which ls`',
      'ls  k8s', // two spaces: not the plain form
      'cat /etc/passwd', // out of the workspace
      'cat ../other/file',
      'grep -r --include=/etc x',
      'ls ~',
      '',
    ]) {
      assert.equal(offered(command), undefined, command);
    }
  });

  it('lets later commands run only when they start with the allowed words and could be allowed themselves', async () => {
    await ready();
    const allowed = ['ls', 'git log', 'grep replicas'];
    const by = (command: string): string | undefined => allowedBy(command, decide({ name: 'run_shell_command', input: { command } }, context), allowed);
    assert.equal(by('ls k8s'), 'ls');
    assert.equal(by('ls'), 'ls');
    assert.equal(by('git log -3'), 'git log');
    assert.equal(by('grep replicas k8s/app.yaml'), 'grep replicas');
    assert.equal(by('grep image k8s/app.yaml'), undefined, 'another second word');
    assert.equal(by('lsof'), undefined, 'a word that only starts like the prefix');
    assert.equal(by('git status'), undefined);
    assert.equal(by('ls k8s > k8s/list'), undefined, 'writes: asks again');
    assert.equal(by('ls ../'), undefined, 'out of the workspace: asks again');
    assert.equal(by('ls $(rm -rf k8s)'), undefined, 'shell syntax: asks again');
    assert.equal(by('git log; curl https://github.com'), undefined);
    assert.equal(allowedBy('ls k8s', { decision: 'deny', hosts: [], paths: [] }, allowed), undefined, 'denied stays denied');
  });
});
