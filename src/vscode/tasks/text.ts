/**
 * Pure text helpers of the command-palette tasks (no `vscode` import, unit-tested): the facts a
 * generator detected, the message that seeds the DevOps Agent for "Refine", and the summaries.
 */
import type { Stack } from '../../generate';

/** Facts about a project worth telling the agent (and the user), in display order. */
export function stackFacts(stack: Stack): [string, string][] {
  const facts: [string, string][] = [
    ['language', stack.language],
    ['name', stack.name],
    ['version', stack.version],
    ['port', String(stack.port)],
    ['health path', stack.healthPath],
    ['metrics path', stack.metricsPath],
  ];
  switch (stack.language) {
    case 'node':
      facts.push(['package manager', stack.packageManager], ['lockfile', stack.lockfile ?? 'none'], ['Node.js major', String(stack.nodeMajor)], ['start command', stack.command.join(' ')]);
      break;
    case 'python':
      facts.push(['dependency tool', stack.tool], ['Python', stack.pythonVersion], ['framework', stack.framework ?? 'none'], ['start command', stack.command.join(' ')]);
      break;
    case 'go':
      facts.push(['Go', stack.goVersion], ['main package', stack.mainPackage], ['go.sum', stack.hasGoSum ? 'present' : 'missing']);
      break;
    case 'java':
      facts.push(['build', stack.build], ['Java', String(stack.javaVersion)], ['Spring Boot', stack.springBoot ? 'yes' : 'no'], ['wrapper', stack.wrapper ? 'yes' : 'no']);
      break;
    case 'generic':
      break;
  }
  if (stack.database) {
    facts.push(['database', stack.database]);
  }
  return facts;
}

/** Longest text of one generated file put into the seed (the agent can read the rest itself). */
const MAX_FILE_CHARS = 12_000;

/** A fence longer than any backtick run in `text`, so file contents cannot close it early. */
function fenceFor(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/**
 * The message "Refine with DevOps Agent" puts into the chat input (the user reviews it and
 * presses Send): what was generated, where, what detection found, and the files themselves.
 */
export function refineSeed(what: string, folder: string, facts: readonly [string, string][], files: readonly { path: string; text: string }[]): string {
  const lines = [
    `Review and refine the ${what} Aurora generated for the project in ${folder || 'the workspace root'}.`,
    'Keep it passing Aurora\'s checks (no new warnings), explain each change, and propose edits as file writes I can review.',
    '',
    'Detected:',
    ...facts.map(([k, v]) => `- ${k}: ${v}`),
  ];
  for (const f of files) {
    const text = f.text.length > MAX_FILE_CHARS ? `${f.text.slice(0, MAX_FILE_CHARS)}\n… (cut; read the file for the rest)\n` : f.text;
    const fence = fenceFor(text);
    lines.push('', `${f.path}:`, fence, text.replace(/\n$/, ''), fence);
  }
  return lines.join('\n');
}

/** "1 fix" / "3 fixes". */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Summary of a workspace fix: how many fixes in how many files, and what is left for a second run. */
export function fixSummary(fixes: number, files: number, skipped: number): string {
  if (fixes === 0) {
    return 'No safe fix to apply.';
  }
  const base = `${plural(fixes, 'fix', 'fixes')} in ${plural(files, 'file', 'files')}`;
  return skipped > 0 ? `${base}; ${plural(skipped, 'more overlaps', 'more overlap')} these: run the command again after applying` : base;
}

/** The message for pins that could not be resolved because aurora.yaml does not allow a host. */
export function deniedHostsMessage(hosts: readonly string[], configPath: string | undefined): string {
  const where = configPath ? `in ${configPath}` : 'in a new aurora.yaml at the folder root';
  return `Aurora: pinning needs network access to ${hosts.join(', ')}: add ${hosts.length === 1 ? 'it' : 'them'} to agents.devops.permissions.network ${where}.`;
}
