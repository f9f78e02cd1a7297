import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../../helpers/core';
import { runCli } from '../../helpers/cli';

describe('the CLI container image', () => {
  const root = repoRoot();
  const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');

  it('passes our own check with no finding at any severity', async () => {
    const r = await runCli(['check', 'Dockerfile', '--severity', 'info', '--fail-on', 'info', '--format', 'json'], root);
    assert.deepEqual(JSON.parse(r.stdout), []);
    assert.equal(r.code, 0, r.stderr);
  });

  it('is multi-stage, runs as a non-root user and runs aurora-devops', () => {
    const froms = dockerfile.match(/^FROM .+$/gm) ?? [];
    assert.ok(froms.length >= 2, 'a build stage and a final stage');
    const final = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    assert.match(final, /^USER node$/m);
    assert.match(final, /^ENTRYPOINT \["aurora-devops"\]$/m);
    assert.match(final, /^COPY --from=build /m);
    // every suppression says why
    for (const line of dockerfile.split('\n').filter((l) => l.includes('aurora-ignore'))) {
      assert.match(line, /aurora-ignore \S+ \S+.{20,}/, line);
    }
  });

  it('the build context leaves out what the build makes or must not see', () => {
    const ignored = fs.readFileSync(path.join(root, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['.git', 'node_modules', 'dist']) {
      assert.ok(ignored.includes(entry), entry);
    }
    // what npm pack ships must stay in the context
    const files = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { files: string[] }).files;
    for (const f of files.filter((x) => !x.startsWith('dist'))) {
      assert.ok(!ignored.includes(f.split('/')[0]), `${f} is in the build context`);
    }
  });
});
