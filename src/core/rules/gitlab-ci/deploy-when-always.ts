import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { isMap, rangeOf, str } from '../../parsers/yaml';
import { mergedEntry } from '../shared/yamlMerge';
import { deployReason, isPagesJob } from './classify';
import { attrValue, flatSeq, jobAttr, pipelines, reportOnce } from './model';

/** The message for a deploy that runs whatever happened before it. */
export function message(job: string, reason: string): string {
  return `Job '${job}' ${reason} with when: always: it runs even when the build or the tests before it failed, and deploys what they rejected. Use when: on_success (the default), or when: manual for a deliberate override`;
}

/** Deploy jobs must not run after failures. */
export const rule: Rule<YamlFile> = {
  id: 'gitlab-ci/deploy-when-always',
  meta: {
    title: 'Deploy runs even when earlier jobs failed',
    description: '`when: always` on a deploy job (directly or in one of its `rules:`) runs it whatever the state of the earlier stages, so a failed build or test no longer stops the deploy.',
    severity: 'warning',
    kind: 'gitlab-ci',
    fixable: true,
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const pipeline of pipelines(ctx.model, ctx.path)) {
      for (const job of pipeline.jobs) {
        if (job.hidden) {
          continue;
        }
        const reason = deployReason(pipeline, job);
        if (!reason) {
          continue;
        }
        const whens: unknown[] = [attrValue(jobAttr(pipeline, job, 'when'))];
        for (const r of flatSeq(attrValue(jobAttr(pipeline, job, 'rules')), pipeline.doc)) {
          if (isMap(r)) {
            whens.push(mergedEntry(r, 'when', pipeline.doc)?.value);
          }
        }
        for (const when of whens) {
          if (str(when) === 'always') {
            const range = rangeOf(ctx.model, when);
            // GitLab Pages (the reserved job name `pages`, or `pages:` set) publishes a static site
            // such as docs or a coverage report, often on purpose after a failure: said at info
            const pages = isPagesJob(pipeline, job);
            report({ range, message: message(job.name, reason), fix: { title: 'Use when: on_success', safe: false, edits: [{ range, newText: 'on_success' }] }, ...(pages ? { severity: 'info' as const } : {}) });
          }
        }
      }
    }
  },
};
