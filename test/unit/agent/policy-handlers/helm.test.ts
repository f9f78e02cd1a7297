import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { helm } from '../../../../src/agent/policy/handlers/helm';
import { ready } from '../../../helpers/core';
import { handlerWorkspace, runHandler } from '../../../helpers/policyHandler';

let ws: ReturnType<typeof handlerWorkspace>;
before(async () => {
  await ready();
  ws = handlerWorkspace();
});
after(() => ws.remove());
const run = (command: string) => runHandler(helm, command, ws.root);

describe('policy handler: helm', () => {
  it('asks for installs and template renders', () => {
    const r = run('helm upgrade --install web charts/web -f k8s/values.yaml');
    assert.equal(r.decision, 'ask');
    assert.deepEqual(r.reasons, ["every command needs the user's confirmation"]);
  });

  it('marks uninstall destructive', () => {
    for (const command of ['helm uninstall web', 'helm del web']) {
      const r = run(command);
      assert.equal(r.destructive, true, command);
      assert.ok(r.reasons.includes('destructive: helm uninstall removes a release'), command);
    }
  });

  it('checks chart repositories against permissions.network', () => {
    const bad = run('helm repo add evil https://evil.example/charts');
    assert.equal(bad.decision, 'deny');
    assert.match(bad.reasons.join('\n'), /evil\.example is not in permissions\.network/);
    const ok = run('helm install web chart --repo https://github.com/org/charts');
    assert.equal(ok.decision, 'ask');
    assert.deepEqual(ok.hosts, ['github.com']);
  });

  it('refuses post-renderers and workspace kubeconfigs', () => {
    assert.match(run('helm install web charts/web --post-renderer ./render.sh').reasons.join('\n'), /--post-renderer runs a program/);
    const r = run('helm --kubeconfig ./kubeconfig list');
    assert.equal(r.decision, 'deny');
    assert.match(r.reasons[0], /helm --kubeconfig \.\/kubeconfig is a file in the workspace/);
  });
});
