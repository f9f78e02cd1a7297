import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../../../src/core';
import { ready, repoRoot } from '../../../helpers/core';

const root = repoRoot();
const read = (rel: string): string => fs.readFileSync(path.join(root, rel), 'utf8');

describe('demo workspace (examples/)', () => {
  before(ready);

  it('the flawed deploy workflow shows the pipeline doctrine and the security rules', () => {
    const rel = 'examples/.github/workflows/deploy.yml';
    const ids = new Set(analyze(rel, read(rel)).map((f) => f.ruleId));
    for (const id of [
      'github-actions/deploy-without-tests',
      'github-actions/test-continue-on-error',
      'github-actions/push-without-scan',
      'github-actions/k8s-deploy-without-health-check',
      'github-actions/unpinned-action',
      'github-actions/script-injection',
      'github-actions/pull-request-target-checkout',
      'github-actions/secret-echoed',
      'github-actions/permissions-write-all',
      'github-actions/curl-pipe-shell',
      'github-actions/hardcoded-secret',
    ]) {
      assert.ok(ids.has(id), `${id} is not shown by the demo`);
    }
  });

  it('the clean deploy workflow and aurora.yaml have no findings', () => {
    for (const rel of ['examples/.github/workflows/deploy-clean.yml', 'examples/aurora.yaml']) {
      assert.deepEqual(analyze(rel, read(rel)).map((f) => `${f.range.start.line + 1}: ${f.ruleId}`), [], rel);
    }
  });
});
