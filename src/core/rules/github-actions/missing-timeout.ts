import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { getPair, rangeOf } from '../../parsers/yaml';
import type { Fix } from '../../types';
import type { Job } from './workflow';
import { workflowsOf } from './workflow';

/** The message for a job without a timeout. */
export function message(job: string): string {
  return `Job '${job}' has no timeout-minutes, so a hung step holds a runner for 6 hours: set a timeout a bit above its usual duration`;
}

function insertFix(file: YamlFile, job: Job): Fix | undefined {
  const pair = getPair(job.node, 'runs-on');
  const anchor = pair?.value ?? pair?.key;
  const r = (anchor as { range?: [number, number, number] } | undefined)?.range;
  if (!pair || !r) {
    return undefined;
  }
  let end = r[1];
  while (end > 0 && /\s/.test(file.text[end - 1])) {
    end--;
  }
  const at = file.index.lineEndOffset(file.index.positionAt(end).line);
  const indent = rangeOf(file, pair.key).start.character;
  return { title: 'Add timeout-minutes: 30', safe: false, edits: [{ range: file.index.range(at, at), newText: `${file.index.eol}${' '.repeat(indent)}timeout-minutes: 30` }] };
}

/** Jobs should bound their run time. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/missing-timeout',
  meta: {
    title: 'Job has no timeout',
    description: 'The default job timeout is 360 minutes. A deadlocked test or a prompt waiting for input then burns runner minutes and blocks the concurrency group for hours.',
    severity: 'info',
    kind: 'github-actions',
    fixable: true,
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      for (const job of wf.jobs) {
        // reusable-workflow calls cannot take timeout-minutes: the called jobs set their own
        if (job.uses !== undefined || getPair(job.node, 'timeout-minutes')) {
          continue;
        }
        ctx.report({ range: rangeOf(ctx.model, job.keyNode), message: message(job.id), fix: insertFix(ctx.model, job) });
      }
    }
  },
};
