import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { optionValue } from '../../shell';
import { findFlag, runCommands, wordRange } from './common';

/** UIDs from which the lastlog and faillog entries useradd writes cost megabytes in a layer (292 bytes per UID below). */
const LARGE_UID = 65536;

/** The message for useradd with a large UID and without --no-log-init. */
export function message(uid: number): string {
  const mb = Math.round((uid * 292) / 1e6);
  return `useradd -u ${uid} without -l (--no-log-init) writes /var/log/lastlog at offset UID × 292: a sparse file that the image layer stores in full (about ${mb} MB). Add -l`;
}

/** useradd with a large UID needs -l, or the layer holds a huge lastlog. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/useradd-without-no-log-init',
  meta: {
    title: 'useradd with a large UID without -l',
    description: 'useradd records the new user in /var/log/lastlog and faillog at an offset proportional to the UID. On disk the file is sparse; in an image layer (a tar archive) it is stored in full, tens or hundreds of megabytes for UIDs above 65535.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: true,
    equivalents: [{ tool: 'hadolint', id: 'DL3046' }],
  },
  check(ctx) {
    for (const { shell, cmd } of runCommands(ctx.model)) {
      if (cmd.name !== 'useradd' || findFlag(cmd.args, '-l', '--no-log-init')) {
        continue;
      }
      const value = optionValue(cmd.args, '-u', '--uid');
      const uid = value && /^[0-9]+$/.test(value.value) ? Number(value.value) : undefined;
      if (uid === undefined || uid < LARGE_UID) {
        continue;
      }
      ctx.report({
        range: wordRange(ctx.model, shell, { start: cmd.nameWord.start, end: cmd.nameWord.end }),
        message: message(uid),
        fix: { title: 'Add -l (--no-log-init)', safe: true, edits: [{ range: ctx.model.shellRange(shell, cmd.nameWord.end, cmd.nameWord.end), newText: ' -l' }] },
      });
    }
  },
};
