import { BUILTINS } from './builtins';
import { CLOUD } from './cloud';
import { DOCKER } from './docker';
import { FILE_PATTERNS, FILES } from './files';
import { GIT } from './git';
import { HELM } from './helm';
import { embeddedCommand, INTERPRETER_PATTERNS, INTERPRETERS } from './interpreters';
import { KUBECTL } from './kubectl';
import { NETWORK, NETWORK_PATTERNS } from './network';
import { PACKAGES } from './packages';
import { TERRAFORM } from './terraform';
import type { Handler, HandlerTable, PatternHandler } from './types';
import { WRAPPER_HANDLERS, WRAPPER_PATTERNS } from './wrappers';

export type { Handler, HandlerTable, Invocation, PatternHandler } from './types';

/**
 * The policy's handler table: which module knows which program. A program is looked up by its
 * lower-case base name, then by the families' patterns in this order; a program no family knows
 * is searched for an embedded `sh -c …` / `python -c …` unless it only prints text.
 */
export interface Family {
  family: string;
  handlers: HandlerTable;
  patterns: readonly PatternHandler[];
}

export const FAMILIES: readonly Family[] = [
  { family: 'git', handlers: GIT, patterns: [] },
  { family: 'kubectl', handlers: KUBECTL, patterns: [] },
  { family: 'helm', handlers: HELM, patterns: [] },
  { family: 'terraform', handlers: TERRAFORM, patterns: [] },
  { family: 'docker', handlers: DOCKER, patterns: [] },
  { family: 'cloud', handlers: CLOUD, patterns: [] },
  { family: 'packages', handlers: PACKAGES, patterns: [] },
  { family: 'files', handlers: FILES, patterns: FILE_PATTERNS },
  { family: 'network', handlers: NETWORK, patterns: NETWORK_PATTERNS },
  { family: 'interpreters', handlers: INTERPRETERS, patterns: INTERPRETER_PATTERNS },
  { family: 'wrappers', handlers: WRAPPER_HANDLERS, patterns: WRAPPER_PATTERNS },
  { family: 'builtins', handlers: BUILTINS, patterns: [] },
];

/** Commands whose arguments are text, not a command to run (`echo sh -c x` prints). */
const TEXT_COMMANDS = new Set(['echo', 'printf', 'grep', 'egrep', 'fgrep', 'rg', 'ag', 'ack', 'logger', 'wall', 'notify-send', 'jq', 'yq', 'man', 'which', 'type', 'whatis', 'apropos', 'help']);

const BY_NAME = new Map<string, { family: string; handle: Handler }>();
for (const f of FAMILIES) {
  for (const [name, handle] of Object.entries(f.handlers)) {
    if (BY_NAME.has(name)) {
      throw new Error(`policy handler table: ${name} is claimed by ${BY_NAME.get(name)?.family} and ${f.family}`);
    }
    BY_NAME.set(name, { family: f.family, handle });
  }
}
const PATTERNS = FAMILIES.flatMap((f) => f.patterns.map((p) => ({ family: f.family, ...p })));

/** The handler for a program (lower-case base name), and the family it belongs to. */
export function handlerFor(tool: string): { family: string; handle: Handler } | undefined {
  const exact = BY_NAME.get(tool);
  if (exact) {
    return exact;
  }
  const pattern = PATTERNS.find((p) => p.test(tool));
  if (pattern) {
    return { family: pattern.family, handle: pattern.handle };
  }
  if (!TEXT_COMMANDS.has(tool)) {
    return { family: 'unknown', handle: embeddedCommand };
  }
  return undefined;
}
