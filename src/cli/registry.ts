import type { Command } from './io';
import { checkCommand } from './commands/check';
import { fixCommand } from './commands/fix';
import { rulesCommand } from './commands/rules';

/**
 * A sub-command whose code (agent, model client, policy, generators) loads only when it runs:
 * from dist/cli-tools.js in the built CLI (scripts/build.mjs), so `check` never compiles it.
 * Name, summary and usage are repeated here for --help; a unit test keeps them equal to the
 * commands' own.
 */
function tool(name: string, summary: string, usage: string): Command {
  return {
    name,
    summary,
    usage,
    run: async (argv) => (await import('./tools')).runTool(name, argv),
  };
}

/** Descriptors of the tool commands (see tools.ts). */
export const TOOL_DESCRIPTORS: readonly Command[] = [
  tool(
    'generate',
    'Generate a Dockerfile, compose.yaml, CI pipeline, Kubernetes manifests or Terraform for a project',
    'aurora-devops generate dockerfile|compose|pipeline|k8s|terraform [--dir D] [--provider github|gitlab|aws|gcp] [--name NAME] [--image IMAGE] [--port N] [--hpa] [--pdb] [--write] [--force]',
  ),
  tool('pin', 'Pin image tags to digests or GitHub Actions to commit SHAs (hosts allowed by aurora.yaml permissions.network)', 'aurora-devops pin images|actions [paths...] [--config FILE] [--write] [--format text|json]'),
  tool(
    'policy',
    'Show what the agent policy (aurora.yaml permissions) decides for a command, a write or a read',
    'aurora-devops policy (--command CMD | --write PATH | --read PATH | --sandbox) [--config FILE] [--cwd DIR] [--format text|json]',
  ),
  tool(
    'agent',
    'Run the DevOps agent on one prompt (aurora.yaml permissions apply; needs ANTHROPIC_API_KEY)',
    'aurora-devops agent --prompt TEXT [--config FILE] [--cwd DIR] [--approve never|permitted] [--max-turns N] [--max-tokens N] [--model ID] [--format text|json] [--no-redact] [--unsandboxed]',
  ),
];

/** Every sub-command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [checkCommand, fixCommand, rulesCommand, ...TOOL_DESCRIPTORS];
