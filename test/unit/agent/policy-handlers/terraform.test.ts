import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pulumi, terraform } from '../../../../src/agent/policy/handlers/terraform';
import { ready } from '../../../helpers/core';
import { handlerWorkspace, runHandler } from '../../../helpers/policyHandler';

let ws: ReturnType<typeof handlerWorkspace>;
before(async () => {
  await ready();
  ws = handlerWorkspace();
});
after(() => ws.remove());

describe('policy handler: terraform / tofu / terragrunt / pulumi', () => {
  it('asks for plans', () => {
    const r = runHandler(terraform, 'terraform plan -out tf.plan', ws.root);
    assert.equal(r.decision, 'ask');
    assert.equal(r.destructive, undefined);
  });

  it('marks destroy, unreviewed applies and state surgery destructive', () => {
    for (const [command, what] of [
      ['terraform destroy', /terraform destroy deletes infrastructure/],
      ['terragrunt run-all destroy', /terraform destroy/],
      ['terraform apply -auto-approve', /without a plan review/],
      ['tofu apply --destroy=true', /without a plan review/],
      ['terraform state rm aws_s3_bucket.logs', /state rm\/push rewrites the state/],
    ] as const) {
      const r = runHandler(terraform, command, ws.root);
      assert.equal(r.decision, 'ask', command);
      assert.equal(r.destructive, true, command);
      assert.ok(r.reasons.some((x) => what.test(x)), `${command}: ${r.reasons.join('\n')}`);
    }
    assert.equal(runHandler(terraform, 'terraform apply tf.plan', ws.root).destructive, undefined);
    assert.equal(runHandler(pulumi, 'pulumi destroy --yes', ws.root).destructive, true);
    assert.equal(runHandler(pulumi, 'pulumi preview', ws.root).destructive, undefined);
  });

  it('checks the host terraform login talks to', () => {
    const cloud = runHandler(terraform, 'terraform login', ws.root);
    assert.equal(cloud.decision, 'deny');
    assert.match(cloud.reasons[0], /app\.terraform\.io is not in permissions\.network/);
    const own = runHandler(terraform, 'terraform login github.com', ws.root);
    assert.equal(own.decision, 'ask');
    assert.deepEqual(own.hosts, ['github.com']);
  });
});
