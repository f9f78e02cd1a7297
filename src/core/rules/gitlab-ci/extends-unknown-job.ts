import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf } from '../../parsers/yaml';
import { extendsNames, pipelines } from './model';
import { closest } from '../shared/suggest';

/** The message for an `extends:` naming no job of the file. */
export function message(job: string, target: string, suggestion?: string): string {
  return `Job '${job}' extends '${target}', which is not defined: GitLab rejects the pipeline${suggestion ? `; did you mean '${suggestion}'?` : ''}`;
}

/** `extends:` must name a job or template of the pipeline. */
export const rule: Rule<YamlFile> = {
  id: 'gitlab-ci/extends-unknown-job',
  meta: {
    title: 'extends names an unknown job',
    description: 'An `extends:` entry naming a job or hidden template that the configuration does not define is an error that stops the pipeline from being created.',
    severity: 'error',
    kind: 'gitlab-ci',
    fixable: false,
  },
  check(ctx) {
    for (const pipeline of pipelines(ctx.model, ctx.path)) {
      // templates usually come from included files
      if (pipeline.hasInclude || pipeline.fragment) {
        continue;
      }
      const names = pipeline.jobs.map((j) => j.name);
      for (const job of pipeline.jobs) {
        for (const ext of extendsNames(job, pipeline.doc)) {
          if (!names.includes(ext.name) && !ext.name.includes('$')) {
            ctx.report({ range: rangeOf(ctx.model, ext.node), message: message(job.name, ext.name, closest(ext.name, names)) });
          }
        }
      }
    }
  },
};
