import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { isScalar, rangeOf, str } from '../../parsers/yaml';
import { shellEffects } from '../../shell';
import type { Range } from '../../types';
import { mergedEntry } from '../shared/yamlMerge';
import { flatSeq, pipelines, reportOnce } from './model';

/** The message for a download executed by a shell. */
export function message(owner: string, downloader: string, shell: string): string {
  return `${owner} pipes '${downloader}' output into '${shell}': whatever the server (or anyone in between) returns runs in the job with its tokens; download to a file, verify its checksum or signature, then run it`;
}

/** The source range of the line of a script item holding an offset (literal blocks map line by line). */
function lineRange(file: YamlFile, item: unknown, text: string, offset: number): Range {
  const whole = rangeOf(file, item);
  if (!isScalar(item) || item.type !== 'BLOCK_LITERAL') {
    return whole.start.line === whole.end.line ? whole : { start: whole.start, end: { line: whole.start.line, character: file.index.lineText(whole.start.line).length } };
  }
  const lineInValue = text.slice(0, offset).split('\n').length - 1;
  const line = whole.start.line + 1 + lineInValue;
  const lineText = file.index.lineText(line);
  const indent = /^\s*/.exec(lineText)?.[0].length ?? 0;
  return { start: { line, character: indent }, end: { line, character: lineText.length } };
}

/** `curl | sh` in `script`, `before_script` and `after_script`. */
export const rule: Rule<YamlFile> = {
  id: 'gitlab-ci/curl-pipe-shell',
  meta: {
    title: 'Download piped into a shell',
    description: 'A script that pipes `curl`/`wget` output into `sh`/`bash` (or runs it via `bash <(curl …)`) executes unverified remote code inside the job, next to its CI tokens and secrets.',
    severity: 'warning',
    kind: 'gitlab-ci',
    fixable: false,
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const pipeline of pipelines(ctx.model, ctx.path)) {
      const holders: { owner: string; node: unknown }[] = [
        { owner: 'The pipeline', node: pipeline.root },
        { owner: 'default:', node: mergedEntry(pipeline.root, 'default', pipeline.doc)?.value },
        ...pipeline.jobs.map((j) => ({ owner: `Job '${j.name}'`, node: j.node })),
      ];
      for (const { owner, node } of holders) {
        for (const key of ['before_script', 'script', 'after_script']) {
          const value = mergedEntry(node, key, pipeline.doc)?.value;
          const items = isScalar(value) ? [value] : flatSeq(value, pipeline.doc);
          for (const item of items) {
            const text = str(item);
            if (!text) {
              continue;
            }
            for (const d of shellEffects(text).downloads) {
              if (d.form !== 'write-then-run') {
                report({ range: lineRange(ctx.model, item, text, d.downloader.start), message: message(owner, d.downloader.name, d.interpreter.name) });
              }
            }
          }
        }
      }
    }
  },
};
