import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chmod, copy, create, dd, find, grep, mkfs, remove, sed, sedEffects, tar, unzip, yq } from '../../../../src/agent/policy/handlers/files';
import { ready } from '../../../helpers/core';
import { handlerWorkspace, runHandler } from '../../../helpers/policyHandler';

let ws: ReturnType<typeof handlerWorkspace>;
before(async () => {
  await ready();
  ws = handlerWorkspace();
});
after(() => ws.remove());

describe('policy handler: file utilities', () => {
  it('rm writes its operands; recursive and whole-tree removals are destructive', () => {
    const r = runHandler(remove, 'rm -rf k8s/old', ws.root);
    assert.equal(r.decision, 'ask');
    assert.deepEqual(r.written, ['k8s/old']);
    assert.ok(r.reasons.includes('destructive: rm -r deletes directories recursively'));
    const src = runHandler(remove, 'rm src/app.js', ws.root);
    assert.equal(src.decision, 'deny');
    assert.match(src.reasons[0], /rm writes to \/src\/app\.js, outside permissions\.filesystem/);
    assert.match(runHandler(remove, 'rm -f .env', ws.root).reasons[0], /rm writes to \.env: /);
    const tree = runHandler(remove, 'rm -r k8s/*', ws.root);
    assert.deepEqual(tree.written, ['k8s/*']);
    assert.ok(tree.reasons.includes('destructive: rm -r deletes directories recursively'), tree.reasons.join('\n'));
    const root = runHandler(remove, 'rmdir .', ws.root);
    assert.equal(root.decision, 'deny');
    assert.equal(root.destructive, true);
  });

  it('cp/mv/ln/install write their destination; mv removes sources; ln makes its target writable', () => {
    assert.deepEqual(runHandler(copy, 'cp k8s/app.yaml k8s/app2.yaml', ws.root).written, ['k8s/app2.yaml']);
    assert.match(runHandler(copy, 'cp k8s/app.yaml src/', ws.root).reasons[0], /cp writes to \/src/);
    const mv = runHandler(copy, 'mv src/a.yaml k8s/a.yaml', ws.root);
    assert.equal(mv.decision, 'deny');
    assert.match(mv.reasons.join('\n'), /mv \(source removed\) writes to \/src\/a\.yaml/);
    const ln = runHandler(copy, 'ln -s ../src k8s/src-link', ws.root);
    assert.equal(ln.decision, 'deny');
    assert.match(ln.reasons.join('\n'), /ln -s \(link target\) writes to \/src/);
    assert.deepEqual(runHandler(copy, 'install -d k8s/new', ws.root).written, ['k8s/new']);
  });

  it('tee, touch, mkdir, truncate and chmod write every operand', () => {
    assert.deepEqual(runHandler(create, 'tee -a k8s/out.yaml', ws.root).written, ['k8s/out.yaml']);
    assert.match(runHandler(create, 'touch src/x', ws.root).reasons[0], /touch writes to \/src\/x/);
    assert.deepEqual(runHandler(chmod, 'chmod +x k8s/run.sh', ws.root).written, ['k8s/run.sh']);
    assert.deepEqual(runHandler(chmod, 'chown --reference=k8s/a k8s/b', ws.root).written, ['k8s/b']);
  });

  it('dd reads if= and writes of=', () => {
    assert.match(runHandler(dd, 'dd if=.env of=k8s/copy', ws.root).reasons[0], /the command reads \.env/);
    const dev = runHandler(dd, 'dd if=k8s/app.yaml of=/dev/sda', ws.root);
    assert.equal(dev.decision, 'deny');
    assert.equal(dev.destructive, true);
  });

  it("sed: -i writes, 'w' writes, 'e' runs hidden commands, 'r' reads", () => {
    assert.deepEqual(runHandler(sed, 'sed -i s/a/b/ k8s/app.yaml', ws.root).written, ['k8s/app.yaml']);
    assert.match(runHandler(sed, "sed 's/x/date/e' k8s/app.yaml", ws.root).reasons[0], /sed runs a command the policy cannot inspect/);
    assert.match(runHandler(sed, "sed 'w src/out' k8s/app.yaml", ws.root).reasons[0], /sed 'w' writes to \/src\/out/);
    assert.match(runHandler(sed, "sed '1r .env' k8s/app.yaml", ws.root).reasons[0], /reads \.env/);
    assert.equal(runHandler(sed, "sed --sandbox 's/x/y/e' k8s/app.yaml", ws.root).decision, 'ask');
    assert.deepEqual(sedEffects('/x/w k8s/log\ns/a/b/w k8s/other'), { exec: false, writes: ['k8s/log', 'k8s/other'], reads: [] });
  });

  it('grep -r over the workspace: credentials refused, other searches explained', () => {
    const creds = runHandler(grep, 'grep -rn password .', ws.root);
    assert.equal(creds.decision, 'deny');
    assert.match(creds.reasons[0], /searches the whole workspace \(\. \(the whole workspace\)\) for credentials/);
    const wide = runHandler(grep, 'grep -r image .', ws.root);
    assert.equal(wide.decision, 'ask');
    assert.ok(wide.reasons.some((x) => /reads every file under \. \(the whole workspace\)/.test(x)));
    assert.deepEqual(runHandler(grep, 'grep -rn password /opt/other', ws.root).reasons, ["every command needs the user's confirmation"]);
    assert.match(runHandler(grep, "rg --pre ./x image", ws.root).reasons[0], /rg --pre runs a command/);
    assert.match(runHandler(grep, "grep -r --include='*.pem' BEGIN k8s", ws.root).reasons[0], /searches secret files/);
  });

  it('yq -i, tar -x/-c and unzip write where they extract', () => {
    assert.deepEqual(runHandler(yq, "yq -i '.a = 1' k8s/app.yaml", ws.root).written, ['k8s/app.yaml']);
    assert.deepEqual(runHandler(tar, 'tar -xzf chart.tgz -C k8s', ws.root).written, ['k8s']);
    assert.match(runHandler(tar, 'tar xf chart.tar', ws.root).reasons[0], /tar -x writes to \/, outside permissions\.filesystem|tar -x writes to \/\./);
    assert.match(runHandler(tar, 'tar --to-command=sh -xf x.tar -C k8s', ws.root).reasons[0], /tar runs a program/);
    assert.equal(runHandler(unzip, 'unzip -l x.zip', ws.root).decision, 'ask');
    assert.deepEqual(runHandler(unzip, 'unzip x.zip -d k8s/x', ws.root).written, ['k8s/x']);
  });

  it('mkfs is destructive', () => {
    const r = runHandler(mkfs, 'mkfs.ext4 /dev/sdb1', ws.root);
    assert.equal(r.decision, 'ask');
    assert.ok(r.reasons.includes('destructive: mkfs formats a file system'));
  });

  it('find: -delete writes and destroys, -exec walks the command per start path, secret names refused', () => {
    const del = runHandler(find, 'find k8s -name "*.bak" -delete', ws.root);
    assert.deepEqual(del.written, ['k8s']);
    assert.equal(del.destructive, true);
    assert.deepEqual(runHandler(find, 'find k8s charts -name "*.yaml" -exec kubeval {} +', ws.root).walked, ['words: kubeval k8s', 'words: kubeval charts']);
    const secret = runHandler(find, 'find . -name .env -exec cat {} ;', ws.root);
    assert.equal(secret.decision, 'deny');
    assert.match(secret.reasons[0], /find hands secret files to a command: -name \.env/);
    assert.equal(runHandler(find, 'find . -not -name .env -exec wc -l {} +', ws.root).decision, 'ask');
  });
});
