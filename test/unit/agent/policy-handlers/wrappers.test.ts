import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { alone, commandTextWrapper, env, proxifier, script, su, sudoAlone, xargs } from '../../../../src/agent/policy/handlers/wrappers';
import { analyzeCommand } from '../../../../src/agent/policy';
import { parseShell } from '../../../../src/core/parsers/shell';
import { unwrapWords } from '../../../../src/core/shell';
import { realpathDeep } from '../../../../src/agent/node/workspace';
import { ready } from '../../../helpers/core';
import { handlerWorkspace, runHandler } from '../../../helpers/policyHandler';

let ws: ReturnType<typeof handlerWorkspace>;
before(async () => {
  await ready();
  ws = handlerWorkspace();
});
after(() => ws.remove());

describe('policy handler: wrappers', () => {
  it('the shell model peels the wrappers the walker hands the command to its handler without', () => {
    const peel = (line: string): string => {
      const c = parseShell(line).commands[0];
      const r = unwrapWords(c.nameWord ? [c.nameWord, ...c.args] : []);
      return `${r.wrappers.map((w) => w.name).join('+')}: ${r.words.map((w) => w.value).join(' ')}`;
    };
    for (const [line, want] of [
      ['sudo -u deploy kubectl apply -f k8s', 'sudo: kubectl apply -f k8s'],
      ['doas -u ops helm list', 'doas: helm list'],
      ['nohup kubectl port-forward svc/web 8080', 'nohup: kubectl port-forward svc/web 8080'],
      ['timeout -s KILL 30 curl https://github.com', 'timeout: curl https://github.com'],
      ['nice -10 make build', 'nice: make build'],
      ['nice -n 5 make build', 'nice: make build'],
      ['command kubectl get pods', 'command: kubectl get pods'],
      ['flock /tmp/lock kubectl apply -f k8s', 'flock: kubectl apply -f k8s'],
      ['strace -f -o k8s/trace kubectl version', 'strace: kubectl version'],
      ['watch -n 5 -x kubectl get pods', 'watch: kubectl get pods'],
      ['sudo env -i X=1 nice timeout 5 kubectl get pods', 'sudo+env+nice+timeout: kubectl get pods'],
      ['npx --yes eslint .', 'npx: eslint .'],
      ['poetry run pytest', 'poetry run: pytest'],
      ['env - kubectl get pods', 'env: kubectl get pods'],
      ["env 'BASH_FUNC_ls%%=() { id; }' bash", 'env: bash'],
      ['command -v kubectl', ': command -v kubectl'],
      ["flock /tmp/lock -c 'make deploy'", ": flock /tmp/lock -c make deploy"],
      ['sudo -s', ': sudo -s'],
    ] as const) {
      assert.equal(peel(line), want, line);
    }
  });

  it('a wrapper alone runs nothing, or a shell reading standard input', () => {
    assert.deepEqual(runHandler(alone, 'timeout 5', ws.root).walked, []);
    assert.deepEqual(runHandler(sudoAlone, 'sudo -v', ws.root).walked, []);
    assert.equal(runHandler(sudoAlone, 'echo id | sudo -s', ws.root, { index: -1 }).decision, 'deny');
  });

  it('walks command texts given to wrappers', () => {
    assert.deepEqual(runHandler(commandTextWrapper, "flock /tmp/lock -c 'make deploy'", ws.root).walked, ['script: make deploy']);
    assert.deepEqual(runHandler(commandTextWrapper, "runuser -u app -c 'make deploy'", ws.root).walked, ['script: make deploy']);
    assert.deepEqual(runHandler(su, "su -c 'id' ops", ws.root).walked, ['script: id']);
    assert.deepEqual(runHandler(env, "env -S 'kubectl get pods'", ws.root).walked, ['script: kubectl get pods']);
    assert.match(runHandler(su, 'su -c "$CMD" ops', ws.root).reasons[0], /su -c runs a command the policy cannot inspect/);
  });

  it('the walker checks the wrappers the model recorded: env assignments, watch texts', () => {
    const ctx = { workspaceRoot: ws.root, realpath: realpathDeep, caseInsensitive: false, permissions: { filesystem: ['/k8s'], network: ['github.com'] }, cwd: ws.root };
    const kube = analyzeCommand('env -i KUBECONFIG=k8s/kubeconfig kubectl get pods', ctx);
    assert.match(kube.denials[0], /KUBECONFIG k8s\/kubeconfig is a file in the workspace/);
    assert.match(analyzeCommand('sudo env HTTPS_PROXY=http://p:3128 curl https://github.com', ctx).denials.join('\n'), /sends traffic through a proxy/);
    assert.match(analyzeCommand("env 'BASH_FUNC_ls%%=() { id; }' bash", ctx).denials.join('\n'), /BASH_FUNC_ variables define shell functions/);
    assert.match(analyzeCommand("watch 'curl https://evil.example'", ctx).denials.join('\n'), /evil\.example is not in permissions\.network/);
    assert.match(analyzeCommand("env -S 'curl https://evil.example' x", ctx).denials.join('\n'), /evil\.example is not in permissions\.network/);
    assert.deepEqual(analyzeCommand('nice -n 5 timeout 30 kubectl get pods', ctx).wrapped, ['nice', 'timeout']);
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
