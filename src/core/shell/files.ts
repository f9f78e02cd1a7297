/**
 * Files a script writes and reads: every redirection (with the node it belongs to) and the
 * outputs and inputs of the file tools (tee, cp, mv, ln, install, dd, sort -o, tar, zip, split,
 * curl, wget, git, sed -i, touch, mkdir, rm, chmod…).
 */
import { operands } from '../parsers/shell';
import type { CompoundNode, ShellRedirect, ShellWord } from '../parsers/shell';
import type { CommandRun, FileAccess, RedirectNode, Unknown } from './types';

const WRITE_OPERATORS = /^(\d*>|\d*>>|\d*>\||&>|&>>|\d*<>)$/;
const READ_OPERATORS = /^(\d*<|\d*<>)$/;

/** The last path segment of a URL (what `curl -O` and `wget` save as). */
function urlFileName(url: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]+\/(?:[^?#]*\/)?([^/?#]+)(?:[?#].*)?$/i.exec(url);
  return m ? decodeSafe(m[1]) : undefined;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

interface Collected {
  writes: FileAccess[];
  reads: FileAccess[];
  unknowns: Unknown[];
}

/** Every file access of the commands and of the compound commands' redirections. */
export function fileAccesses(compound: readonly { redirect: ShellRedirect; node: CompoundNode; start: number; end: number }[], commands: readonly CommandRun[]): Collected {
  const out: Collected = { writes: [], reads: [], unknowns: [] };
  const seen = new Set<string>();
  const add = (list: 'writes' | 'reads', access: FileAccess): void => {
    const key = `${list} ${access.via} ${access.start} ${access.end} ${access.path}`;
    if (seen.has(key)) {
      return;
    }
    seen.add(key);
    out[list].push(access);
    if (access.dynamic) {
      out.unknowns.push({ kind: 'dynamic-path', text: access.word?.raw ?? access.path, command: access.command, start: access.start, end: access.end });
    }
  };
  for (const c of compound) {
    redirection(c.redirect, c.node, undefined, add);
  }
  for (const run of commands) {
    for (const r of run.redirects) {
      redirection(r, 'command', run, add);
    }
    toolAccesses(run, add);
  }
  out.writes.sort((a, b) => a.start - b.start);
  out.reads.sort((a, b) => a.start - b.start);
  return out;
}

type Add = (list: 'writes' | 'reads', access: FileAccess) => void;

function redirection(r: ShellRedirect, node: RedirectNode, command: CommandRun | undefined, add: Add): void {
  const target = r.target;
  if (!target || r.heredoc !== undefined || r.operator === '<<<' || r.operator.startsWith('<<')) {
    return;
  }
  // `>&2`, `2>&1`, `<&0`, `>&-` duplicate or close descriptors; `>& file` writes file (like &>)
  if (r.operator.endsWith('&') && (/^\d+-?$/.test(target.value) || target.value === '-')) {
    return;
  }
  const op = r.operator.endsWith('&') && r.operator !== '&' ? r.operator : r.operator;
  const access = (via: string): FileAccess => ({ path: target.value, word: target, dynamic: target.dynamic, via, node, command, append: via.includes('>>') || undefined, start: r.start, end: r.end });
  if (WRITE_OPERATORS.test(op) || /^\d*>&$/.test(op)) {
    add('writes', access(op));
  }
  if (READ_OPERATORS.test(op) || /^\d*<&$/.test(op)) {
    add('reads', access(op));
  }
}

/** Operands of a command: non-option words (options end at `--`), skipping the values of `values`. */
function operandWords(args: readonly ShellWord[], values: readonly string[]): ShellWord[] {
  return operands(args, values).map((o) => o.word);
}

/** The value of an option given as `-o v`, `-ov` (when `glued`), `--opt v` or `--opt=v`. */
function valueOf(args: readonly ShellWord[], shorts: readonly string[], longs: readonly string[], glued = true): ShellWord[] {
  const out: ShellWord[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v === '--') {
      break;
    }
    if (args[i].dynamic && !v.startsWith('-')) {
      continue;
    }
    const long = longs.find((l) => v === l || v.startsWith(l + '='));
    if (long) {
      if (v === long) {
        if (args[i + 1]) {
          out.push(args[i + 1]);
        }
        i++;
      } else {
        out.push(sub(args[i], long.length + 1));
      }
      continue;
    }
    if (!v.startsWith('-') || v.startsWith('--')) {
      continue;
    }
    // a cluster of short options: the value-taking one ends it (`-fsSLo file`) or carries the value (`-ofile`)
    for (let k = 1; k < v.length; k++) {
      if (shorts.includes(`-${v[k]}`)) {
        if (k === v.length - 1) {
          if (args[i + 1]) {
            out.push(args[i + 1]);
          }
          i++;
        } else if (glued && k === 1) {
          out.push(sub(args[i], 2));
        }
        break;
      }
    }
  }
  return out;
}

/** A word made of the tail of another (`--output=x` → `x`), offsets kept on the whole word. */
function sub(word: ShellWord, from: number): ShellWord {
  return { ...word, value: word.value.slice(from) };
}

function access(run: CommandRun, word: ShellWord, via: string, extra: Partial<FileAccess> = {}): FileAccess {
  return { path: word.value, word, dynamic: word.dynamic, via, node: 'command', command: run, start: word.start, end: word.end, ...extra };
}

const READ_ONLY_GIT = new Set(['status', 'log', 'diff', 'show', 'rev-parse', 'ls-files', 'ls-remote', 'describe', 'blame', 'grep', 'shortlog', 'cat-file', 'rev-list', 'config', 'remote', 'branch', 'tag', 'help', 'version']);

function toolAccesses(run: CommandRun, add: Add): void {
  const args = run.args;
  const w = (word: ShellWord, via: string, extra?: Partial<FileAccess>): void => add('writes', access(run, word, via, extra));
  const r = (word: ShellWord, via: string): void => add('reads', access(run, word, via));
  switch (run.name) {
    case 'tee': {
      const append = args.some((a) => a.value === '--append' || /^-[a-z]*a/.test(a.value));
      for (const f of operandWords(args, ['--output-error'])) {
        w(f, 'tee', { append: append || undefined });
      }
      return;
    }
    case 'cp':
    case 'mv':
    case 'install':
    case 'ln': {
      const values = run.name === 'install' ? ['-m', '--mode', '-o', '--owner', '-g', '--group', '-t', '--target-directory', '-S', '--suffix'] : ['-t', '--target-directory', '-S', '--suffix'];
      const ops = operandWords(args, values);
      const target = valueOf(args, ['-t'], ['--target-directory'])[0];
      if (run.name === 'install' && args.some((a) => a.value === '-d' || a.value === '--directory')) {
        ops.forEach((f) => w(f, 'install -d'));
        return;
      }
      const dest = target ?? ops[ops.length - 1];
      const sources = target ? ops : ops.slice(0, -1);
      if (dest) {
        w(dest, run.name);
      }
      if (run.name !== 'ln') {
        sources.forEach((f) => r(f, run.name));
      }
      if (run.name === 'mv') {
        sources.forEach((f) => w(f, 'mv', { destructive: true }));
      }
      return;
    }
    case 'dd':
      for (const a of args) {
        if (a.value.startsWith('of=')) {
          w(sub(a, 3), 'dd of=');
        } else if (a.value.startsWith('if=')) {
          r(sub(a, 3), 'dd if=');
        }
      }
      return;
    case 'sort':
      valueOf(args, ['-o'], ['--output']).forEach((f) => w(f, 'sort -o'));
      return;
    case 'tar':
    case 'bsdtar':
    case 'gtar':
      tarAccesses(run, w, r);
      return;
    case 'zip': {
      const ops = operandWords(args, ['-x', '-i', '-b', '-n', '-t', '-tt', '-O', '--out']);
      const out = valueOf(args, ['-O'], ['--out'])[0];
      if (out) {
        w(out, 'zip');
      }
      if (ops[0]) {
        w(ops[0], 'zip');
      }
      ops.slice(1).forEach((f) => r(f, 'zip'));
      return;
    }
    case 'unzip': {
      const ops = operandWords(args, ['-d', '-x']);
      if (ops[0]) {
        r(ops[0], 'unzip');
      }
      valueOf(args, ['-d'], []).forEach((f) => w(f, 'unzip -d'));
      return;
    }
    case 'split':
    case 'csplit': {
      const ops = operandWords(args, ['-l', '-b', '-C', '-n', '-a', '--additional-suffix', '-t', '--filter', '-f', '--prefix']);
      if (ops[0]) {
        r(ops[0], run.name);
      }
      const prefix = run.name === 'split' ? ops[1] : valueOf(args, ['-f'], ['--prefix'])[0];
      if (prefix) {
        w(prefix, run.name);
      }
      return;
    }
    case 'curl': {
      valueOf(args, ['-o'], ['--output'], false).filter((f) => f.value !== '-').forEach((f) => w(f, 'curl -o'));
      valueOf(args, ['-D'], ['--dump-header'], false).filter((f) => f.value !== '-').forEach((f) => w(f, 'curl -D'));
      valueOf(args, ['-c'], ['--cookie-jar'], false).filter((f) => f.value !== '-').forEach((f) => w(f, 'curl -c'));
      valueOf(args, ['-T'], ['--upload-file'], false).forEach((f) => r(f, 'curl -T'));
      valueOf(args, ['-K'], ['--config'], false).forEach((f) => r(f, 'curl -K'));
      for (const d of valueOf(args, ['-d', '-F'], ['--data', '--data-binary', '--data-raw', '--data-urlencode', '--form'], false)) {
        const at = d.value.indexOf('@');
        if (at >= 0 && (at === 0 || d.value[at - 1] === '=')) {
          r(sub(d, at + 1), 'curl -d @');
        }
      }
      if (args.some((a) => a.value === '--remote-name' || a.value === '--remote-name-all' || /^-[a-zA-Z]*O[a-zA-Z]*$/.test(a.value))) {
        for (const u of args.filter((a) => /^[a-z]+:\/\//i.test(a.value))) {
          const name = urlFileName(u.value);
          if (name) {
            w({ ...u, value: name }, 'curl -O');
          }
        }
      }
      return;
    }
    case 'wget': {
      const docs = valueOf(args, ['-O'], ['--output-document']);
      docs.filter((f) => f.value !== '-').forEach((f) => w(f, 'wget -O'));
      valueOf(args, ['-o', '-a'], ['--output-file', '--append-output']).forEach((f) => w(f, 'wget -o'));
      valueOf(args, ['-P'], ['--directory-prefix']).forEach((f) => w(f, 'wget -P'));
      valueOf(args, ['-i'], ['--input-file']).filter((f) => f.value !== '-').forEach((f) => r(f, 'wget -i'));
      if (docs.length === 0 && !args.some((a) => a.value === '--spider')) {
        for (const u of args.filter((a) => /^[a-z]+:\/\//i.test(a.value))) {
          const name = urlFileName(u.value) ?? 'index.html';
          w({ ...u, value: name }, 'wget');
        }
      }
      return;
    }
    case 'git': {
      const dirs = valueOf(args, ['-C'], [], false);
      const ops = operandWords(args, ['-C', '-c', '--git-dir', '--work-tree', '--namespace', '-o', '--output', '--format', '--prefix', '-b', '--branch', '--depth', '--remote', '--origin', '-m', '-F']);
      const subcommand = ops[0]?.value;
      if (subcommand && !READ_ONLY_GIT.has(subcommand)) {
        dirs.forEach((d) => w(d, 'git -C'));
      }
      if (subcommand === 'archive') {
        valueOf(args, ['-o'], ['--output']).forEach((f) => w(f, 'git archive -o'));
      }
      if (subcommand === 'clone' && ops[2]) {
        w(ops[2], 'git clone');
      }
      return;
    }
    case 'sed':
    case 'gsed': {
      if (!args.some((a) => a.value === '-i' || a.value.startsWith('--in-place') || /^-[a-zA-Z]*i/.test(a.value))) {
        return;
      }
      const explicit = args.some((a) => a.value === '-e' || a.value === '-f' || a.value.startsWith('--expression') || a.value.startsWith('--file'));
      const ops = operandWords(args, ['-e', '--expression', '-f', '--file', '-l', '--line-length']);
      (explicit ? ops : ops.slice(1)).forEach((f) => w(f, 'sed -i'));
      return;
    }
    case 'touch':
    case 'mkdir':
    case 'truncate':
      operandWords(args, ['-m', '--mode', '-s', '--size', '-r', '--reference', '-d', '--date', '-t']).forEach((f) => w(f, run.name));
      return;
    case 'rm':
    case 'rmdir':
    case 'shred':
    case 'unlink':
      operandWords(args, []).forEach((f) => w(f, run.name, { destructive: true }));
      return;
    case 'chmod':
    case 'chown':
    case 'chgrp': {
      const ops = operandWords(args, ['--reference']);
      ops.slice(args.some((a) => a.value.startsWith('--reference')) ? 0 : 1).forEach((f) => w(f, run.name, { destructive: true }));
      return;
    }
    case 'source':
    case '.':
      if (args[0]) {
        r(args[0], run.name);
      }
      return;
    case 'cat':
      operandWords(args, []).filter((f) => f.value !== '-').forEach((f) => r(f, 'cat'));
      return;
    default:
      return;
  }
}

function tarAccesses(run: CommandRun, w: (word: ShellWord, via: string) => void, r: (word: ShellWord, via: string) => void): void {
  const args = run.args;
  // old style: `tar xzf archive.tgz` (first word, no dash, letters are options; f takes the next operand)
  const first = args[0]?.value ?? '';
  const oldStyle = /^[a-zA-Z]+$/.test(first) && /[ctxru]/.test(first);
  const letters = oldStyle ? first : args.filter((a) => /^-[a-zA-Z]+$/.test(a.value)).map((a) => a.value.slice(1)).join('');
  const long = (name: string): boolean => args.some((a) => a.value === name);
  const create = /[cru]/.test(letters) || long('--create') || long('--append') || long('--update');
  const extract = /x/.test(letters) || long('--extract') || long('--get');
  let files: ShellWord[] = [];
  if (oldStyle && first.includes('f')) {
    // the archive is the operand matching the position of `f` among value-taking letters; usually the next word
    if (args[1]) {
      files = [args[1]];
    }
  } else {
    files = valueOf(args, ['-f'], ['--file']);
  }
  for (const f of files.filter((f) => f.value !== '-')) {
    if (create) {
      w(f, 'tar -f');
    } else {
      r(f, 'tar -f');
    }
  }
  if (extract) {
    valueOf(args, ['-C'], ['--directory']).forEach((d) => w(d, 'tar -C'));
  }
}
