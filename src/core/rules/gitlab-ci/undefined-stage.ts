import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf, str } from '../../parsers/yaml';
import { jobAttr, jobKeyRange, pipelines, reportOnce, stageOrder } from './model';
import { closest } from '../shared/suggest';

/** The message for a job whose stage is not declared. */
export function message(job: string, stage: string, implicit: boolean, suggestion?: string): string {
  const what = implicit ? `has no stage, so it runs in the default 'test' stage, which` : `uses stage '${stage}', which`;
  return `Job '${job}' ${what} is not in 'stages:': GitLab rejects the pipeline${suggestion ? `; did you mean '${suggestion}'?` : '; add it to stages:'}`;
}

/** A job's stage must be one of the declared (or default) stages. */
export const rule: Rule<YamlFile> = {
  id: 'gitlab-ci/undefined-stage',
  meta: {
    title: 'Job in an undefined stage',
    description: 'A job whose `stage` is not listed in `stages:` (or in the defaults build, test, deploy, plus .pre and .post) makes GitLab reject the whole pipeline.',
    severity: 'error',
    kind: 'gitlab-ci',
    fixable: false,
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const pipeline of pipelines(ctx.model, ctx.path)) {
      // without a stages: list of its own, an included file or a file with includes takes stages from elsewhere
      if (!pipeline.stages && (pipeline.hasInclude || pipeline.fragment)) {
        continue;
      }
      const known = stageOrder(pipeline);
      for (const job of pipeline.jobs) {
        if (job.hidden) {
          continue;
        }
        const attr = jobAttr(pipeline, job, 'stage');
        if (attr === 'unknown') {
          continue;
        }
        const stage = attr === undefined ? 'test' : str(attr.entry.value);
        if (stage === undefined || stage.includes('$') || known.includes(stage)) {
          continue;
        }
        report({
          range: attr === undefined ? jobKeyRange(ctx.model, job) : rangeOf(ctx.model, attr.entry.value),
          message: message(job.name, stage, attr === undefined, attr === undefined ? undefined : closest(stage, known)),
        });
      }
    }
  },
};
