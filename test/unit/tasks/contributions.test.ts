import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../../helpers/core';

interface CommandContribution {
  command: string;
  title: string;
  category?: string;
  enablement?: string;
}

/** The palette titles of the tasks, exactly as users see them after "Aurora: ". */
const TASKS: Record<string, string> = {
  'aurora.containerize': 'Containerize Project',
  'aurora.generatePipeline': 'Generate CI Pipeline',
  'aurora.generateK8s': 'Generate Kubernetes Manifests',
  'aurora.generateTerraform': 'Generate Terraform Skeleton',
  'aurora.fixAllInWorkspace': 'Fix All in Workspace',
  'aurora.addResourceLimits': 'Add Resource Limits to All Workloads',
  'aurora.pinImages': 'Pin Images',
  'aurora.pinActions': 'Pin Actions to Commit SHAs',
  'aurora.scanImage': 'Scan Image for Vulnerabilities',
};

describe('package.json contributions of the tasks', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as { contributes: { commands: CommandContribution[] } };
  const nls = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.nls.json'), 'utf8')) as Record<string, string>;

  for (const [id, title] of Object.entries(TASKS)) {
    it(`${id} is "Aurora: ${title}", disabled in Restricted Mode`, () => {
      const c = pkg.contributes.commands.find((x) => x.command === id);
      assert.ok(c, `${id} is contributed`);
      assert.equal(c.category, 'Aurora');
      const m = /^%(.+)%$/.exec(c.title);
      assert.equal(m ? nls[m[1]] : c.title, title);
      assert.equal(c.enablement, 'isWorkspaceTrusted');
    });
  }
});
