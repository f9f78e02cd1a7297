import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PolicyContext } from '../../src/agent/policy';
import { realpathDeep } from '../../src/agent/node/workspace';
import type { AgentConfig } from '../../src/agent/types';

/** The aurora.yaml agent section the policy tables are written against. */
export const POLICY_CONFIG: AgentConfig = {
  tools: ['read_file', 'write_file', 'run_shell_command'],
  permissions: {
    filesystem: ['/k8s', '/terraform', '/.github', '/charts/*/values.yaml'],
    network: ['github.com', 'api.aws.amazon.com', '*.amazonaws.com', 'registry.example.com', '10.0.0.5'],
  },
};

/**
 * A real workspace for policy tables: the allowed folders, a secret (.env), a manifest, and
 * symbolic links out of the allowed folders (to /etc, to src/, to the secret). Remove it with
 * `fs.rmSync(root, { recursive: true, force: true })`.
 */
export function policyWorkspace(prefix: string): { root: string; ctx: PolicyContext } {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  for (const dir of ['k8s', 'terraform', 'src', '.github/workflows', 'charts/web']) {
    fs.mkdirSync(path.join(root, dir), { recursive: true });
  }
  fs.writeFileSync(path.join(root, '.env'), 'TOKEN=x\n');
  fs.writeFileSync(path.join(root, 'k8s', 'app.yaml'), 'kind: Pod\n');
  fs.symlinkSync('/etc', path.join(root, 'k8s', 'etc-link'));
  fs.symlinkSync('../src', path.join(root, 'k8s', 'src-link'));
  fs.symlinkSync('.env', path.join(root, 'notes.txt'));
  return { root, ctx: { workspaceRoot: root, config: POLICY_CONFIG, trusted: true, realpath: realpathDeep, caseInsensitive: false } };
}
