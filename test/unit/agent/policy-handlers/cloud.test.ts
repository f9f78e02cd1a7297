import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { aws, cloudCli } from '../../../../src/agent/policy/handlers/cloud';
import { ready } from '../../../helpers/core';
import { handlerWorkspace, runHandler } from '../../../helpers/policyHandler';

let ws: ReturnType<typeof handlerWorkspace>;
before(async () => {
  await ready();
  ws = handlerWorkspace();
});
after(() => ws.remove());

describe('policy handler: cloud CLIs (aws, gcloud, az)', () => {
  it('asks for reads', () => {
    for (const command of ['aws s3 ls s3://bucket', 'aws ec2 describe-instances --region eu-west-1']) {
      const r = runHandler(aws, command, ws.root);
      assert.equal(r.decision, 'ask', command);
      assert.equal(r.destructive, undefined, command);
    }
    assert.equal(runHandler(cloudCli, 'gcloud compute instances list', ws.root).decision, 'ask');
  });

  it('marks deletions destructive', () => {
    for (const command of ['aws ec2 terminate-instances --instance-ids i-1', 'aws s3 rb s3://old', 'aws s3 rm s3://b/p --recursive']) {
      const r = runHandler(aws, command, ws.root);
      assert.equal(r.destructive, true, command);
      assert.ok(r.reasons.some((x) => /deletes cloud resources/.test(x)), command);
    }
    assert.equal(runHandler(aws, 'aws s3 rm s3://b/one-file', ws.root).destructive, undefined);
    const az = runHandler(cloudCli, 'az group delete -n rg --yes', ws.root);
    assert.ok(az.reasons.includes('destructive: az … delete removes cloud resources'), az.reasons.join('\n'));
  });

  it('refuses shells on servers', () => {
    assert.match(runHandler(aws, 'aws ssm start-session --target i-1', ws.root).reasons[0], /opens a shell on a server/);
    assert.match(runHandler(cloudCli, 'gcloud compute ssh vm-1', ws.root).reasons[0], /gcloud ssh logs into a server/);
    assert.match(runHandler(cloudCli, 'gcloud compute scp a vm-1:b', ws.root).reasons[0], /gcloud ssh logs into a server/);
  });
});
