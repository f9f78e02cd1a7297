import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { git } from '../../../../src/agent/policy/handlers/git';
import { ready } from '../../../helpers/core';
import { handlerWorkspace, runHandler } from '../../../helpers/policyHandler';
import type { RunOptions } from '../../../helpers/policyHandler';

let ws: ReturnType<typeof handlerWorkspace>;
before(async () => {
  await ready();
  ws = handlerWorkspace();
});
after(() => ws.remove());
const run = (command: string, options?: RunOptions) => runHandler(git, command, ws.root, options);

describe('policy handler: git', () => {
  it('asks for local commands with nothing to add', () => {
    const r = run('git status --short');
    assert.equal(r.decision, 'ask');
    assert.deepEqual(r.reasons, ["every command needs the user's confirmation"]);
    assert.deepEqual(r.hosts, []);
  });

  it('explains remotes whose address is in the git configuration', () => {
    const r = run('git push -u origin feature/x');
    assert.equal(r.decision, 'ask');
    assert.ok(r.reasons.some((x) => /contacts the remote 'origin'.*git configuration/.test(x)), r.reasons.join('\n'));
    const current = run('git fetch');
    assert.ok(current.reasons.some((x) => /current branch's remote/.test(x)), current.reasons.join('\n'));
  });

  it('marks history-destroying commands destructive', () => {
    for (const [command, what] of [
      ['git push --force origin main', /git push --force\/--delete/],
      ['git push origin :old-branch', /git push --force\/--delete/],
      ['git reset --hard HEAD~1', /git reset --hard/],
      ['git clean -fdx', /git clean -f/],
    ] as const) {
      const r = run(command);
      assert.equal(r.decision, 'ask', command);
      assert.equal(r.destructive, true, command);
      assert.ok(r.reasons.some((x) => what.test(x)), `${command}: ${r.reasons.join('\n')}`);
    }
  });

  it('checks the host of host:path remotes against permissions.network', () => {
    const ok = run('git clone git@github.com:org/repo.git k8s/repo');
    assert.equal(ok.decision, 'ask');
    assert.deepEqual(ok.hosts, ['github.com']);
    assert.deepEqual(ok.written, ['k8s/repo']);
    const bad = run('git fetch git@evil.example:org/repo.git main');
    assert.equal(bad.decision, 'deny');
    assert.match(bad.reasons.join('\n'), /evil\.example is not in permissions\.network/);
  });

  it('checks where a clone is written', () => {
    const r = run('git clone https://github.com/org/tool.git');
    assert.equal(r.decision, 'deny');
    assert.match(r.reasons.join('\n'), /git clone writes to \/tool, outside permissions\.filesystem/);
    const inside = run('git -C k8s clone https://github.com/org/tool.git');
    assert.deepEqual(inside.written, ['k8s/tool']);
  });

  it('refuses configuration that runs programs or moves connections', () => {
    for (const command of ['git -c core.sshCommand=evil fetch origin', 'git config core.hooksPath .hooks', 'git clone --config credential.helper=x https://github.com/o/r k8s/r']) {
      const r = run(command);
      assert.equal(r.decision, 'deny', command);
      assert.match(r.reasons.join('\n'), /changes where git connects or which programs it runs/, command);
    }
    assert.equal(run('git config --get remote.origin.url').decision, 'ask');
    assert.match(run('git ls-remote -u /tmp/x origin').reasons.join('\n'), /--upload-pack runs a program/);
    assert.match(run('git --git-dir=/tmp/other/.git/../x log').reasons.join('\n'), /another repository's configuration/);
    assert.match(run("git fetch 'ext::sh -c evil'").reasons.join('\n'), /ext transport/);
  });

  it('refuses reading a secret file from history', () => {
    const r = run('git show HEAD:.env');
    assert.equal(r.decision, 'deny');
    assert.match(r.reasons[0], /committed content of a secret file/);
    assert.equal(run('git show HEAD:k8s/app.yaml').decision, 'ask');
  });
});
