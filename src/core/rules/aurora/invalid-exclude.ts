import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf, seqItems, str } from '../../parsers/yaml';
import { excludeGlobProblem } from '../../exclude';
import { auroraDocs } from './config';

/** The message for an `exclude:` entry that cannot be used. */
export function message(glob: string, problem: string): string {
  return `exclude '${glob}' is ignored: ${problem}`;
}

/** `exclude:` entries must be usable globs. */
export const rule: Rule<YamlFile> = {
  id: 'aurora/invalid-exclude',
  meta: {
    title: 'Unusable exclude pattern',
    description:
      '`exclude:` lists globs relative to the folder of aurora.yaml (`test/fixtures`, `**/testdata/**`, `*.generated.yaml`). An entry that cannot match (empty, a backslash, a `..` or machine path, a `!` negation, unbalanced brackets) is ignored, so the files it was meant to leave out are still checked.',
    severity: 'warning',
    kind: 'aurora',
    fixable: true,
  },
  check(ctx) {
    for (const a of auroraDocs(ctx.model)) {
      for (const item of seqItems(a.exclude, a.doc)) {
        const glob = str(item);
        const problem = glob === undefined ? undefined : excludeGlobProblem(glob);
        if (glob === undefined || !problem) {
          continue;
        }
        const range = rangeOf(ctx.model, item);
        // a Windows-style path has one obvious meaning
        const slashed = glob.replace(/\\/g, '/');
        const fix = glob.includes('\\') && !excludeGlobProblem(slashed) ? { title: `Replace with '${slashed}'`, safe: false, edits: [{ range, newText: JSON.stringify(slashed) }] } : undefined;
        ctx.report({ range, message: message(glob, problem), fix });
      }
    }
  },
};
