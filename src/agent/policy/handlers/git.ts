import { normalizeHost, scpLikeHost } from '../hosts';
import { secretReason } from '../paths';
import { addHost, deny, networkList, writeTarget } from '../session';
import type { Session } from '../session';
import { has, lit, optionSet, parseOptions, values } from '../words';
import type { Parsed, Word } from '../words';
import type { HandlerTable, Invocation } from './types';

/**
 * git: remotes it contacts (URLs, `host:path`, configured remotes explained), configuration keys
 * that run programs or move connections, another repository's git dir, secret files read from
 * history, clone targets, and history-destroying pushes, resets and cleans.
 */

const GIT_OPTS = optionSet('-C -c --git-dir --work-tree --namespace --exec-path --config-env --super-prefix');
const CLONE_OPTS = optionSet('-o --origin -b --branch -u --upload-pack --reference --reference-if-able --separate-git-dir --depth --shallow-since --shallow-exclude -c --config -j --jobs --template --filter --bundle-uri --server-option');
const SUB_OPTS = optionSet('-o --origin -b --branch --upload-pack --receive-pack --exec -c --config --depth -t --track -m --remote --repo');

export function git(inv: Invocation, s: Session): void {
  const p = parseOptions(inv.args, GIT_OPTS, true);
  for (const c of values(p, '-c')) {
    gitConfigKey(s, c.value.split('=')[0], 'git -c');
  }
  if (has(p, '--exec-path', '--config-env')) {
    deny(s, 'git --exec-path/--config-env changes which programs git runs');
  }
  for (const d of values(p, '--git-dir', '--work-tree')) {
    if (!/(^|\/)\.git\/?$/.test(d.value) || d.dynamic) {
      deny(s, `git ${d.value === '' ? '--git-dir/--work-tree' : `with ${d.raw}`} uses another repository's configuration or work tree, which can run programs or write anywhere; run git in the workspace's repository`);
    }
  }
  const sub = p.positionals[0]?.value;
  const rest = p.rest;
  // a secret file's committed content: `git show HEAD:.env`, `git log -p -- .env` (the sandbox
  // hides the file, not git's objects)
  if (sub === 'show' || sub === 'log' || sub === 'diff' || sub === 'cat-file' || sub === 'blame' || sub === 'grep' || sub === 'archive') {
    for (const w of rest) {
      const pathPart = w.value.includes(':') ? w.value.slice(w.value.indexOf(':') + 1) : w.value;
      const why = pathPart === '' || pathPart.startsWith('-') ? undefined : secretReason(pathPart.replace(/^\.\//, ''));
      if (why) {
        deny(s, `git ${sub} ${w.raw} reads the committed content of a secret file (${why}); the sandbox hides the file but not git's history`);
      }
    }
  }
  const subArgs = sub === 'clone' || sub === 'submodule' ? parseOptions(rest, CLONE_OPTS) : parseOptions(rest, SUB_OPTS);
  for (const c of values(subArgs, '-c', '--config')) {
    gitConfigKey(s, c.value.split('=')[0], `git ${sub} --config`);
  }
  // `-u` is --upload-pack only for clone and ls-remote (push: --set-upstream, fetch: --update-head-ok)
  const uploadPack = sub === 'clone' || sub === 'ls-remote' ? has(subArgs, '-u') : false;
  if (uploadPack || has(subArgs, '--upload-pack', '--receive-pack', '--exec')) {
    const which = has(subArgs, '--receive-pack') ? '--receive-pack' : has(subArgs, '--exec') ? '--exec' : '--upload-pack';
    deny(s, `git ${sub} ${which} runs a program of your choosing as the other side of the transfer`);
  }
  for (const w of gitRemotes(s, sub, subArgs)) {
    gitRemote(s, sub ?? 'git', w);
  }
  if (sub === 'clone') {
    const [src, dest] = subArgs.positionals;
    const base = values(p, '-C').pop();
    if (src && !src.dynamic) {
      let name = dest ?? lit(src.value.replace(/\/+$/, '').replace(/\.git$/, '').split(/[/:]/).pop() ?? 'repo');
      if (base && !name.dynamic && !name.value.startsWith('/')) {
        // git -C DIR clone … clones relative to DIR
        name = base.dynamic ? base : lit(`${base.value}/${name.value}`);
      }
      writeTarget(s, name, 'git clone');
    }
  }
  if (sub === 'config') {
    // only setting a key matters: `git config --get remote.origin.url` reads
    const pos = subArgs.positionals.map((w) => w.value);
    const verb = ['set', 'get', 'list', 'unset', 'rename-section', 'remove-section', 'edit'].includes(pos[0] ?? '') ? pos.shift() : undefined;
    const setting = verb === 'set' || (verb === undefined && (pos.length >= 2 || has(subArgs, '--add', '--replace-all')) && !has(subArgs, '--get', '--get-all', '--get-regexp', '--unset', '--unset-all', '-l', '--list'));
    if (pos[0] && setting) {
      gitConfigKey(s, pos[0], 'git config');
    }
    if (verb === 'edit' || has(subArgs, '-e', '--edit')) {
      deny(s, 'git config --edit opens an editor the agent cannot use; set keys with git config KEY VALUE');
    }
  }
  if (sub === 'push') {
    if (has(subArgs, '-f', '--force', '--force-with-lease', '--force-if-includes', '--mirror', '-d', '--delete', '--prune') || subArgs.positionals.some((w) => w.value.startsWith('+') || w.value.startsWith(':'))) {
      s.facts.destructive.add('git push --force/--delete rewrites or deletes remote history');
    }
  }
  if (sub === 'reset' && has(subArgs, '--hard')) {
    s.facts.destructive.add('git reset --hard discards local changes');
  }
  if (sub === 'clean' && subArgs.opts.some((o) => o.name === '-f' || o.name === '--force')) {
    s.facts.destructive.add('git clean -f deletes untracked files');
  }
}

/**
 * The words naming a repository to talk to. Only these can be a host: elsewhere `HEAD:k8s/a.yaml`
 * is a revision and path, and `main:main` a refspec.
 */
function gitRemotes(s: Session, sub: string | undefined, q: Parsed): Word[] {
  const pos = q.positionals;
  switch (sub) {
    case 'clone':
    case 'ls-remote':
      return pos.slice(0, 1);
    case 'fetch':
    case 'pull':
    case 'push':
      if (sub !== 'push' && has(q, '--all')) {
        s.facts.notes.add(`git ${sub} --all contacts every configured remote; their addresses come from the repository's git configuration and cannot be read from the command; the sandbox still limits them to permissions.network (${networkList(s)})`);
      } else if (pos.length === 0 && !has(q, '--multiple')) {
        s.facts.notes.add(`git ${sub} contacts the current branch's remote, whose address comes from the repository's git configuration and cannot be read from the command; the sandbox still limits it to permissions.network (${networkList(s)})`);
      }
      return has(q, '--multiple') ? pos : pos.slice(0, 1);
    case 'remote': {
      const verb = pos[0]?.value;
      if (verb === 'add') {
        return pos.slice(2, 3);
      }
      if (verb === 'set-url') {
        return pos.slice(2);
      }
      return [];
    }
    case 'submodule':
      return pos[0]?.value === 'add' ? pos.slice(1, 2) : [];
    case 'archive':
      return values(q, '--remote');
    case 'request-pull':
      return pos.slice(1, 2);
    default:
      return [];
  }
}

/** A repository argument: a URL, `host:path`, a local path, or the name of a configured remote. */
function gitRemote(s: Session, sub: string, w: Word): void {
  const v = w.value;
  if (v.startsWith('ext::') || /^[a-z+]*ext::/.test(v)) {
    deny(s, `'${v}' uses git's ext transport, which runs a program`);
    return;
  }
  if (w.dynamic) {
    deny(s, `git ${sub} talks to a repository computed at run time (${w.raw}), which cannot be checked`);
    return;
  }
  if (v.includes('://')) {
    return; // every URL in the arguments is checked by scanWord
  }
  const host = scpLikeHost(v);
  if (host !== undefined) {
    addHost(s, normalizeHost(host), `git ${sub} ${v}`);
    return;
  }
  if (/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(v) && sub !== 'clone' && sub !== 'submodule') {
    s.facts.notes.add(`git ${sub} contacts the remote '${v}', whose address comes from the repository's git configuration and cannot be read from the command; the sandbox still limits it to permissions.network (${networkList(s)})`);
  }
}

function gitConfigKey(s: Session, key: string, what: string): void {
  const k = key.toLowerCase();
  const runs = /(^|\.)(proxy|sshcommand|gitproxy|fsmonitor|hookspath|askpass|editor|pager|uploadpack|receivepack|helper|insteadof|pushinsteadof|external|textconv|command|cmd|program|driver|path|templatedir|alternaterefscommand|packobjectshook|difffilter|url|pushurl|smtpserver|variant|worktree)$/;
  if (runs.test(k) || /^(protocol|alias|pager|filter|include|includeif|credential|browser|man|url|sendemail|remote)\./.test(k) || k.startsWith('credential')) {
    deny(s, `${what} ${key} changes where git connects or which programs it runs; leave git's configuration as the repository has it`);
  }
}

export const GIT: HandlerTable = { git };
