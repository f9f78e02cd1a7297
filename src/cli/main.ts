import { configureNodeWasm } from '../node/wasm';
import type { CliOutput } from './io';
import { isUsageError, redirectOutput, warn, writeOut } from './io';
import { COMMANDS } from './registry';
import { VERSION } from './version';

function help(): string {
  const lines = [
    'aurora-devops — find and fix problems in Dockerfiles, Compose, Kubernetes, Terraform, GitHub Actions and GitLab CI',
    '',
    'Usage:',
    ...COMMANDS.map((c) => `  ${c.usage}`),
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(8)} ${c.summary}`),
    '',
    'Exit codes: 0 ok, 1 problems at or above --fail-on (check) or an agent error, 2 usage error or unreadable path, 3 policy denied.',
  ];
  return lines.join('\n') + '\n';
}

/**
 * Run the CLI with arguments (without `node` and the script). Resolves to the exit code. With
 * `output`, what it writes goes there instead of the process's stdout and stderr until it resolves
 * (the unit tests run the CLI in-process so: one run at a time, in the process's cwd and env).
 */
export async function main(argv: string[], output?: CliOutput): Promise<number> {
  if (output) {
    const restore = redirectOutput(output);
    try {
      return await main(argv);
    } finally {
      restore();
    }
  }
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    await writeOut(help());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    await writeOut(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    warn(`unknown command '${name}' (commands: ${COMMANDS.map((c) => c.name).join(', ')}; see --help)`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    await writeOut(`${command.usage}\n  ${command.summary}\n`);
    return 0;
  }
  try {
    // grammars are compiled when a file needs them (check, fix) or by the tool commands
    configureNodeWasm();
    return await command.run(rest);
  } catch (e) {
    if (isUsageError(e)) {
      warn(e.message);
      return 2;
    }
    const code = (e as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      warn(`${(e as Error).message.split('\n')[0]} (see 'aurora-devops ${command.name} --help')`);
      return 2;
    }
    warn(`internal error: ${(e as Error).message ?? String(e)}`);
    return 1;
  }
}
