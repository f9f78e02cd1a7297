/**
 * Downloads run by an interpreter: `curl … | sh`, `wget -qO- … | sudo bash -s --`,
 * `bash <(curl …)`, `source <(curl …)`, `sh -c "$(curl …)"`, `bash <<< "$(curl …)"` and
 * `curl -o f … && sh f`. A downloader that writes a file (`curl -o f … | sh`) sends nothing
 * down the pipe, so it is no download into the shell.
 */
import type { ShellScript } from '../parsers/shell';
import { isInterpreter } from './commands';
import type { CommandRun, Download, DownloadForm, FileAccess } from './types';

/** Programs that fetch a URL. */
export const DOWNLOADERS = new Set(['curl', 'wget', 'fetch', 'http', 'https', 'xh', 'aria2c', 'lwp-request', 'GET', 'iwr', 'irm', 'Invoke-WebRequest', 'Invoke-RestMethod']);
/** PowerShell's evaluators of text (`iwr … | iex`). */
const EVALUATORS = new Set(['iex', 'Invoke-Expression']);

/** Whether a downloader sends the body to standard output. */
export function writesStdout(run: CommandRun): boolean {
  const args = run.args.map((a) => a.value);
  switch (run.name) {
    case 'curl':
      for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if ((a === '-o' || a === '--output' || /^-[a-zA-Z]*o$/.test(a)) && args[i + 1] !== '-') {
          return false;
        }
        if (/^-o./.test(a) && a !== '-o-') {
          return false;
        }
        if ((a.startsWith('--output=') && a !== '--output=-') || a === '--remote-name' || a === '--remote-name-all' || /^-[a-zA-Z]*O[a-zA-Z]*$/.test(a)) {
          return false;
        }
      }
      return true;
    case 'wget':
      return args.some((a, i) => a === '-O-' || /^-[a-zA-Z]*O-$/.test(a) || a === '--output-document=-' || ((a === '-O' || /^-[a-zA-Z]*O$/.test(a) || a === '--output-document') && args[i + 1] === '-'));
    case 'fetch':
      return args.some((a, i) => (a === '-o' && args[i + 1] === '-') || a === '-o-');
    case 'aria2c':
      return false;
    case 'http':
    case 'https':
    case 'xh':
      return !args.some((a) => a === '--download' || a === '-d' || a === '-o' || a.startsWith('--output'));
    case 'iwr':
    case 'Invoke-WebRequest':
      return !args.some((a) => /^-OutFile$/i.test(a));
    default:
      return DOWNLOADERS.has(run.name);
  }
}

/** The first literal URL a command names. */
function firstUrl(run: CommandRun): string | undefined {
  return run.args.find((a) => !a.dynamic && /^[a-z][a-z0-9+.-]*:\/\//i.test(a.value))?.value;
}

function download(form: DownloadForm, downloader: CommandRun, interpreter: CommandRun, extra: Partial<Download> = {}): Download {
  return { form, downloader, interpreter, url: firstUrl(downloader), start: Math.min(downloader.start, interpreter.start), end: Math.max(downloader.end, interpreter.end), ...extra };
}

function inside(inner: { start: number; end: number }, outer: { start: number; end: number }): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** A normalised path for comparing a file written with the one run (`./x.sh` and `x.sh`). */
function samePath(a: string, b: string): boolean {
  const norm = (p: string): string => p.replace(/^(\.\/)+/, '').replace(/\/+/g, '/');
  return norm(a) === norm(b);
}

const VERIFY_SUMS = /^(sha(1|224|256|384|512)sum|md5sum|b2sum|shasum|cksum)$/;

/** Whether a command checks a checksum or a signature. */
function verifies(run: CommandRun): boolean {
  const v = run.args.map((a) => a.value);
  if (VERIFY_SUMS.test(run.name)) {
    return v.some((a) => a === '-c' || a === '--check' || /^-[a-z]*c[a-z]*$/.test(a));
  }
  switch (run.name) {
    case 'gpg':
    case 'gpgv':
      return run.name === 'gpgv' || v.includes('--verify');
    case 'cosign':
      return v[0]?.startsWith('verify') ?? false;
    case 'minisign':
      return v.includes('-V');
    case 'openssl':
      return v.includes('dgst') && v.includes('-verify');
    default:
      return false;
  }
}

/** Every download run by an interpreter in a script. */
export function findDownloads(script: ShellScript, commands: readonly CommandRun[], writes: readonly FileAccess[]): Download[] {
  void script;
  const out: Download[] = [];
  const reported = new Set<CommandRun>();
  for (const d of commands) {
    if (!DOWNLOADERS.has(d.name) || !writesStdout(d)) {
      continue;
    }
    // curl … | [filters |] sh, through groups and subshells (`(curl …) | bash`, `curl … | { sh; }`)
    if (d.stdout === 'pipe') {
      const runner = commands.find((c) => c.stdin === 'pipe' && c.stdinFrom.includes(d) && (c.runsStdin || EVALUATORS.has(c.name)));
      if (runner && !reported.has(runner)) {
        reported.add(runner);
        out.push(download('pipe', d, runner));
        continue;
      }
    }
    if (d.substitutionDepth === 0) {
      continue;
    }
    // `bash <<< "$(curl …)"`, `bash < <(curl …)`, `{ bash; } <<< "$(curl …)"`: the standard input of the interpreter, or of a compound around it
    const fed = commands.find((c) => c.runsStdin && !reported.has(c) && c.input?.kind === 'redirect' && c.input.redirect.target !== undefined && inside(d, c.input.redirect.target) && /^0?(<<<|<)$/.test(c.input.redirect.operator));
    if (fed && fed.input?.kind === 'redirect') {
      reported.add(fed);
      out.push(download(/<<<$/.test(fed.input.redirect.operator) ? 'herestring' : 'process-substitution', d, fed));
      continue;
    }
    // the innermost command holding the substitution
    let holder: CommandRun | undefined;
    for (const c of commands) {
      if (c !== d && c.substitutionDepth < d.substitutionDepth && inside(d, c) && (!holder || inside(c, holder))) {
        holder = c;
      }
    }
    if (!holder || reported.has(holder)) {
      continue;
    }
    const script = holder.scriptArgument;
    const evalArgs = holder.name === 'eval' ? holder.args : [];
    const inScript = (script && inside(d, script)) || evalArgs.some((a) => inside(d, a));
    if (inScript && (isInterpreter(holder.name) || holder.name === 'eval' || holder.name === 'source' || holder.name === '.')) {
      const word = script && inside(d, script) ? script : evalArgs.find((a) => inside(d, a));
      reported.add(holder);
      out.push(download(word?.raw.startsWith('<(') ? 'process-substitution' : 'command-substitution', d, holder));
      continue;
    }
  }
  // curl -o f … && sh f (the checksum advice's own shape: recorded with `verified`)
  for (const write of writes) {
    const d = write.command;
    if (!d || write.dynamic || !DOWNLOADERS.has(d.name)) {
      continue;
    }
    const later = commands.filter((c) => c.start >= d.end);
    const runner = later.find((c) => (c.scriptArgument && !c.scriptArgument.dynamic && samePath(c.scriptArgument.value, write.path)) || (!c.dynamicName && c.nameWord.value.includes('/') && samePath(c.nameWord.value, write.path)));
    if (runner && !reported.has(runner)) {
      reported.add(runner);
      const verified = later.some((c) => c.start < runner.start && verifies(c));
      out.push(download('write-then-run', d, runner, { file: write.path, verified }));
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
