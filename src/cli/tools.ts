import type { Command } from './io';
import { generateCommand } from './commands/generate';
import { pinCommand } from './commands/pin';
import { policyCommand } from './commands/policy';
import { agentCommand } from './commands/agent';
import { prepareNode } from '../node/wasm';

/*
 * The sub-commands that bring the agent, the model client, the policy engine and the generators
 * with them. The built CLI keeps them in a bundle of their own (dist/cli-tools.js, see
 * scripts/build.mjs) that main.ts loads only when one of them runs, so `check`, `fix` and `rules`
 * neither read nor compile that code.
 */

/** The tool commands, in the order `--help` lists them (main.ts holds a descriptor of each). */
export const TOOL_COMMANDS: readonly Command[] = [generateCommand, pinCommand, policyCommand, agentCommand];

/** Run a tool command by name (its grammars loaded first, as the agent lints what it writes). */
export async function runTool(name: string, argv: string[]): Promise<number> {
  const command = TOOL_COMMANDS.find((c) => c.name === name);
  if (!command) {
    throw new Error(`no tool command '${name}'`);
  }
  await prepareNode();
  return command.run(argv);
}
