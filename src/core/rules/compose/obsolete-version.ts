import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { getPair, rangeOf, str } from '../../parsers/yaml';

/** The message for the obsolete top-level `version:`. */
export function message(version: string | undefined): string {
  return `The top-level 'version${version ? `: ${version}` : ''}' is obsolete: Compose ignores it and warns on every run; remove it`;
}

/** The top-level `version` key has no effect since the Compose Specification. */
export const rule: Rule<YamlFile> = {
  id: 'compose/obsolete-version',
  meta: {
    title: 'Obsolete top-level version',
    description: 'Compose v2 follows the Compose Specification, which ignores `version:` and prints a warning about it; the key only misleads readers about which features apply.',
    severity: 'info',
    kind: 'compose',
    fixable: true,
  },
  check(ctx) {
    for (const doc of ctx.model.documents) {
      const pair = getPair(doc.contents, 'version');
      if (!pair || !pair.key) {
        continue;
      }
      const keyRange = rangeOf(ctx.model, pair.key);
      const valueRange = pair.value ? rangeOf(ctx.model, pair.value) : keyRange;
      const line = keyRange.start.line;
      const lineText = ctx.index.lineText(line);
      // remove the whole line only when the pair is alone on it (block style at column 0)
      const fixable = keyRange.start.character === 0 && valueRange.end.line === line && !lineText.trimEnd().endsWith('{');
      const start = ctx.index.lineStartOffset(line);
      let end = line + 1 < ctx.index.lineCount ? ctx.index.lineStartOffset(line + 1) : ctx.index.text.length;
      // at the top of the file, take the blank line that separated it from the rest too
      if (line === 0 && line + 2 < ctx.index.lineCount && ctx.index.lineText(line + 1).trim() === '') {
        end = ctx.index.lineStartOffset(line + 2);
      }
      ctx.report({
        range: keyRange,
        message: message(str(pair.value)),
        fix: fixable ? { title: "Remove 'version'", safe: true, edits: [{ range: ctx.index.range(start, end), newText: '' }] } : undefined,
      });
    }
  },
};
