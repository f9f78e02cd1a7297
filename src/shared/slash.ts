/**
 * Which messages are the chat's offline slash commands. Only a known command word, alone or
 * followed by a space, counts; a message starting with a path (`/k8s/app.yaml fails`,
 * `/etc/hosts is wrong`) or with an unknown word followed by more text goes to the agent. An
 * unknown word alone (`/sacn`) is a slash command the extension answers with the list.
 */

/** The offline commands. */
export const SLASH_COMMANDS = ['scan', 'fix', 'explain'] as const;

/** A slash command and its argument (trimmed). */
export interface SlashCommand {
  command: string;
  arg: string;
  /** Not one of SLASH_COMMANDS (the extension says so). */
  unknown: boolean;
}

/** The slash command the text is, or undefined when it is a message for the agent. */
export function parseSlash(text: string): SlashCommand | undefined {
  const m = /^\/([A-Za-z][\w-]*)(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!m) {
    return undefined;
  }
  const command = m[1];
  const arg = (m[2] ?? '').trim();
  const known = (SLASH_COMMANDS as readonly string[]).includes(command);
  if (!known && arg !== '') {
    return undefined;
  }
  return { command, arg, unknown: !known };
}
