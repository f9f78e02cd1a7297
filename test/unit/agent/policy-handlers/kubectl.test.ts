import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { kubectl } from '../../../../src/agent/policy/handlers/kubectl';
import { ready } from '../../../helpers/core';
import { handlerWorkspace, runHandler } from '../../../helpers/policyHandler';

let ws: ReturnType<typeof handlerWorkspace>;
before(async () => {
  await ready();
  ws = handlerWorkspace();
});
after(() => ws.remove());
const run = (command: string) => runHandler(kubectl, command, ws.root);

describe('policy handler: kubectl / oc', () => {
  it('asks for reads and applies', () => {
    for (const command of ['kubectl get pods -n web', 'kubectl apply -f k8s/app.yaml', 'oc get routes']) {
      const r = run(command);
      assert.equal(r.decision, 'ask', command);
      assert.equal(r.destructive, undefined, command);
    }
  });

  it('marks deletions, drains, forced replaces, prunes and scaling to zero destructive', () => {
    for (const [command, what] of [
      ['kubectl delete deploy web', /kubectl delete removes workloads/],
      ['kubectl drain node-1', /kubectl drain/],
      ['kubectl replace --force -f k8s/app.yaml', /replace --force deletes resources/],
      ['kubectl apply --prune -l app=web -f k8s', /apply --prune deletes resources/],
      ['oc scale --replicas=0 deploy/web', /scale --replicas=0 stops the workload/],
    ] as const) {
      const r = run(command);
      assert.equal(r.decision, 'ask', command);
      assert.equal(r.destructive, true, command);
      assert.ok(r.reasons.some((x) => what.test(x)), `${command}: ${r.reasons.join('\n')}`);
    }
    assert.equal(run('kubectl scale --replicas=3 deploy/web').destructive, undefined);
  });

  it('checks --server against permissions.network', () => {
    const r = run('kubectl --server https://evil.example:6443 get pods');
    assert.equal(r.decision, 'deny');
    assert.match(r.reasons.join('\n'), /evil\.example is not in permissions\.network/);
    assert.deepEqual(r.hosts, ['evil.example']);
  });

  it('refuses a kubeconfig from the workspace and explains the user\'s own', () => {
    const inside = run('kubectl --kubeconfig k8s/kubeconfig get pods');
    assert.equal(inside.decision, 'deny');
    assert.match(inside.reasons[0], /is a file in the workspace: a kubeconfig can run any program/);
    const home = run('kubectl --kubeconfig ~/.kube/prod get pods');
    assert.equal(home.decision, 'ask');
    assert.ok(home.reasons.some((x) => /outside the workspace, so make sure it is your own/.test(x)));
  });

  it('walks the command after -- as one run in the cluster', () => {
    const r = run("kubectl exec web -- sh -c 'cat /etc/passwd > /tmp/x'");
    assert.deepEqual(r.walked, ["words: sh -c cat /etc/passwd > /tmp/x"]);
    assert.equal(r.session.scope.inContainer, 0);
  });
});
