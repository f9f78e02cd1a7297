import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { analyze } from '../../../src/core';
import { shellEffects } from '../../../src/core/shell';
import { decide } from '../../../src/agent/policy';
import type { PolicyContext } from '../../../src/agent/policy';
import { ready } from '../../helpers/core';
import { policyWorkspace } from '../../helpers/policyWorkspace';
import { TABLE } from './table';
import type { ShellRow } from './table';

// The same workspace and aurora.yaml as the policy suite, so its tables keep their answers here.
let ws = '';
let ctx: PolicyContext;

/** Rule ids that fired for a line in each pack. */
interface Answers {
  dockerfile: Set<string> | undefined;
  workflow: Set<string>;
  gitlab: Set<string>;
}

function indent(line: string, spaces: number): string {
  return line
    .split('\n')
    .map((l) => ' '.repeat(spaces) + l)
    .join('\n');
}

function answers(line: string): Answers {
  const ids = (file: string, text: string): Set<string> => new Set(analyze(file, text, {}, {}).map((f) => f.ruleId));
  // a RUN is one line (continuations aside): multi-line rows (here-documents) are for the YAML scripts and the policy
  const dockerfile = line.includes('\n') ? undefined : ids('Dockerfile', `FROM alpine:3.20\nRUN ${line}\n`);
  const workflow = ids('.github/workflows/ci.yml', `on: push\npermissions: {}\njobs:\n  build:\n    runs-on: ubuntu-24.04\n    timeout-minutes: 10\n    steps:\n      - run: |\n${indent(line, 10)}\n`);
  const gitlab = ids('.gitlab-ci.yml', `job:\n  stage: test\n  script:\n    - |\n${indent(line, 6)}\n`);
  return { dockerfile, workflow, gitlab };
}

/** What the rules and the model say about a row, in the row's own terms. */
function observed(row: ShellRow, a: Answers): Omit<ShellRow, 'line' | 'policy' | 'policyKnownWrong'> {
  const e = shellEffects(row.line);
  const out: Omit<ShellRow, 'line' | 'policy' | 'policyKnownWrong'> = {};
  const form = e.downloads[0]?.form;
  if (form) {
    out.download = form;
  }
  if (e.installs.length > 0) {
    out.installs = e.installs.flatMap((i) => i.packages.map((p) => `${i.manager}:${p.name}${p.version ? '@' + p.version : ''}`));
  }
  if (a.workflow.has('github-actions/k8s-deploy-without-health-check')) {
    out.k8s = true;
  } else if (a.gitlab.has('gitlab-ci/deploy-without-rules')) {
    out.deploy = true;
  }
  if (a.dockerfile?.has('dockerfile/no-sudo') ?? row.sudo) {
    out.sudo = true;
  }
  return out;
}

function policyOf(line: string): string {
  const d = decide({ name: 'run_shell_command', input: { command: line } }, ctx);
  return d.decision;
}

describe('shell table: every consumer agrees with the shared table', () => {
  before(async () => {
    await ready();
    ({ root: ws, ctx } = policyWorkspace('aurora-shell-table-'));
  });
  after(() => {
    if (ws) {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });

  it('has at least 300 rows, each line once', () => {
    assert.ok(TABLE.length >= 300, `${TABLE.length}`);
    const seen = new Set<string>();
    const twice = TABLE.filter((r) => seen.has(r.line) || !seen.add(r.line)).map((r) => r.line);
    assert.deepEqual(twice, []);
  });

  for (const row of TABLE) {
    it(row.line, () => {
      const a = answers(row.line);
      const { line: _line, policy: _policy, policyKnownWrong: _known, ...expected } = row;
      assert.deepEqual(observed(row, a), expected, 'model and rule answers');
      // the download column is what every pack's curl-pipe-shell rule answers
      const reported = row.download !== undefined && row.download !== 'write-then-run';
      assert.equal(a.workflow.has('github-actions/curl-pipe-shell'), reported, 'github-actions/curl-pipe-shell');
      assert.equal(a.gitlab.has('gitlab-ci/curl-pipe-shell'), reported, 'gitlab-ci/curl-pipe-shell');
      if (a.dockerfile) {
        assert.equal(a.dockerfile.has('dockerfile/curl-pipe-shell'), reported, 'dockerfile/curl-pipe-shell');
      }
      // a Kubernetes deploy is a deploy for GitLab's doctrine too
      if (row.k8s) {
        assert.ok(a.gitlab.has('gitlab-ci/deploy-without-rules'), 'gitlab-ci/deploy-without-rules');
      }
      const decision = policyOf(row.line);
      if (row.policyKnownWrong) {
        assert.notEqual(decision, row.policy, `the policy now answers ${decision}: remove policyKnownWrong ('${row.policyKnownWrong}')`);
      } else {
        assert.equal(decision, row.policy, 'policy decision');
      }
    });
  }
});
