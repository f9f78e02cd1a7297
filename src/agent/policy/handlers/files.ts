import { globSecretReason, relativeTo, secretReason, toSlashes } from '../paths';
import { deny, hidden, readTarget, resolveAll, writeTarget } from '../session';
import type { Session } from '../session';
import { basename, has, lit, optionSet, parseOptions, values } from '../words';
import type { Word } from '../words';
import type { HandlerTable, Invocation, PatternHandler } from './types';

/**
 * File utilities: what they write (rm, cp/mv/ln/install, tee/touch/mkdir/truncate, chmod/chown,
 * dd, sed -i and sed's w, yq -i, tar -x/-c, unzip, find -delete/-fprint), what they read (dd if=,
 * sed's r, grep/rg over the whole workspace), programs they run (sed's e, tar --to-command, rg
 * --pre, find -exec: the command is walked for every start path), and what they destroy.
 */

/** Commands that print or copy a file's content (a secret file must not reach them). */
export const DUMPERS = new Set(['cat', 'tac', 'head', 'tail', 'less', 'more', 'base64', 'base32', 'xxd', 'od', 'hexdump', 'strings', 'nl', 'cp', 'scp', 'rsync', 'gpg', 'openssl', 'zip', 'tar', 'grep', 'egrep', 'fgrep', 'rg', 'awk', 'sed', 'sort', 'uniq', 'cut', 'jq', 'yq', 'bat', 'vim', 'vi', 'nano', 'emacs', 'code', 'diff', 'cmp', 'column', 'fold', 'rev', 'paste', 'tr', 'dd', 'install', 'ln', 'mv', 'split', 'md5sum', 'sha256sum', 'source', '.']);

const COPY_OPTS: Record<string, Set<string>> = {
  cp: optionSet('-S --suffix -t --target-directory --backup'),
  mv: optionSet('-S --suffix -t --target-directory --backup'),
  ln: optionSet('-S --suffix -t --target-directory --backup'),
  install: optionSet('-m --mode -o --owner -g --group -S --suffix -t --target-directory -C --context'),
};
const CREATE_OPTS: Record<string, Set<string>> = {
  tee: optionSet('--output-error'),
  touch: optionSet('-d --date -t -r --reference'),
  mkdir: optionSet('-m --mode --context'),
  truncate: optionSet('-s --size -r --reference'),
};
const CHMOD_OPTS: Record<string, Set<string>> = {
  chmod: optionSet('--reference'),
  chown: optionSet('--reference --from'),
  chgrp: optionSet('--reference'),
};
const SED_OPTS = optionSet('-e --expression -f --file -l --line-length');
const TAR_OPTS = optionSet('-f --file -C --directory -T --files-from -X --exclude-from --exclude -b --blocking-factor -H --format --transform --owner --group --mode --mtime -I --use-compress-program --newer -N --after-date');
const UNZIP_OPTS = optionSet('-d -x -P');
const YQ_OPTS = optionSet('-o --output-format -p --input-format -I --indent --from-file --expression --arg --argjson');
const RG_OPTS = optionSet('-e --regexp -f --file -g --glob --iglob -t --type -T --type-not -m --max-count -A -B -C -j --threads -M --max-columns --max-depth -E --encoding --pre --pre-glob -r --replace --sort --sortr --type-add --colors --color --path-separator');
const GREP_OPTS = optionSet('-e --regexp -f --file -m --max-count -A -B -C -d --directories -D --devices --label --include --exclude --exclude-dir --exclude-from --binary-files --group-separator');

/** rm, rmdir, unlink, shred: every operand is written (removed); whole trees are destructive. */
export function remove(inv: Invocation, s: Session): void {
  if (s.scope.inContainer > 0) {
    return;
  }
  const { tool } = inv;
  const p = parseOptions(inv.args, new Set());
  for (const w of p.positionals) {
    writeTarget(s, w, tool);
    if (!w.dynamic && /^(\/|\/\*|\.|\.\/?\*?|\*|~\/?)$/.test(w.value.trim())) {
      s.facts.destructive.add(`${tool} ${w.value} deletes a whole tree`);
    }
  }
  if (tool === 'rm' && has(p, '-r', '-R', '--recursive')) {
    s.facts.destructive.add('rm -r deletes directories recursively');
  }
}

/** cp, mv, ln, install: the destination is written; mv removes its sources; ln's targets become writable through the link. */
export function copy(inv: Invocation, s: Session): void {
  const { tool, args } = inv;
  const p = parseOptions(args, COPY_OPTS[tool]);
  const targetDir = values(p, '-t', '--target-directory')[0];
  if (tool === 'install' && has(p, '-d', '--directory')) {
    for (const w of p.positionals) {
      writeTarget(s, w, 'install -d');
    }
    return;
  }
  let sources = p.positionals;
  if (targetDir) {
    writeTarget(s, targetDir, tool);
  } else if (p.positionals.length >= 1) {
    const dest = p.positionals[p.positionals.length - 1];
    sources = p.positionals.slice(0, -1);
    if (tool === 'ln' && p.positionals.length === 1) {
      writeTarget(s, lit(basename(dest.value)), tool);
    } else {
      writeTarget(s, dest, tool);
    }
  }
  if (tool === 'ln') {
    // a link is a second name for its target: writing through it later writes the target,
    // so the target must be writable too (symlinks created during the session)
    const dest = targetDir ? targetDir.value : p.positionals.length >= 2 ? p.positionals[p.positionals.length - 1].value : '.';
    const linkDir = dest.includes('/') ? dest.slice(0, dest.lastIndexOf('/')) || '/' : '.';
    for (const src of sources.length > 0 ? sources : p.positionals) {
      const symbolic = has(p, '-s', '--symbolic') || args.some((a) => /^-[a-zA-Z]*s/.test(a.value));
      if (symbolic && !src.dynamic && !src.value.startsWith('/')) {
        // a relative symlink target is resolved from the link's folder, not from the cwd
        writeTarget(s, lit(`${linkDir}/${src.value}`), 'ln -s (link target)');
      } else {
        writeTarget(s, src, 'ln (link target)');
      }
    }
  }
  if (tool === 'mv') {
    for (const src of sources) {
      writeTarget(s, src, 'mv (source removed)');
    }
  }
}

/** tee, touch, mkdir, truncate: every operand is written. */
export function create(inv: Invocation, s: Session): void {
  const p = parseOptions(inv.args, CREATE_OPTS[inv.tool]);
  for (const w of p.positionals) {
    writeTarget(s, w, inv.tool);
  }
}

/** chmod, chown, chgrp: the files after the mode or owner are written. */
export function chmod(inv: Invocation, s: Session): void {
  const { tool, args } = inv;
  // the mode (chmod +x, 755, u=rw) or owner comes first unless --reference gives it
  const modeLike = (v: string): boolean => /^[0-7]{3,4}$/.test(v) || /^[ugoa]*[-+=][rwxXstugo]*(,[ugoa]*[-+=][rwxXstugo]*)*$/.test(v);
  const rest = args.filter((a) => !(a.value.startsWith('-') && !modeLike(a.value)));
  const p = parseOptions(args.filter((a) => a.value.startsWith('--')), CHMOD_OPTS[tool]);
  const targets = has(p, '--reference') ? rest : rest.slice(1);
  for (const w of targets) {
    writeTarget(s, w, tool);
  }
}

export function dd(inv: Invocation, s: Session): void {
  for (const a of inv.args) {
    if (a.value.startsWith('of=')) {
      writeTarget(s, { ...a, value: a.value.slice(3) }, 'dd of=');
      if (/^of=\/dev\//.test(a.value)) {
        s.facts.destructive.add('dd writes to a device');
      }
    } else if (a.value.startsWith('if=')) {
      readTarget(s, { ...a, value: a.value.slice(3) });
    }
  }
}

export function sed(inv: Invocation, s: Session): void {
  const { args } = inv;
  const inPlace = args.some((a) => !a.dynamic && (/^-[a-zA-Z]*i/.test(a.value) && !a.value.startsWith('--') || a.value.startsWith('--in-place')));
  const p = parseOptions(args, SED_OPTS);
  const hasScriptOpt = has(p, '-e', '--expression', '-f', '--file');
  let positionals = p.positionals;
  if (inPlace && !hasScriptOpt && positionals.length > 2 && positionals[0].value === '' && !positionals[0].dynamic) {
    positionals = positionals.slice(1); // BSD `sed -i '' SCRIPT FILE`
  }
  const files = hasScriptOpt ? positionals : positionals.slice(1);
  const scripts = hasScriptOpt ? values(p, '-e', '--expression') : positionals.slice(0, 1);
  if (!has(p, '--sandbox')) {
    for (const script of scripts) {
      if (script.dynamic) {
        hidden(s, 'sed', `the script ${script.raw} is built at run time and may use 'e'`);
        continue;
      }
      const fx = sedEffects(script.value);
      if (fx.exec) {
        hidden(s, 'sed', `its script runs commands ('e' command or 's///e' flag)`);
      }
      for (const f of fx.writes) {
        if (!/^\/dev\/(stdout|stderr)$/.test(f)) {
          writeTarget(s, lit(f), "sed 'w'");
        }
      }
      for (const f of fx.reads) {
        readTarget(s, lit(f));
      }
    }
  }
  if (inPlace) {
    for (const f of files) {
      writeTarget(s, f, 'sed -i');
    }
  }
}

/** grep -r / rg over the workspace root reaches secret files; a search for credentials there is refused. */
export function grep(inv: Invocation, s: Session): void {
  const { tool } = inv;
  const rg = tool === 'rg';
  const p = parseOptions(inv.args, rg ? RG_OPTS : GREP_OPTS);
  if (rg && has(p, '--pre')) {
    hidden(s, 'rg --pre', 'it runs a program on every file it searches');
  }
  for (const g of values(p, '--include', '-g', '--glob', '--iglob')) {
    const why = secretReason(g.value.replace(/^!/, '')) ?? globSecretReason(g.value.replace(/^!/, ''));
    if (why && !g.value.startsWith('!')) {
      deny(s, `${tool} ${g.value} searches secret files: ${why}`);
    }
  }
  const recursive = rg ? p.opts.filter((o) => o.name === '-u').length >= 2 || has(p, '--hidden', '-.') : has(p, '-r', '-R', '--recursive', '--dereference-recursive') || values(p, '-d', '--directories').some((v) => v.value === 'recurse');
  if (!recursive) {
    return;
  }
  const explicit = values(p, '-e', '--regexp', '-f', '--file');
  const pattern = explicit.length > 0 ? explicit : p.positionals.slice(0, 1);
  const starts = explicit.length > 0 ? p.positionals : p.positionals.slice(1);
  const root = toSlashes(s.ctx.workspaceRoot);
  const wide = (starts.length > 0 ? starts : [lit('.')]).filter((w) => {
    const r = resolveAll(s, w);
    return r.problem !== undefined || r.abs.some((abs) => relativeTo(abs, root, s.ctx.caseInsensitive) !== undefined);
  });
  if (wide.length === 0) {
    return;
  }
  const where = wide.map((w) => (w.value === '.' && s.scope.cwds[0] === toSlashes(s.ctx.workspaceRoot) ? '. (the whole workspace)' : w.raw)).join(' ');
  if (pattern.some((w) => /pass(word|wd)?|secret|token|api[_-]?key|private[_-]?key|credential|aws_(access|secret)|BEGIN [A-Z ]*PRIVATE/i.test(w.value))) {
    deny(s, `${tool} searches the whole workspace (${where}) for credentials, which reaches secret files such as .env, keys and Terraform state; search the folders you need instead (grep -rn … k8s)`);
  } else {
    s.facts.notes.add(`${tool} reads every file under ${where}, including secret files such as .env; the sandbox hides them, and where it cannot, their contents would reach the model`);
  }
}

/** yq -i edits its files in place. */
export function yq(inv: Invocation, s: Session): void {
  const p = parseOptions(inv.args, YQ_OPTS);
  if (!has(p, '-i', '--inplace', '--in-place')) {
    return;
  }
  let pos = p.positionals;
  if (/^(e|eval|ea|eval-all)$/.test(pos[0]?.value ?? '')) {
    pos = pos.slice(1);
  }
  const files = has(p, '--from-file', '--expression') ? pos : pos.slice(1);
  for (const f of files) {
    writeTarget(s, f, 'yq -i');
  }
}

export function tar(inv: Invocation, s: Session): void {
  const { args } = inv;
  const first = args[0]?.value ?? '';
  const bundled = /^[a-zA-Z]+$/.test(first) ? `-${first}` : '';
  const p = parseOptions(bundled ? [lit(bundled), ...args.slice(1)] : args, TAR_OPTS);
  const extract = has(p, '-x', '--extract', '--get');
  const create = has(p, '-c', '--create', '-r', '--append', '-u', '--update');
  if (has(p, '--to-command', '--use-compress-program', '-I', '--checkpoint-action', '--info-script', '-F', '--new-volume-script')) {
    deny(s, 'tar runs a program (--to-command / --use-compress-program / --checkpoint-action)');
  }
  if (extract) {
    const dir = values(p, '-C', '--directory')[0] ?? lit('.');
    writeTarget(s, dir, 'tar -x');
  }
  if (create) {
    for (const f of values(p, '-f', '--file')) {
      if (f.value !== '-') {
        writeTarget(s, f, 'tar -c');
      }
    }
  }
}

export function unzip(inv: Invocation, s: Session): void {
  const p = parseOptions(inv.args, UNZIP_OPTS);
  if (has(p, '-l', '-t', '-v', '-Z', '-p')) {
    return;
  }
  writeTarget(s, values(p, '-d')[0] ?? lit('.'), 'unzip');
}

export function mkfs(_inv: Invocation, s: Session): void {
  s.facts.destructive.add('mkfs formats a file system');
}

/** find: -delete and -fprint write, -exec runs a command on what it finds (under each start path). */
export function find(inv: Invocation, s: Session): void {
  const { args, depth, where } = inv;
  let i = 0;
  const starts: Word[] = [];
  while (i < args.length && !/^[-(!]/.test(args[i].value)) {
    starts.push(args[i]);
    i++;
  }
  if (starts.length === 0) {
    starts.push(lit('.'));
  }
  // `-name .env -exec cat {} +`: the files handed to the command are secret ones (the same
  // test negated with `!`/`-not`, or followed by -prune, excludes them instead)
  const secretTests: string[] = [];
  for (let j = i; j + 1 < args.length; j++) {
    const negated = j > 0 && (args[j - 1].value === '!' || args[j - 1].value === '-not');
    if (/^-i?(name|path|wholename)$/.test(args[j].value) && !negated && args[j + 2]?.value !== '-prune') {
      const v = args[j + 1].value;
      const why = secretReason(v.replace(/^\.\//, '')) ?? globSecretReason(v.replace(/^\.\//, ''));
      if (why) {
        secretTests.push(`${args[j].value} ${v} (${why})`);
      }
    }
  }
  const runsOnFound = args.slice(i).some((a) => /^-(exec|execdir|ok|okdir)$/.test(a.value));
  if (secretTests.length > 0 && runsOnFound) {
    deny(s, `find hands secret files to a command: ${secretTests.join(', ')}`);
  }
  for (; i < args.length; i++) {
    const v = args[i].value;
    if (v === '-delete') {
      for (const start of starts) {
        writeTarget(s, start, 'find -delete');
      }
      s.facts.destructive.add('find -delete removes files');
    } else if (v === '-fprint' || v === '-fprint0' || v === '-fprintf' || v === '-fls') {
      if (args[i + 1]) {
        writeTarget(s, args[i + 1], `find ${v}`);
      }
    } else if (v === '-exec' || v === '-execdir' || v === '-ok' || v === '-okdir') {
      const inner: Word[] = [];
      let j = i + 1;
      for (; j < args.length; j++) {
        const w = args[j].value;
        if (w === ';' || w === '+') {
          break;
        }
        inner.push(args[j]);
      }
      i = j;
      // each found file lies under a start path: check the command as if run on them
      for (const start of starts) {
        s.walk.words(
          inner.map((w) => (w.value.includes('{}') ? { value: w.value.split('{}').join(start.value), raw: w.raw, dynamic: start.dynamic } : w)),
          depth,
          where,
        );
      }
    }
  }
}

/** What a sed script does besides editing the stream: runs commands, writes and reads files. */
export function sedEffects(script: string): { exec: boolean; writes: string[]; reads: string[] } {
  const fx = { exec: false, writes: [] as string[], reads: [] as string[] };
  const n = script.length;
  let i = 0;
  const blank = (): void => {
    while (i < n && (script[i] === ' ' || script[i] === '\t')) {
      i++;
    }
  };
  const toEnd = (stops: string): string => {
    const from = i;
    while (i < n && !stops.includes(script[i])) {
      i++;
    }
    return script.slice(from, i);
  };
  // a delimited part (regex or replacement) after its opening delimiter; i ends after the closing one
  const part = (delim: string): void => {
    while (i < n && script[i] !== delim) {
      i += script[i] === '\\' ? 2 : 1;
    }
    i++;
  };
  const address = (): void => {
    blank();
    if (/[0-9]/.test(script[i] ?? '')) {
      while (i < n && /[0-9~]/.test(script[i])) {
        i++;
      }
    } else if (script[i] === '$') {
      i++;
    } else if (script[i] === '/' || script[i] === '\\') {
      const delim = script[i] === '\\' ? script[i + 1] : '/';
      i += script[i] === '\\' ? 2 : 1;
      part(delim);
      while (i < n && /[IM]/.test(script[i])) {
        i++;
      }
    }
  };
  while (i < n) {
    while (i < n && /[\s;]/.test(script[i])) {
      i++;
    }
    if (i >= n) {
      break;
    }
    address();
    blank();
    if (script[i] === ',') {
      i++;
      blank();
      if (script[i] === '+' || script[i] === '~') {
        i++;
        while (i < n && /[0-9]/.test(script[i])) {
          i++;
        }
      } else {
        address();
      }
    }
    blank();
    while (script[i] === '!') {
      i++;
      blank();
    }
    const c = script[i++];
    switch (c) {
      case '{':
      case '}':
      case '=':
      case 'd':
      case 'D':
      case 'g':
      case 'G':
      case 'h':
      case 'H':
      case 'n':
      case 'N':
      case 'p':
      case 'P':
      case 'x':
      case 'z':
      case 'F':
        break;
      case 'l':
      case 'L':
      case 'q':
      case 'Q':
        blank();
        while (i < n && /[0-9]/.test(script[i])) {
          i++;
        }
        break;
      case '#':
        toEnd('\n');
        break;
      case ':':
      case 'b':
      case 't':
      case 'T':
      case 'v':
        toEnd(';\n}');
        break;
      case 'a':
      case 'i':
      case 'c':
        // GNU one-line text, or `a\` followed by text lines ending without a backslash
        for (let line = toEnd('\n'); /\\$/.test(line) && i < n; ) {
          i++;
          line = toEnd('\n');
        }
        break;
      case 'r':
      case 'R':
        fx.reads.push(toEnd('\n').trim());
        break;
      case 'w':
      case 'W':
        fx.writes.push(toEnd('\n').trim());
        break;
      case 'e':
        fx.exec = true;
        toEnd('\n');
        break;
      case 's': {
        const delim = script[i++];
        part(delim);
        part(delim);
        for (; i < n && /[gpiImMe0-9w]/.test(script[i]); i++) {
          if (script[i] === 'e') {
            fx.exec = true;
          } else if (script[i] === 'w') {
            i++;
            fx.writes.push(toEnd('\n').trim());
            break;
          }
        }
        break;
      }
      case 'y': {
        const delim = script[i++];
        part(delim);
        part(delim);
        break;
      }
      default:
        // not a sed command this reader knows: be safe and read the rest as GNU sed might
        if (/(^|[;}\n])\s*[0-9$]*e\b|\/[a-zA-Z0-9]*e[a-zA-Z0-9]*\s*($|;)/.test(script.slice(i - 1))) {
          fx.exec = true;
        }
        return fx;
    }
  }
  return fx;
}

export const FILES: HandlerTable = {
  rm: remove,
  rmdir: remove,
  unlink: remove,
  shred: remove,
  cp: copy,
  mv: copy,
  ln: copy,
  install: copy,
  tee: create,
  touch: create,
  mkdir: create,
  truncate: create,
  chmod,
  chown: chmod,
  chgrp: chmod,
  dd,
  sed,
  grep,
  egrep: grep,
  fgrep: grep,
  rg: grep,
  yq,
  tar,
  unzip,
  mkfs,
  find,
};

export const FILE_PATTERNS: readonly PatternHandler[] = [{ what: 'mkfs.<type>', test: (tool) => tool.startsWith('mkfs.'), handle: mkfs }];
