import type { Decision } from './types';

/**
 * "Allow `<prefix>` for this session": the user may let later commands that start with the exact
 * words of one they confirmed run without a card, for the rest of the chat session. It is a
 * shortcut for the confirmation only: the policy still decides about every command, and the
 * shortcut is offered (and honoured) only for plain local read-only commands: never for a
 * command the policy denies, one that writes files, contacts hosts, is destructive, or runs code
 * of the repository or another program (interpreters, build tools, wrappers), never for programs
 * that talk to remote systems (cloud and cluster CLIs, git's remote commands), and never for a
 * command line with shell syntax (quotes, variables, substitutions, pipes, redirections), a path
 * outside the workspace or `..`.
 */

/** Characters a plain command line may hold: words separated by single spaces, nothing the shell interprets. */
const PLAIN = /^[A-Za-z0-9_][A-Za-z0-9_.,:=@%+/-]*( [A-Za-z0-9_.,:=@%+/-]+)*$/;

/** Programs never allowed for a session: they reach the network, run other code, or change state outside files. */
const NEVER = new Set([
  // network clients and remote systems
  'curl', 'wget', 'ssh', 'scp', 'sftp', 'rsync', 'nc', 'ncat', 'netcat', 'telnet', 'ftp', 'ping', 'dig', 'nslookup', 'host',
  'kubectl', 'oc', 'helm', 'kustomize', 'k9s', 'aws', 'gcloud', 'gsutil', 'az', 'doctl', 'ibmcloud', 'oci', 'gh', 'glab', 'vault', 'consul', 'nomad',
  'docker', 'podman', 'nerdctl', 'buildah', 'skopeo', 'crane', 'terraform', 'tofu', 'terragrunt', 'pulumi', 'packer', 'ansible', 'ansible-playbook', 'vagrant',
  'trivy', 'grype', 'syft', 'kubeconform', 'conftest',
  // interpreters, build tools and package managers: they run the repository's code
  'make', 'cmake', 'ninja', 'bazel', 'npm', 'npx', 'yarn', 'pnpm', 'bun', 'deno', 'node', 'python', 'python3', 'pip', 'pip3', 'pipx', 'poetry', 'uv', 'ruby', 'bundle', 'gem', 'rake',
  'perl', 'php', 'composer', 'go', 'cargo', 'rustc', 'mvn', 'gradle', 'gradlew', 'java', 'dotnet', 'bash', 'sh', 'zsh', 'fish', 'dash', 'ksh', 'pwsh', 'tox', 'pytest', 'jest',
  // wrappers that run another command, and commands that change the system
  'env', 'xargs', 'sudo', 'su', 'doas', 'time', 'nice', 'nohup', 'timeout', 'watch', 'exec', 'eval', 'source', 'command', 'builtin', 'find', 'parallel', 'script',
  'kill', 'pkill', 'killall', 'systemctl', 'service', 'crontab', 'at', 'chmod', 'chown', 'ln', 'mv', 'cp', 'rm', 'rmdir', 'mkdir', 'touch', 'tee', 'dd', 'truncate', 'install',
  'sed', 'awk', 'vim', 'vi', 'nano', 'emacs', 'open', 'xdg-open', 'code',
]);

/** git subcommands that only read the local repository. */
const GIT_READ = new Set(['status', 'log', 'diff', 'show', 'blame', 'ls-files', 'rev-parse', 'describe', 'shortlog', 'grep']);

/**
 * The prefix a command can be allowed by for the session, or undefined when it cannot be: the
 * program (`ls`, `cat`), or for git the program and its read-only subcommand (`git log`).
 */
export function sessionPrefix(command: string, decision: Pick<Decision, 'decision' | 'hosts' | 'paths' | 'destructive'>): string | undefined {
  if (decision.decision !== 'ask' || decision.hosts.length > 0 || decision.paths.length > 0 || decision.destructive === true) {
    return undefined;
  }
  const words = plainWords(command);
  if (!words) {
    return undefined;
  }
  const [program, next] = words;
  if (NEVER.has(program) || program.includes('/')) {
    return undefined;
  }
  if (program === 'git' && (next === undefined || !GIT_READ.has(next))) {
    return undefined;
  }
  // git's subcommand is part of what is allowed; any other program is allowed with any arguments
  return program === 'git' ? `${program} ${next}` : program;
}

/**
 * The allowed prefix that lets this command run without a card, if any: the command must be one a
 * prefix could be offered for, and start with the prefix's exact words.
 */
export function allowedBy(command: string, decision: Pick<Decision, 'decision' | 'hosts' | 'paths' | 'destructive'>, allowed: Iterable<string>): string | undefined {
  if (sessionPrefix(command, decision) === undefined) {
    return undefined;
  }
  const words = plainWords(command) ?? [];
  for (const prefix of allowed) {
    const want = prefix.split(' ');
    if (want.length <= words.length && want.every((w, i) => words[i] === w)) {
      return prefix;
    }
  }
  return undefined;
}

/** The words of a plain command line (no shell syntax, no path out of the workspace), or undefined. */
function plainWords(command: string): string[] | undefined {
  const text = command.trim();
  if (!PLAIN.test(text)) {
    return undefined;
  }
  const words = text.split(' ');
  if (words.some((w) => w.split('/').includes('..') || /(^|[=,:])\/|^-[A-Za-z]+\//.test(w))) {
    return undefined;
  }
  return words;
}
