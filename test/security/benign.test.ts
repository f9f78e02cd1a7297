import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SandboxedShell, sandboxStatus, shutdownSandbox } from '../../src/agent/node/sandbox';
import { realpathDeep } from '../../src/agent/node/workspace';
import { decide } from '../../src/agent/policy';
import type { PolicyContext } from '../../src/agent/policy';
import { ready } from '../helpers/core';
import { openLab, resetK8s } from '../helpers/sandboxLab';
import type { Lab } from '../helpers/sandboxLab';

/**
 * The other side of the red team: what platform engineers ask the agent to run must still work
 * inside the sandbox (issue 14). Each command runs in the lab's workspace (aurora.yaml:
 * filesystem ["/k8s"], network github.com and one loopback host) and must exit 0, printing what
 * it should. Tools that need a cluster, a registry or the Internet (kubectl apply, terraform
 * plan, docker build, helm, trivy, git push) cannot run here: for them the policy's decision is
 * checked — `ask`, never `deny`.
 */

/** Commands that run for real: [command, a pattern its output must match (optional)]. */
function runnable(lab: Lab): [string, RegExp?][] {
  return [
    ['ls', /k8s/],
    ['ls -la k8s', /app\.yaml/],
    ['pwd', /ws/],
    ['cat k8s/app.yaml', /ConfigMap/],
    ['cat .env.example', /change-me/],
    ['head -n 3 k8s/app.yaml', /apiVersion/],
    ['tail -n 1 k8s/app.yaml', /a: b/],
    ['wc -l k8s/app.yaml', /6/],
    ['grep -n kind k8s/app.yaml', /ConfigMap/],
    ['grep -rn ConfigMap k8s', /app\.yaml/],
    ['find k8s -name "*.yaml"', /app\.yaml/],
    ['find . -maxdepth 2 -name "*.tf"', /main\.tf/],
    ['sed -n 2p k8s/app.yaml', /kind/],
    ["awk '{print $1}' k8s/app.yaml", /apiVersion/],
    ['sort k8s/app.yaml | uniq | head -2'],
    ['cut -d: -f1 k8s/app.yaml', /kind/],
    ['diff k8s/app.yaml k8s/app.yaml && echo same', /same/],
    ['stat -c %s k8s/app.yaml', /\d+/],
    ['file k8s/app.yaml || true'],
    ['du -sh k8s', /k8s/],
    ['tree k8s 2>/dev/null || find k8s', /app/],
    ['cat README.md', /lab/],
    ['jq . <<< \'{"a":1}\'', /"a": 1/],
    ['python3 -c "import yaml" 2>/dev/null; python3 -c "print(sum([1,2]))"', /3/],
    ['node -e "console.log(JSON.stringify({ok:true}))"', /ok/],
    ['node -p "require(\'fs\').readFileSync(\'k8s/app.yaml\',\'utf8\').split(\'\\n\')[1]"', /kind/],
    ['echo hello | base64 | base64 -d', /hello/],
    ['sha256sum k8s/app.yaml', /[0-9a-f]{64}/],
    ['date -u +%Y', /20\d\d/],
    ['uname -s', /Linux/],
    ['whoami || id -un', /\w/],
    ['env | grep -c PATH', /\d/],
    ['printenv HOME', /home/],
    ['echo $SHELL; bash --version | head -1', /bash/],
    ['true'],
    ['sleep 0.1 && echo slept', /slept/],
    ['for f in k8s/*.yaml; do echo "$f"; done', /app\.yaml/],
    ['if [ -f k8s/app.yaml ]; then echo yes; fi', /yes/],
    ['test -d terraform && echo dir', /dir/],
    ['git status --short; echo rc=$?', /rc=0/],
    ['git status', /branch main/],
    ['git log --oneline -1', /lab/],
    ['git diff --stat', undefined],
    ['git diff HEAD -- k8s/app.yaml', undefined],
    ['git show HEAD:k8s/app.yaml', /ConfigMap/],
    ['git show --stat HEAD | head -5', /lab/],
    ['git branch --list', /main/],
    ['git rev-parse HEAD', /[0-9a-f]{40}/],
    ['git ls-files', /k8s\/app\.yaml/],
    ['git blame k8s/app.yaml | head -1', /ConfigMap|apiVersion/],
    ['git remote -v', /github\.com/],
    ['git config --get remote.origin.url', /github\.com/],
    ['git grep -n ConfigMap', /app\.yaml/],
    ['git diff main:k8s/app.yaml HEAD:k8s/app.yaml && echo same', /same/],
    ['git log -p -1 -- k8s | head -3', /commit/],
    ['git stash list', undefined],
    ['git tag --list', undefined],
    ['git describe --always', /[0-9a-f]{7}/],
    ['make check', /make-ok/],
    ['make -n check', /echo make-ok/],
    ['npm test', /npm-test-ok/],
    ['npm run test --silent', /npm-test-ok/],
    ['echo "apiVersion: v1" > k8s/new.yaml && cat k8s/new.yaml', /apiVersion/],
    ['mkdir -p k8s/overlays/prod && touch k8s/overlays/prod/kustomization.yaml && ls k8s/overlays/prod', /kustomization/],
    ["sed -i 's/a: b/a: c/' k8s/app.yaml && grep 'a: c' k8s/app.yaml", /a: c/],
    ['cp k8s/app.yaml k8s/app-copy.yaml && ls k8s', /app-copy/],
    ['mv k8s/app.yaml k8s/renamed.yaml && ls k8s', /renamed/],
    ['rm k8s/app.yaml && ls k8s; echo done', /done/],
    ['tar -czf k8s/bundle.tgz -C k8s app.yaml && tar -tzf k8s/bundle.tgz', /app\.yaml/],
    ['printf "a\\nb\\n" | tee k8s/list.txt', /b/],
    ['python3 -c "open(\'k8s/gen.yaml\',\'w\').write(\'kind: Namespace\\\\n\')" && cat k8s/gen.yaml', /Namespace/],
    ['cd k8s && ls && cd ..', /app\.yaml/],
    ['cd terraform && ls', /main\.tf/],
    ['mktemp -d >/dev/null && echo tmp-ok', /tmp-ok/],
    ['echo scratch > "${TMPDIR:-/tmp}/aurora-scratch" && cat "${TMPDIR:-/tmp}/aurora-scratch"', /scratch/],
    ['yq --version 2>/dev/null || echo no-yq', /./],
    ['command -v curl', /curl/],
    [`curl -s -m 5 --noproxy '' http://127.0.0.1:${lab.allowedPort}/`, /allowed-host-ok/],
    [`curl -s -m 5 -o /dev/null -w "%{http_code}" --noproxy '' http://127.0.0.1:${lab.allowedPort}/health`, /200/],
    [`wget -q -O - http://127.0.0.1:${lab.allowedPort}/ 2>/dev/null || curl -s --noproxy '' http://127.0.0.1:${lab.allowedPort}/`, /allowed-host-ok/],
    [`python3 -c "import urllib.request,os; print(urllib.request.urlopen('http://127.0.0.1:${lab.allowedPort}/', timeout=5).read().decode())" 2>/dev/null || curl -s --noproxy '' http://127.0.0.1:${lab.allowedPort}/`, /allowed-host-ok/],
  ];
}

/** Commands that need a cluster, a registry or the Internet: the policy must ask, not deny. */
const BY_DECISION = [
  'kubectl apply -f k8s/',
  'kubectl get pods -n default',
  'kubectl diff -f k8s/app.yaml',
  'kubectl rollout status deployment/web -n default',
  'kubectl logs deploy/web --tail=50',
  'terraform -chdir=terraform init -backend=false',
  'terraform -chdir=terraform plan',
  'terraform fmt -check -recursive',
  'docker build -t app:1.0.0 .',
  'helm template ./chart',
  'helm lint ./chart',
  'trivy image app:1.0.0',
  'git push -u origin feature/limits',
  'git fetch origin main:main',
  'git pull --ff-only',
  'curl -fsSL https://github.com/example/lab/releases',
];

describe('benign DevOps commands still work in the sandbox', { timeout: 600_000 }, () => {
  let lab: Lab;
  let policy: PolicyContext;
  const figures = { ran: 0, byDecision: 0 };

  before(async () => {
    await ready();
    const status = await sandboxStatus('required');
    assert.ok(status.enforced, `no sandbox here: ${status.reason ?? ''} ${status.installHint ?? ''}`);
    lab = await openLab('aurora-benign-');
    policy = { workspaceRoot: lab.ws, realpath: (p) => realpathDeep(p), caseInsensitive: false, config: lab.config, trusted: true };
  });

  after(async () => {
    await shutdownSandbox();
    await lab?.close();
    console.log(`benign figures: ${JSON.stringify(figures)}`);
  });

  it('runs at least 80 commands users run, each exiting 0 with the output it should', async () => {
    const shell = new SandboxedShell('required');
    const cases = runnable(lab);
    assert.ok(cases.length + BY_DECISION.length >= 80, `only ${cases.length + BY_DECISION.length} benign commands`);
    const failures: string[] = [];
    for (const [command, expect] of cases) {
      const r = await shell.run({ command, cwd: lab.ws, timeoutMs: 30_000, contract: { root: lab.ws, config: lab.config } });
      figures.ran++;
      assert.equal(r.sandboxed, true);
      if (r.exitCode !== 0 || (expect && !expect.test(r.output))) {
        failures.push(`${command} → exit ${r.exitCode}: ${r.output.slice(0, 300)} ${(r.notes ?? []).join(' ')}`);
      }
      resetK8s(lab);
    }
    assert.deepEqual(failures, []);
    assert.ok(lab.allowedHits() >= 3, 'the allowed loopback host was reached through the sandbox proxy');
    assert.deepEqual(lab.intact(), []);
  });

  it('asks (never denies) for commands that need a cluster, a registry or the Internet', () => {
    const denied: string[] = [];
    for (const command of BY_DECISION) {
      figures.byDecision++;
      const d = decide({ name: 'run_shell_command', input: { command } }, policy);
      if (d.decision !== 'ask') {
        denied.push(`${command}: ${d.decision} (${d.reasons.join('; ')})`);
      }
    }
    assert.deepEqual(denied, []);
  });

  it('a write the sandbox refuses comes back to the model in words', async () => {
    const shell = new SandboxedShell('required');
    const r = await shell.run({ command: 'echo x > ../outside/f', cwd: lab.ws, timeoutMs: 30_000, contract: { root: lab.ws, config: lab.config } });
    assert.notEqual(r.exitCode, 0);
    assert.match((r.notes ?? []).join(' '), /refused a write: aurora\.yaml permits commands to write only under \/k8s/);
    assert.equal(fs.existsSync(path.join(lab.outside, 'f')), false);
  });
});
