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
      // the policy's traits, not a list of the allow-list's own
      'helm list',
      'gh pr list',
      'kustomize build k8s',
      'go test ./...',
      'cargo test',
      'pytest',
      'yarn',
      'pnpm lint',
      'npx eslint .',
      'terraform apply',
      'ansible-playbook site.yml',
      'sudo ls', // the model's wrappers
      'nice ls',
      'timeout 5 ls',
      'nohup ls',
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

describe('the facts the allow-list asks the policy for', () => {
  const facts = (command: string) => {
    const d = decide({ name: 'run_shell_command', input: { command } }, context);
    return { networked: d.networked === true, runsRepositoryCode: d.runsRepositoryCode === true, wrapped: d.wrapped === true };
  };

  it('reports per command whether it reaches the network, runs the repository\'s code or runs through a wrapper', async () => {
    await ready();
    const table: [string, { networked: boolean; runsRepositoryCode: boolean; wrapped: boolean }][] = [
      ['ls k8s', { networked: false, runsRepositoryCode: false, wrapped: false }],
      ['kubectl get pods', { networked: true, runsRepositoryCode: false, wrapped: false }],
      ['sudo -u deploy kubectl get pods', { networked: true, runsRepositoryCode: false, wrapped: true }],
      ['git log', { networked: false, runsRepositoryCode: false, wrapped: false }],
      ['git -C k8s fetch', { networked: true, runsRepositoryCode: false, wrapped: false }],
      ['terraform fmt -check', { networked: false, runsRepositoryCode: false, wrapped: false }],
      ['terraform plan', { networked: true, runsRepositoryCode: true, wrapped: false }],
      ['terraform validate', { networked: false, runsRepositoryCode: false, wrapped: false }],
      ['make test', { networked: false, runsRepositoryCode: true, wrapped: false }],
      ['npm test', { networked: false, runsRepositoryCode: true, wrapped: false }],
      ['npm ci', { networked: true, runsRepositoryCode: true, wrapped: false }],
      ['npm view left-pad', { networked: true, runsRepositoryCode: false, wrapped: false }],
      ['go test ./...', { networked: true, runsRepositoryCode: true, wrapped: false }],
      ['./scripts/check.sh', { networked: false, runsRepositoryCode: true, wrapped: false }],
      ['env FOO=1 make lint', { networked: false, runsRepositoryCode: true, wrapped: true }],
      ['docker build -t app .', { networked: true, runsRepositoryCode: true, wrapped: false }],
      ['docker ps', { networked: true, runsRepositoryCode: false, wrapped: false }],
      ['curl https://github.com', { networked: true, runsRepositoryCode: false, wrapped: false }],
      ['bash -c ls', { networked: false, runsRepositoryCode: true, wrapped: true }],
      ['python3 k8s/check.py', { networked: false, runsRepositoryCode: true, wrapped: false }],
      ['kubectl exec web -- make test', { networked: true, runsRepositoryCode: false, wrapped: false }],
    ];
    for (const [command, want] of table) {
      assert.deepEqual(facts(command), want, command);
    }
  });

  it('shows them on the approval card as reasons', async () => {
    await ready();
    const d = decide({ name: 'run_shell_command', input: { command: 'make deploy' } }, context);
    assert.ok(d.reasons.some((r) => /^runs code: make runs the repository's code/.test(r)), d.reasons.join('\n'));
    const k = decide({ name: 'run_shell_command', input: { command: 'kubectl get pods' } }, context);
    assert.ok(k.reasons.some((r) => /^network: kubectl talks to a Kubernetes cluster/.test(r)), k.reasons.join('\n'));
  });
});
