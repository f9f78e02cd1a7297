import type { Word } from '../words';

/**
 * What a program does beyond the files and hosts its handler records, per family of the handler
 * table: whether it reaches the network (a cluster, a registry, a cloud API, a remote repository)
 * and whether it runs the repository's code (a Makefile's recipes, package.json scripts, a script
 * of the workspace, Terraform's providers and external data sources, tests). The policy reports
 * both per command (CommandFacts.networked / runsRepositoryCode); the chat's session allow-list
 * and the approval card ask the policy instead of keeping program lists of their own.
 */
export interface Traits {
  /** Why the command reaches the network, or undefined. */
  networked?: (tool: string, args: readonly Word[]) => string | undefined;
  /** Why the command runs the repository's code, or undefined. */
  repositoryCode?: (tool: string, args: readonly Word[]) => string | undefined;
}

/** The first word that is not an option (a subcommand), skipping the values of `valued` options. */
export function subcommand(args: readonly Word[], valued: readonly string[] = []): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v.startsWith('-')) {
      if (valued.includes(v)) {
        i++;
      }
      continue;
    }
    return v;
  }
  return undefined;
}

/** A trait that always holds for the programs of a family. */
export const always =
  (why: string) =>
  (tool: string): string =>
    `${tool} ${why}`;

/** A trait that holds for some subcommands. */
export function forSubcommands(subs: readonly string[], why: string, valued: readonly string[] = []): (tool: string, args: readonly Word[]) => string | undefined {
  return (tool, args) => {
    const sub = subcommand(args, valued);
    return sub !== undefined && subs.includes(sub) ? `${tool} ${sub} ${why}` : undefined;
  };
}
