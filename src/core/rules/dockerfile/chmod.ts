/**
 * chmod modes as data (not a rule): which clauses of a numeric or symbolic mode grant what, for
 * the chmod rules.
 */
import type { ShellWord } from '../../parsers/shell';
import { positionals } from './common';
import type { Cmd } from './common';

/** What a chmod mode grants. */
export interface ModeGrant {
  /** Others (world) get write permission. */
  worldWritable: boolean;
  /** The sticky bit is set too (a shared /tmp-like folder). */
  sticky: boolean;
  /** The setuid bit is set. */
  setuid: boolean;
}

/** The mode word of a chmod command (its first operand) and what it grants, when it is literal. */
export function chmodMode(cmd: Cmd): { word: ShellWord; grant: ModeGrant; targets: ShellWord[] } | undefined {
  if (cmd.name !== 'chmod') {
    return undefined;
  }
  // --reference=f takes its mode from a file; options such as -R, -v, -c, -f take no value
  if (cmd.args.some((a) => a.value.startsWith('--reference'))) {
    return undefined;
  }
  // a symbolic mode may start with '-' (chmod -w f): take the operands, then look at the words
  const ops = positionals(cmd.args, []);
  const modeWord = cmd.args.find((a) => !a.dynamic && /^([0-7]{3,4}|[ugoa]*[-+=][rwxXst]*([,][ugoa]*[-+=][rwxXst]*)*)$/.test(a.value) && !/^-[Rvcf]+$/.test(a.value));
  if (!modeWord) {
    return undefined;
  }
  const grant = modeGrant(modeWord.value);
  return grant ? { word: modeWord, grant, targets: ops.map((p) => p.word).filter((w) => w !== modeWord) } : undefined;
}

/** What a numeric (`0777`, `4755`) or symbolic (`o+w`, `a=rwx,u+s`) mode grants. */
export function modeGrant(mode: string): ModeGrant | undefined {
  if (/^[0-7]{3,4}$/.test(mode)) {
    const digits = mode.padStart(4, '0');
    const special = Number(digits[0]);
    const others = Number(digits[3]);
    return { worldWritable: (others & 2) !== 0, sticky: (special & 1) !== 0, setuid: (special & 4) !== 0 };
  }
  const grant: ModeGrant = { worldWritable: false, sticky: false, setuid: false };
  for (const clause of mode.split(',')) {
    const m = /^([ugoa]*)([-+=])([rwxXst]*)$/.exec(clause);
    if (!m) {
      return undefined;
    }
    const [, who, op, perms] = m;
    if (op === '-') {
      continue;
    }
    // no `who`: the umask limits what others get (chmod +w gives others nothing under 022)
    const others = who.includes('o') || who.includes('a');
    grant.worldWritable ||= others && perms.includes('w');
    grant.sticky ||= perms.includes('t');
    grant.setuid ||= (who === '' || who.includes('u') || who.includes('a')) && perms.includes('s');
  }
  return grant;
}
