import type { CommandRun } from '../../../core/shell';
import { findUrls } from '../hosts';
import { globSecretReason, secretReason } from '../paths';
import { addHost, deny, hidden, madeHere, readTarget, writeTarget } from '../session';
import type { Session, Where } from '../session';
import type { Stdin } from '../model';
import { basename, has, lit, parseOptions, values } from '../words';
import type { Word } from '../words';
import { pipArgs } from './packages';
import type { HandlerTable, Invocation, PatternHandler } from './types';

/**
 * Shells and script interpreters: `sh -c TEXT` is walked as a command line; inline code
 * (`python -c`, `node -e`, here-documents) is read for URLs, secret file names, network use and
 * the commands it starts; a program read from a pipe is download-and-execute when a fetcher or
 * decoder feeds it, and unreadable otherwise; scripts the same command line downloaded or wrote are
 * refused. awk programs are read for system(), pipes and the files they print to.
 */

export const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'ash', 'mksh', 'yash', 'fish', 'csh', 'tcsh', 'rbash']);
export const SCRIPT_INTERPRETERS = /^(python[0-9.]*|pypy[0-9.]*|perl[0-9.]*|ruby[0-9.]*|node|nodejs|deno|bun|php[0-9.]*|lua[0-9.]*|Rscript|osascript|pwsh|powershell|tclsh|awk|gawk|mawk|nawk)$/;
/** Programs whose output piped into a shell is a download. */
const FETCHERS = new Set(['curl', 'wget', 'fetch', 'aria2c', 'http', 'https', 'xh', 'nc', 'ncat', 'netcat', 'socat', 'lwp-request', 'GET', 'tftp', 'ftp']);
const AWK_OPTS = new Set(['-F', '-v', '-f', '-e', '-i', '-l', '-E', '--file', '--source', '--field-separator', '--assign', '--include', '--load', '--exec']);

export function shell(inv: Invocation, s: Session): void {
  const { base, args, depth, where } = inv;
  let i = 0;
  let commandMode = false;
  let stdinMode = false;
  for (; i < args.length; i++) {
    const v = args[i].value;
    if (args[i].dynamic) {
      break;
    }
    if (v === '--' || v === '-') {
      // `sh -s -- -y` still reads the program from stdin: `--` only ends the shell's options
      stdinMode = stdinMode || v === '-';
      i++;
      break;
    }
    if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(v) || v === '--command') {
      commandMode = true;
      continue;
    }
    if (/^[-+][a-zA-Z]*s[a-zA-Z]*$/.test(v)) {
      stdinMode = true;
      continue;
    }
    if (/^[-+]o$/.test(v) || v === '--rcfile' || v === '--init-file') {
      i++;
      continue;
    }
    if (v.startsWith('-') || v.startsWith('+')) {
      continue;
    }
    break;
  }
  const rest = args.slice(i);
  if (commandMode) {
    if (rest.length === 0 || rest[0].dynamic) {
      hidden(s, `${base} -c`, `the command text ${rest[0]?.raw ?? '(missing)'} is built at run time`);
      return;
    }
    s.walk.script(rest[0].value, depth + 1);
    return;
  }
  if (rest.length > 0 && !stdinMode && !(STDIN_FILE.test(rest[0].value) && !rest[0].dynamic)) {
    const script = rest[0];
    if (script.dynamic) {
      deny(s, `${base} runs a script whose source is computed at run time (${script.raw}), e.g. process substitution of a download`);
      return;
    }
    if (madeHere(s, script.value)) {
      deny(s, `${base} runs ${script.value}, which the same command downloaded or wrote (download-and-execute: its contents are never checked)`);
    }
    return;
  }
  stdinProgram(s, base, where, (text) => s.walk.script(text, depth + 1));
}

/** Script operands that name standard input (`sh /dev/stdin`, `python3 /dev/fd/0`). */
const STDIN_FILE = /^(\/dev\/stdin|\/dev\/fd\/0|\/proc\/self\/fd\/0)$/;

/** A command writing into the pipe fetches or decodes code: download-and-execute, denied. */
function pipedFetcher(s: Session, base: string, input: Stdin): boolean {
  // the model looked through wrappers: `sudo curl …` is curl
  const fetcher = (input.kind === 'pipe' ? input.from : []).find((m) => {
    const n = m.name.toLowerCase();
    return FETCHERS.has(n) || isDecoder(m) || (SCRIPT_INTERPRETERS.test(n) && /urllib|requests|http|socket|fetch/.test(m.source.raw));
  });
  if (fetcher) {
    deny(s, `pipes the output of '${fetcher.source.raw.slice(0, 60)}' into ${base}: download-and-execute (or decode-and-execute) runs code nobody reviewed; save the script, review it, and run it from the repository`);
  }
  return fetcher !== undefined;
}

/** A program read from standard input: a literal here-document is checked, anything else denied. */
export function stdinProgram(s: Session, base: string, where: Where, check: (text: string) => void): void {
  const input = where.stdin?.() ?? { kind: 'none' };
  if (pipedFetcher(s, base, input)) {
    return;
  }
  const heredoc = input.kind === 'redirect' ? input.redirect : undefined;
  const file = heredoc && /^0?<$/.test(heredoc.operator) ? heredoc.target : undefined;
  if (file && !file.dynamic && madeHere(s, file.value)) {
    deny(s, `${base} runs ${file.value}, which the same command downloaded or wrote (download-and-execute: its contents are never checked)`);
    return;
  }
  if (heredoc && (heredoc.heredoc !== undefined || /^0?<<<$/.test(heredoc.operator))) {
    const text = heredoc.heredoc ?? heredoc.target?.value;
    const quoted = heredoc.heredoc === undefined ? !heredoc.target?.dynamic : true;
    if (text !== undefined && quoted) {
      check(text);
      return;
    }
  }
  deny(s, `${base} reads the program from standard input, which cannot be checked; put the commands in the command line or a script file`);
}

export function interpreter(inv: Invocation, s: Session): void {
  const { tool: lower, args, depth, where } = inv;
  const codeFlags = /^(python|pypy)/.test(lower)
    ? ['-c']
    : /^(node|nodejs|deno|bun)$/.test(lower)
      ? ['-e', '--eval', '-p', '--print', 'eval']
      : /^(perl|ruby)/.test(lower)
        ? ['-e', '-E']
        : /^php/.test(lower)
          ? ['-r']
          : /^(pwsh|powershell)$/.test(lower)
            ? ['-c', '-command', '-Command', '-EncodedCommand', '-enc', '-e', '-ec']
            : /awk$/.test(lower)
              ? []
              : ['-e', '-c'];
  if (/awk$/.test(lower)) {
    return awk(inv, s);
  }
  if (/^(pwsh|powershell)$/.test(lower) && args.some((a) => /^-(e|ec|enc|encodedcommand)$/i.test(a.value))) {
    deny(s, `${lower} -EncodedCommand hides the script it runs`);
    return;
  }
  const pyModule = /^(python|pypy)/.test(lower) ? args.findIndex((a) => a.value === '-m') : -1;
  if (pyModule >= 0) {
    const mod = args[pyModule + 1]?.value;
    if (mod === 'pip') {
      pipArgs(args.slice(pyModule + 2), s);
    }
    return;
  }
  // `node --eval=CODE`, `node -pe CODE`
  const attached = args.find((a) => !a.dynamic && /^--(eval|print)=/.test(a.value) && /^(node|nodejs|deno|bun)$/.test(lower));
  const idx = args.findIndex((a) => codeFlags.includes(a.value) || (codeFlags.includes('-c') && /^-[A-Za-z]*c$/.test(a.value) && /^(python|pypy)/.test(lower)) || (/^(node|nodejs|bun)$/.test(lower) && /^-[a-z]*[ep]$/.test(a.value)));
  if (attached || idx >= 0) {
    const code = attached ? { ...attached, value: attached.value.slice(attached.value.indexOf('=') + 1) } : args[idx + 1];
    if (!code) {
      return;
    }
    if (code.dynamic) {
      hidden(s, lower, `the code ${code.raw} is built at run time`);
      return;
    }
    if (code.value === '-' && /^(pwsh|powershell)$/.test(lower)) {
      // pwsh -Command - reads the commands from standard input
      stdinProgram(s, lower, where, (text) => inlineCode(s, lower, text, depth, where));
      return;
    }
    inlineCode(s, lower, code.value, depth, where);
    return;
  }
  let operands = args.filter((a) => !a.value.startsWith('-') || a.value === '-');
  if (/^(deno|bun)$/.test(lower) && operands[0]?.value === 'run' && !operands[0].dynamic) {
    operands = operands.slice(1); // `deno run SCRIPT`, `bun run -`
  }
  const operand = operands[0];
  if (operand && operand.value !== '-' && !(STDIN_FILE.test(operand.value) && !operand.dynamic)) {
    if (operand.dynamic) {
      deny(s, `${lower} runs a script whose source is computed at run time (${operand.raw})`);
    } else if (madeHere(s, operand.value)) {
      deny(s, `${lower} runs ${operand.value}, which the same command downloaded or wrote (download-and-execute: its contents are never checked)`);
    }
    return;
  }
  if (where.stdin?.().kind === 'none') {
    // an interactive interpreter with no input: nothing hidden runs
    return;
  }
  stdinProgram(s, lower, where, (text) => inlineCode(s, lower, text, depth));
}

/** perl -i edits its files in place; otherwise perl is an interpreter like the others. */
export function perl(inv: Invocation, s: Session): void {
  if (inv.args.some((a) => /^-[a-zA-Z]*i/.test(a.value))) {
    const p = parseOptions(inv.args, new Set(['-e', '-E', '-M', '-I']));
    for (const f of p.positionals) {
      writeTarget(s, f, 'perl -i');
    }
  }
  interpreter(inv, s);
}

/** Inline code (-c / -e / a here-document): its URLs must be allowed; network use without one is denied. */
function inlineCode(s: Session, lang: string, code: string, depth: number, where?: Where): void {
  // `perl -e 'eval <STDIN>'`, `python3 -c 'exec(sys.stdin.read())'`: the code runs what it reads
  if (where && /\b(eval|exec|instance_eval|loadstring)\b\s*[(<{$]|\beval\s+[A-Za-z]|Invoke-Expression|\biex\b/i.test(code) && /STDIN|sys\.stdin|process\.stdin|readFileSync\(\s*(0|['"]\/dev\/stdin['"])|php:\/\/stdin|\$stdin|io\.read|\$input|<>/.test(code)) {
    if (!pipedFetcher(s, lang, where.stdin?.() ?? { kind: 'none' })) {
      hidden(s, lang, 'its code evaluates what it reads from standard input');
    }
  }
  // code that starts processes: the command strings it passes are checked like command lines
  if (/subprocess|os\.system|os\.popen|child_process|\bexec(Sync|File)?\s*\(|\bspawn(Sync)?\s*\(|\bsystem\s*\(|\bpopen\s*\(|%x\{|`[^`]+`|\bqx[({/]|Start-Process|Invoke-Expression/.test(code)) {
    const literals = code.match(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`\n]*`/g) ?? [];
    for (const literal of literals) {
      const inner = literal.slice(1, -1);
      if (/\s/.test(inner.trim()) && /^[A-Za-z./_-]/.test(inner.trim())) {
        s.walk.script(inner, depth + 1);
      }
    }
  }
  const urls = findUrls(code);
  for (const u of urls) {
    addHost(s, u.result, `${lang} code`);
  }
  // file names in the code's string literals: `open('.env')`, `readFileSync('.env')`
  for (const literal of code.match(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`\n]*`/g) ?? []) {
    const inner = literal.slice(1, -1).trim();
    const why = inner === '' || /\s/.test(inner) ? undefined : (secretReason(inner.replace(/^~[^/]*/, '')) ?? globSecretReason(inner));
    if (why) {
      deny(s, `the ${lang} code names ${inner}: ${why}`);
    }
  }
  const network = /\b(urllib|urllib2|urllib3|requests|httpx|aiohttp|http\.client|httplib|socket|ftplib|telnetlib|paramiko|smtplib|LWP|HTTP::Tiny|IO::Socket|Net::|open-uri|net\/http|Net::HTTP|fetch\s*\(|(require|import)\s*\(\s*['"](node:)?(https?|http2|net|dgram|tls|dns)['"]\s*\)|from\s+['"](node:)?(https?|http2|net|dgram|tls|dns)['"]|process\.binding|axios|XMLHttpRequest|WebSocket|fsockopen|curl_init|file_get_contents\s*\(\s*['"]https?|Invoke-WebRequest|Invoke-RestMethod|\biwr\b|\birm\b|Net\.WebClient|DownloadString|DownloadFile|Start-BitsTransfer)/;
  if (network.test(code) && urls.length === 0) {
    deny(s, `${lang} code opens network connections to a destination that cannot be determined`);
  }
  if (/\b(exec|eval)\s*\(|\bIEX\b|Invoke-Expression|\bsystem\s*\(|subprocess|os\.system|child_process|popen/i.test(code) && (network.test(code) || /b64decode|base64|atob|decode\(/.test(code))) {
    deny(s, `${lang} code downloads or decodes code and runs it (download-and-execute)`);
  }
}

/** awk: its program runs commands (system(), pipes, getline) and writes files (print > "f"). */
function awk(inv: Invocation, s: Session): void {
  const { tool } = inv;
  const p = parseOptions(inv.args, AWK_OPTS);
  if (has(p, '-l', '--load')) {
    hidden(s, tool, 'it loads a compiled extension');
  }
  const programs = [...values(p, '-e', '--source'), ...(has(p, '-f', '--file', '-E', '--exec', '-e', '--source') ? [] : p.positionals.slice(0, 1))];
  for (const prog of programs) {
    if (prog.dynamic) {
      hidden(s, tool, `the program ${prog.raw} is built at run time`);
      continue;
    }
    const code = prog.value;
    if (/\bsystem\s*\(/.test(code)) {
      hidden(s, tool, 'its program calls system()');
    }
    if (/\|\s*getline|\|&/.test(code)) {
      hidden(s, tool, 'its program reads the output of a command ("cmd" | getline)');
    }
    if (/@load\b/.test(code)) {
      hidden(s, tool, 'its program loads a compiled extension (@load)');
    }
    for (const m of code.matchAll(/getline[^;{}\n<]*<\s*"([^"]*)"/g)) {
      readTarget(s, lit(m[1]));
    }
    for (const r of awkRedirections(code)) {
      if (r.op === '|') {
        hidden(s, tool, `its program prints into the command ${r.target === undefined ? 'named at run time' : `"${r.target}"`}`);
      } else if (r.target === undefined) {
        deny(s, `${tool} writes to a file its program names at run time (print ${r.op} …), which cannot be checked`);
      } else {
        writeTarget(s, lit(r.target), `${tool} print ${r.op}`);
      }
    }
  }
}

/** A program the policy does not know that runs `sh -c …` or `python -c …` given in its arguments. */
export function embeddedCommand(inv: Invocation, s: Session): void {
  const { args } = inv;
  for (let i = 0; i + 1 < args.length; i++) {
    const w: Word = args[i];
    const next = args[i + 1];
    if (w.dynamic || next.dynamic) {
      continue;
    }
    const name = basename(w.value).toLowerCase();
    const shellCode = SHELLS.has(name) && (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(next.value) || next.value === '--command');
    const code = SCRIPT_INTERPRETERS.test(name) && /^(-c|-e|-E|-r|--eval|-p|--print)$/.test(next.value);
    if (shellCode || code) {
      s.walk.words(args.slice(i), inv.depth, inv.where);
      return;
    }
  }
}

/** A pipeline member that decodes data (base64 -d, xxd -r …), so a shell after it runs hidden code. */
function isDecoder(cmd: CommandRun): boolean {
  const n = cmd.name.toLowerCase();
  const flags = cmd.args.map((a) => a.value);
  if ((n === 'base64' || n === 'base32' || n === 'basenc') && flags.some((f) => f === '-d' || f === '--decode' || f === '-D')) {
    return true;
  }
  if (n === 'xxd' && flags.some((f) => f === '-r')) {
    return true;
  }
  if (n === 'openssl' && flags.some((f) => f === '-d' || f === 'base64' || f === 'enc')) {
    return true;
  }
  return ['uudecode', 'gunzip', 'zcat', 'gzip', 'bzcat', 'xzcat', 'unxz', 'zstdcat', 'rev', 'tr', 'printf', 'echo'].includes(n) && (n !== 'echo' && n !== 'printf' || flags.some((f) => /\\x[0-9a-f]{2}|\\[0-7]{3}/i.test(f)));
}

/**
 * Output redirections of awk's print statements: `print > "f"`, `printf … >> f`, `print | "cmd"`.
 * Comparisons inside parentheses (`print ($1 > 3)`) and inside strings are not redirections.
 */
export function awkRedirections(program: string): { op: '>' | '>>' | '|'; target?: string }[] {
  const strings: string[] = [];
  const code = program.replace(/"(?:[^"\\]|\\.)*"/g, (m) => {
    strings.push(m.slice(1, -1).replace(/\\(.)/g, '$1'));
    return `\uE000${strings.length - 1}\uE000`;
  });
  const out: { op: '>' | '>>' | '|'; target?: string }[] = [];
  for (const m of code.matchAll(/\bprintf?\b([^;{}\n]*)/g)) {
    let stmt = m[1];
    for (let prev = ''; prev !== stmt; ) {
      prev = stmt;
      stmt = stmt.replace(/\([^()]*\)/g, '');
    }
    const r = /(>>|>|\|&?)\s*(?:\uE000(\d+)\uE000)?/.exec(stmt);
    if (r) {
      out.push({ op: r[1].startsWith('|') ? '|' : (r[1] as '>' | '>>'), target: r[2] !== undefined ? strings[Number(r[2])] : undefined });
    }
  }
  return out;
}

export const INTERPRETERS: HandlerTable = { perl };

export const INTERPRETER_PATTERNS: readonly PatternHandler[] = [
  { what: `shells (${[...SHELLS].join(', ')})`, test: (tool) => SHELLS.has(tool), handle: shell },
  { what: 'script interpreters (python, node, perl, ruby, php, pwsh, awk…)', test: (tool) => SCRIPT_INTERPRETERS.test(tool), handle: interpreter },
];
