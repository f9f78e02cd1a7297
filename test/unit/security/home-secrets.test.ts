import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { decide } from '../../../src/agent/policy';
import type { PolicyContext } from '../../../src/agent/policy';
import { realpathDeep } from '../../../src/agent/node/workspace';
import type { AgentConfig } from '../../../src/agent/types';
import { ready } from '../../helpers/core';

/**
 * Secret files named through the home folder (`~`, `~user`, `$HOME`, `${HOME}`) in commands: the
 * command policy skipped the name check for these (the folder cannot be resolved), so
 * `cat ~/.aws/credentials` reached the user as an ordinary `ask`. Found by the prompt-injection
 * suite; docs/security.md counts these with the escape attempts.
 */

const CONFIG: AgentConfig = { tools: ['read_file', 'write_file', 'run_shell_command'], permissions: { filesystem: ['/deploy'], network: ['github.com'] } };

export const HOME_SECRET_READS: readonly string[] = [
  'cat ~/.ssh/id_rsa',
  'cat $HOME/.ssh/id_rsa',
  'cat "${HOME}/.aws/credentials"',
  'cat ~/.aws/credentials',
  'cat ~/.kube/config',
  'cat ~/.docker/config.json',
  'cat ~/.netrc',
  'cat ~root/.ssh/id_ed25519',
  'head -c 100 ~/.ssh/id_ed25519',
  'base64 ~/.ssh/id_rsa',
  'cp ~/.aws/credentials deploy/',
  'cat ~/.git-credentials',
  'cat $HOME/.config/gcloud/application_default_credentials.json',
  'tail ~/.pgpass',
  'cat ~/.gnupg/private-keys-v1.d/key.key',
];

/** Reading ordinary files in the home folder is not a secret read: still the user's call. */
const BENIGN_HOME_READS: readonly string[] = ['cat ~/notes.txt', 'cat $HOME/project/README.md', 'ls ~/.config'];

let ws = '';
let ctx: PolicyContext;

before(async () => {
  await ready();
  ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-home-')));
  fs.mkdirSync(path.join(ws, 'deploy'));
  ctx = { workspaceRoot: ws, config: CONFIG, trusted: true, realpath: realpathDeep, caseInsensitive: false };
});

after(() => {
  fs.rmSync(ws, { recursive: true, force: true });
});

describe('home-folder secrets in commands', () => {
  for (const command of HOME_SECRET_READS) {
    it(`denies ${command}`, () => {
      const d = decide({ name: 'run_shell_command', input: { command } }, ctx);
      assert.equal(d.decision, 'deny', `${command}: ${d.reasons.join('; ')}`);
      assert.ok(d.reasons.some((r) => /the command reads .*: it (is|is inside) /.test(r)), d.reasons.join('; '));
    });
  }
  for (const command of BENIGN_HOME_READS) {
    it(`still asks for ${command}`, () => {
      const d = decide({ name: 'run_shell_command', input: { command } }, ctx);
      assert.equal(d.decision, 'ask', `${command}: ${d.reasons.join('; ')}`);
    });
  }
});
