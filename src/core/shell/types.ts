/**
 * The shell model's public types: what a shell script does, as data. Every consumer (the
 * Dockerfile RUN rules, the GitHub Actions `run:` rules, the GitLab CI `script:` rules and the
 * agent policy) reads these instead of classifying commands on its own.
 *
 * Stability: fields are only ever added, never renamed or removed. Offsets (`start`/`end`) are
 * always offsets in the text of the script given to `shellEffects` (for commands found inside a
 * literal `sh -c '…'`, `eval '…'` or here-document they are mapped back into that text: exactly
 * when the literal has no escapes, else to the whole literal word).
 */
import type { ShellCommand, ShellInput, ShellRedirect, ShellScript, ShellWord } from '../parsers/shell';

/** A program that ran the command it is recorded on (`sudo`, `env`, `sh -c`, `find -exec`…). */
export interface Wrapper {
  /**
   * The wrapper's name: the program's base name (`sudo`, `doas`, `env`, `nice`, `timeout`, `nohup`,
   * `time`, `command`, `exec`, `stdbuf`, `gosu`, `su-exec`, `chroot`, `ionice`, `busybox`, `xargs`,
   * `npx`…), or a form: `sh -c` (any shell's -c, `name` says which: `bash -c`), `eval`,
   * `find -exec`, `python -m`, `poetry run`, `bundle exec`, `heredoc` (`bash <<EOF`),
   * `herestring` (`bash <<< '…'`), `su -c`.
   */
  name: string;
  /** The wrapper's program word (offsets in the script text). */
  word: ShellWord;
  /** The wrapper's own options and their values, as written (`-u`, `deploy`, `-E`, `FOO=1`). */
  options: ShellWord[];
  /** The user the command runs as, when the wrapper says (`sudo -u deploy`, `gosu app`); `root` for a bare sudo/doas/su. */
  user?: string;
}

/** One command that runs, with its wrappers looked through. */
export interface CommandRun {
  /** Normalised program name: base name, `pip3`/`pip3.12` → `pip`; '' when the name is not static. */
  name: string;
  /** The base name as written (`pip3`, `python3.12`, `apt-get`). */
  program: string;
  /** The word naming the program (for `python -m pip`, the module word). */
  nameWord: ShellWord;
  /** The arguments after the program name (offsets in the script text). */
  args: ShellWord[];
  /** Wrappers that ran it, outermost first (`sudo -u deploy env X=1 kubectl …` → sudo, env). */
  wrappers: Wrapper[];
  /** Variable assignments in front of it and given to `env` (`FOO=1 make`, `env FOO=1 make`). */
  assignments: { name: string; value: ShellWord | undefined }[];
  /** Its own redirections (not those of an enclosing compound command; see ScriptEffects.writes). */
  redirects: ShellRedirect[];
  /**
   * The parsed simple command it came from. For commands inside a literal script (`sh -c '…'`)
   * a copy with its offsets mapped into the script text and a negative `pipelineId`.
   */
  source: ShellCommand;
  /** Where the command's text came from: the top script, or a literal run by a wrapper. */
  origin: { text: string; depth: number };
  /** Pipeline identity (same string = piped together), index and length (1 when not piped). */
  pipeline: string;
  pipeIndex: number;
  pipeLength: number;
  /** Nesting inside $(…), `…`, <(…) of the script it was parsed from. */
  substitutionDepth: number;
  /** The program name is computed (`$CMD x`, `"$(which curl)" …`): name is '' and an Unknown is recorded. */
  dynamicName: boolean;
  /**
   * Where its standard input comes from: its own redirection, an enclosing compound command's
   * (`{ python3; } < f`, `while …; done <<< "$x"`), or a pipe into it or into a group or subshell
   * around it (`curl … | { bash; }`, `(curl …) | bash`).
   */
  stdin: 'inherited' | 'pipe' | 'file' | 'heredoc' | 'herestring';
  /** The redirection or pipe behind `stdin` (offsets in the script text); absent when inherited. */
  input?: ShellInput;
  /** When `stdin` is a pipe: every command writing into it (the members before it, their substitutions and literal scripts included), in text order. */
  stdinFrom: CommandRun[];
  /** Whether its standard output goes to a pipe (its own or an enclosing group's), a file, a substitution, or the caller. */
  stdout: 'inherited' | 'pipe' | 'file' | 'substitution';
  /** Whether it runs a script read from standard input (`sh`, `bash -s --`, `python -`, `node`). */
  runsStdin: boolean;
  /** Whether it runs an argument as a script (`sh -c X`, `eval X`, `source X`, `bash X`, `python -c X`): the word, when it does. */
  scriptArgument?: ShellWord;
  /** Offsets of the whole command (with its wrappers and redirections) in the script text. */
  start: number;
  end: number;
}

/** The syntax node a redirection belongs to. */
export type RedirectNode = 'command' | 'subshell' | 'group' | 'if' | 'while' | 'for' | 'case' | 'test' | 'function' | 'negated' | 'other';

/** A file a script writes or reads. */
export interface FileAccess {
  /** The path as written after quote removal (may hold `$VAR` when dynamic). */
  path: string;
  /** The word holding the path (offsets in the script text), when there is one. */
  word?: ShellWord;
  /** The path depends on an expansion ($VAR, $(…), ~); an Unknown `dynamic-path` is recorded too. */
  dynamic: boolean;
  /**
   * How: a redirection operator (`>`, `>>`, `>|`, `&>`, `&>>`, `>&`, `2>`, `<`, `<>`) or a tool
   * and option (`tee`, `cp`, `mv`, `ln`, `install`, `dd of=`, `sort -o`, `tar -f`, `tar -C`, `zip`,
   * `split`, `curl -o`, `curl -D`, `curl -T`, `wget -O`, `wget -P`, `git -C`, `git archive -o`,
   * `sed -i`, `touch`, `mkdir`, `rm`, `chmod`, `chown`, `truncate`).
   */
  via: string;
  /** The node the redirection belongs to (`command` for tools' own writes). */
  node: RedirectNode;
  /** The command that writes or reads (absent for redirections of compound commands). */
  command?: CommandRun;
  /** Appends (`>>`, `tee -a`) rather than truncating. */
  append?: boolean;
  /** Removes or changes metadata rather than content (`rm`, `chmod`, `chown`). */
  destructive?: boolean;
  start: number;
  end: number;
}

/** How a download reaches an interpreter. */
export type DownloadForm = 'pipe' | 'process-substitution' | 'command-substitution' | 'herestring' | 'write-then-run';

/** A download whose content is run by an interpreter (`curl … | sh`, `source <(curl …)`, `curl -o f && sh f`). */
export interface Download {
  form: DownloadForm;
  /** The command that downloads (`curl`, `wget`, `fetch`, `iwr`…). */
  downloader: CommandRun;
  /** The command that runs it (`sh`, `bash`, `python3`, `source`, `eval`). */
  interpreter: CommandRun;
  /** The first literal URL of the downloader, when it has one. */
  url?: string;
  /** write-then-run: the file written then run. */
  file?: string;
  /** write-then-run: a checksum or signature check (`sha256sum -c`, `gpg --verify`, `cosign verify`) runs in between. */
  verified?: boolean;
  /** From the first to the last of the two commands, in the script text. */
  start: number;
  end: number;
}

/** A network destination a command contacts. */
export interface HostContact {
  /** Host name or address, lower case, without port or user. */
  host: string;
  /** The URL or address as written. */
  address: string;
  /** `url` (scheme://host), `scp` (user@host:path), `ssh` (a host operand of ssh-like tools), `option` (--server=…, --registry …). */
  kind: 'url' | 'scp' | 'ssh' | 'option';
  word: ShellWord;
  command: CommandRun;
}

/** Package manager families. `yum` covers yum, dnf, microdnf and tdnf; `apt` covers apt-get, apt and aptitude. */
export type PackageManager = 'apt' | 'apk' | 'yum' | 'zypper' | 'pip' | 'npm' | 'gem' | 'go' | 'cargo';

/** One package argument of an install. */
export interface PackageSpec {
  word: ShellWord;
  /** Index of the word in `command.args`. */
  index: number;
  /** The package name without version (`curl`, `requests`, `@scope/pkg`, `github.com/x/y/cmd/z`). */
  name: string;
  /** The version as written after the manager's separator (`=1.2`, `==1.2`, `@1.2`), without the separator. */
  version?: string;
  /** The version operator as written (`=`, `==`, `>=`, `~=`, `@`, `:`). */
  operator?: string;
  /** What the argument names. */
  kind: 'name' | 'file' | 'url' | 'vcs' | 'path';
  dynamic: boolean;
}

/** A package install (`apt-get install`, `apk add`, `pip install`, `npm install`, `go install`…). */
export interface PackageInstall {
  manager: PackageManager;
  /** The program as written (`apt-get`, `apt`, `dnf`, `microdnf`, `pip3`, `npm`). */
  tool: string;
  command: CommandRun;
  /** The subcommand word (`install`, `add`, `i`, `ci`, `get`). */
  subcommand: ShellWord;
  /** Index of the subcommand in `command.args`. */
  subcommandIndex: number;
  /** Every option word (flags and their values stay separate words; `--flag=value` is one word). */
  flags: ShellWord[];
  /** The package arguments (not `-r requirements.txt`: that is in `requirements`). */
  packages: PackageSpec[];
  /** Requirement or lock files named by the install (`pip -r f`, `-c f`). */
  requirements: ShellWord[];
}

/** Something the model could not know statically, recorded instead of guessed. */
export interface Unknown {
  kind:
    | 'dynamic-command' // `$CMD …`: the program is computed
    | 'dynamic-script' // `sh -c "$X"`, `bash -c "$(…)"` with no download found, a -c text or here-document body with expansions
    | 'eval' // `eval "$X"`: evaluated text is computed
    | 'dynamic-path' // a file written or read through a computed path
    | 'dynamic-host' // a downloader or network tool whose destination is computed
    | 'xargs-input' // `xargs cmd`: arguments come from standard input
    | 'function' // a call to a function defined in the script (its body is in the commands anyway)
    | 'too-deep' // literal scripts nested deeper than the model follows
    | 'syntax-error'; // the parser found an error: what follows it may be misread
  /** Text of the word or command concerned. */
  text: string;
  command?: CommandRun;
  start: number;
  end: number;
}

/** Everything a script does, as far as it can be known without running it. */
export interface ScriptEffects {
  /** The parsed script (shared with parseShell's cache; do not mutate). */
  script: ShellScript;
  /** Every command that runs, in text order, wrappers looked through; literal `sh -c`/`eval`/here-doc scripts expanded in place. */
  commands: CommandRun[];
  /** Files written: redirections (with the node they belong to) and tools' outputs. */
  writes: FileAccess[];
  /** Files read: `<` redirections and tools' inputs (cp/mv sources, `tar -xf`, `curl -T`, `source f`). */
  reads: FileAccess[];
  /** Downloads run by an interpreter. */
  downloads: Download[];
  /** Network destinations named by the commands. */
  hosts: HostContact[];
  /** Package installs. */
  installs: PackageInstall[];
  /** What could not be known. */
  unknowns: Unknown[];
}
