import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseShell } from '../../src/core/parsers/shell';
import { commandDecision } from '../../src/agent/policy';
import { factsOf } from '../../src/agent/policy/command';
import type { Handler } from '../../src/agent/policy/handlers';
import { newSession } from '../../src/agent/policy/session';
import type { Session, Where } from '../../src/agent/policy/session';
import { modelStdin } from '../../src/agent/policy/model';
import { shellEffects } from '../../src/core/shell';
import { basename } from '../../src/agent/policy/words';
import type { Word } from '../../src/agent/policy/words';
import { realpathDeep } from '../../src/agent/node/workspace';
import type { Decision, Permissions } from '../../src/agent/types';

/**
 * One policy handler run on its own: the command's first simple command is handed to the handler
 * with a fresh session whose walker only records what the handler asks it to walk (the inner
 * command of a wrapper, the text of `sh -c`), so nothing else in the table takes part.
 */

export const HANDLER_PERMISSIONS: Permissions = { filesystem: ['/k8s'], network: ['github.com', 'registry.example.com'] };

/** A workspace with k8s/, src/, .env and k8s/app.yaml; removed by the returned function. */
export function handlerWorkspace(): { root: string; remove: () => void } {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-handler-')));
  fs.mkdirSync(path.join(root, 'k8s'));
  fs.mkdirSync(path.join(root, 'src'));
  fs.writeFileSync(path.join(root, '.env'), 'TOKEN=x\n');
  fs.writeFileSync(path.join(root, 'k8s', 'app.yaml'), 'kind: Pod\n');
  return { root, remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}

export interface HandlerRun extends Decision {
  /** Commands the handler handed back to the walker, as text (`words: kubectl apply`, `script: echo hi`). */
  walked: string[];
  /** Written paths relative to the workspace. */
  written: string[];
  /** The session after the handler ran (its scope: folders, downloads…). */
  session: Session;
}

export interface RunOptions {
  permissions?: Permissions;
  /** Prepare the session first (a file downloaded earlier in the line, a container…). */
  setup?: (s: Session) => void;
  /** Which simple command of the line the handler gets (default the first; -1 the last). */
  index?: number;
}

/** Run `handler` on the first simple command of `command` in workspace `root`. */
export function runHandler(handler: Handler, command: string, root: string, options: RunOptions = {}): HandlerRun {
  const parsed = parseShell(command);
  const named = parsed.commands.filter((c) => c.nameWord !== undefined);
  const cmd = named.at(options.index ?? 0);
  if (!cmd || !cmd.nameWord) {
    throw new Error(`no command in ${command}`);
  }
  const walked: string[] = [];
  const s = newSession({ workspaceRoot: root, realpath: realpathDeep, caseInsensitive: false, permissions: options.permissions ?? HANDLER_PERMISSIONS, cwd: root }, {
    words: (list: readonly Word[]) => walked.push(`words: ${list.map((w) => w.value).join(' ')}`),
    script: (text: string) => walked.push(`script: ${text}`),
  });
  options.setup?.(s);
  const stdin = modelStdin(shellEffects(parsed), cmd);
  const where: Where = { cmd, stdin: () => stdin, chained: false };
  const base = basename(cmd.nameWord.value);
  handler({ base, tool: base.toLowerCase(), args: cmd.args, depth: 0, where }, s);
  const decision = commandDecision(factsOf(s));
  const written = decision.paths.map((p) => path.relative(root, p).split(path.sep).join('/'));
  return { ...decision, walked, written, session: s };
}
