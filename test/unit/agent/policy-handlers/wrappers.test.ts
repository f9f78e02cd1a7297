import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { command, env, nice, proxifier, script, simpleWrapper, su, timeout, watch, wrapped, xargs } from '../../../../src/agent/policy/handlers/wrappers';
import { ready } from '../../../helpers/core';
import { handlerWorkspace, runHandler } from '../../../helpers/policyHandler';

let ws: ReturnType<typeof handlerWorkspace>;
before(async () => {
  await ready();
  ws = handlerWorkspace();
});
after(() => ws.remove());

describe('policy handler: wrappers', () => {
  it('hands the wrapped command back to the walker', () => {
    for (const [handler, line, inner] of [
      [simpleWrapper, 'sudo -u deploy kubectl apply -f k8s', 'words: kubectl apply -f k8s'],
      [simpleWrapper, 'doas -u ops helm list', 'words: helm list'],
      [simpleWrapper, 'nohup kubectl port-forward svc/web 8080', 'words: kubectl port-forward svc/web 8080'],
      [timeout, 'timeout -s KILL 30 curl https://github.com', 'words: curl https://github.com'],
      [nice, 'nice -10 make build', 'words: make build'],
      [nice, 'nice -n 5 make build', 'words: make build'],
      [command, 'command kubectl get pods', 'words: kubectl get pods'],
      [wrapped, 'flock /tmp/lock kubectl apply -f k8s', 'words: kubectl apply -f k8s'],
      [wrapped, 'strace -f -o k8s/trace kubectl version', 'words: kubectl version'],
      [watch, 'watch -n 5 -x kubectl get pods', 'words: kubectl get pods'],
    ] as const) {
      const r = runHandler(handler, line, ws.root);
      assert.deepEqual(r.walked, [inner], line);
      assert.equal(r.decision, 'ask', line);
    }
    assert.deepEqual(runHandler(command, 'command -v kubectl', ws.root).walked, []);
  });

  it('walks command texts given to wrappers', () => {
    assert.deepEqual(runHandler(wrapped, "flock /tmp/lock -c 'make deploy'", ws.root).walked, ['script: make deploy']);
    assert.deepEqual(runHandler(watch, "watch 'kubectl get pods'", ws.root).walked, ['script: kubectl get pods']);
    assert.deepEqual(runHandler(su, "su -c 'id' ops", ws.root).walked, ['script: id']);
    assert.deepEqual(runHandler(env, "env -S 'kubectl get pods'", ws.root).walked, ['script: kubectl get pods']);
    assert.match(runHandler(su, 'su -c "$CMD" ops', ws.root).reasons[0], /su -c runs a command the policy cannot inspect/);
  });

  it('env: assignments are checked like assignments', () => {
    const r = runHandler(env, 'env -i KUBECONFIG=k8s/kubeconfig kubectl get pods', ws.root);
    assert.equal(r.decision, 'deny');
    assert.match(r.reasons[0], /KUBECONFIG k8s\/kubeconfig is a file in the workspace/);
    assert.deepEqual(r.walked, ['words: kubectl get pods']);
    assert.match(runHandler(env, 'env HTTPS_PROXY=http://p:3128 curl https://github.com', ws.root).reasons[0], /sends traffic through a proxy/);
    assert.match(runHandler(env, "env 'BASH_FUNC_ls%%=() { id; }' bash", ws.root).reasons[0], /BASH_FUNC_ variables define shell functions/);
  });

  it('xargs: the input is unknown, and a dumper fed secret names is refused', () => {
    assert.deepEqual(runHandler(xargs, 'xargs -n1 kubectl delete pod', ws.root).walked, ['words: kubectl delete pod $INPUT']);
    assert.deepEqual(runHandler(xargs, 'xargs -I{} cp {} k8s/', ws.root).walked, ['words: cp $INPUT k8s/']);
    const secret = runHandler(xargs, 'echo .env | xargs cat', ws.root, { index: -1 });
    assert.equal(secret.decision, 'deny');
    assert.match(secret.reasons[0], /xargs cat reads the files named by 'echo \.env', which include \.env/);
  });

  it('script records the session in a file and runs -c text', () => {
    const r = runHandler(script, "script -q -c 'make test' k8s/session.log", ws.root);
    assert.deepEqual(r.walked, ['script: make test']);
    assert.deepEqual(r.written, ['k8s/session.log']);
    const bare = runHandler(script, 'script', ws.root);
    assert.equal(bare.decision, 'deny');
    assert.match(bare.reasons.join('\n'), /script \(session record\) writes to \/typescript/);
  });

  it('proxifiers are refused and their command still walked', () => {
    const r = runHandler(proxifier, 'proxychains4 -q curl https://github.com', ws.root);
    assert.equal(r.decision, 'deny');
    assert.match(r.reasons[0], /proxychains4 sends the traffic of the command it runs through a proxy/);
    assert.deepEqual(r.walked, ['words: curl https://github.com']);
  });
});
