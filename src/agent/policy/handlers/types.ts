import type { Session, Where } from '../session';
import type { Word } from '../words';

/** One command as a handler sees it: its name resolved, its arguments, and where it sits. */
export interface Invocation {
  /** The program's base name as written (`/usr/bin/Curl.exe` → `Curl`). */
  base: string;
  /** The base name in lower case: the key of the handler table. */
  tool: string;
  args: readonly Word[];
  /** How many `sh -c` levels deep the command is. */
  depth: number;
  where: Where;
}

/**
 * What the policy knows about one program (or family of programs): it records denials, hosts,
 * writes, destructive effects and notes in the session it is given, and walks any command the
 * program runs through `session.walk`.
 */
export type Handler = (inv: Invocation, s: Session) => void;

/** Handlers by program name (lower case). */
export type HandlerTable = Readonly<Record<string, Handler>>;

/** Handlers for programs known by a pattern (`mkfs.*`, `python3.12`, `ssh`-like clients…). */
export interface PatternHandler {
  /** What the pattern covers, for the docs and the table's own test. */
  what: string;
  test: (tool: string) => boolean;
  handle: Handler;
}
