import { cd, commandString, deny } from '../session';
import type { Session } from '../session';
import type { HandlerTable, Invocation } from './types';

/**
 * Shell builtins and schedulers: `cd` (the folder later paths resolve from), `eval` and `trap`
 * (command texts), `source` of a computed file, aliases (refused: they hide what runs), and
 * commands handed to a service that runs them later (at, batch, systemd-run, crontab: refused).
 */

export function cdHandler(inv: Invocation, s: Session): void {
  const { where } = inv;
  cd(s, inv.args, where.chained === true && !s.scope.scoped && where.cmd?.pipeLength === 1);
}

export function evalHandler(inv: Invocation, s: Session): void {
  commandString(s, inv.args, inv.depth, 'eval');
}

/** `trap -- 'cmd' EXIT`; `trap -p` / `trap -l` list; `trap - EXIT` resets. */
export function trap(inv: Invocation, s: Session): void {
  const { args } = inv;
  const action = args[0]?.value === '--' && !args[0].dynamic ? args[1] : args[0];
  if (action && !(action.value.startsWith('-') && !action.dynamic) && args.length >= (action === args[0] ? 2 : 3)) {
    commandString(s, [action], inv.depth, 'trap');
  }
}

export function alias(_inv: Invocation, s: Session): void {
  deny(s, 'the command defines an alias, which hides what later runs; run the commands directly');
}

export function source(inv: Invocation, s: Session): void {
  const { args } = inv;
  if (args.length === 0 || args[0].dynamic) {
    deny(s, `'${inv.base}' runs code whose source is computed at run time (${args[0]?.raw ?? 'nothing'})`);
  }
}

/** systemd-run, at, batch. */
export function deferred(inv: Invocation, s: Session): void {
  deny(s, `${inv.base} hands the command to a system service that runs it later or outside the agent's session, where neither the user nor the sandbox sees it; run the command directly`);
}

export function crontab(inv: Invocation, s: Session): void {
  // installing a crontab plants a command that runs later, unseen by the user and the policy
  if (!inv.args.every((a) => a.value === '-l' || a.value === '-u' || /^[a-z_][a-z0-9_-]*$/.test(a.value))) {
    deny(s, 'crontab installs commands that run later without confirmation; list them with crontab -l instead');
  }
}

export const BUILTINS: HandlerTable = {
  cd: cdHandler,
  pushd: cdHandler,
  eval: evalHandler,
  trap,
  alias,
  unalias: alias,
  source,
  '.': source,
  'systemd-run': deferred,
  at: deferred,
  batch: deferred,
  crontab,
};
