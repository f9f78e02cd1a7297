import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { isScalar, str } from '../../parsers/yaml';
import { mergedEntry } from '../shared/yamlMerge';
import { deployReason, isProductionEnvironment } from './classify';
import { attrValue, jobAttr, jobKeyRange, pipelines } from './model';

/** The message for production deploys that may run side by side. */
export function message(job: string, environment: string): string {
  return `Job '${job}' deploys to '${environment}' without a resource_group: two pipelines (two merges in a row, a retry) can deploy at the same time and finish in either order. Add resource_group: ${environment}`;
}

/** Production deploys should be serialised. */
export const rule: Rule<YamlFile> = {
  id: 'gitlab-ci/deploy-without-resource-group',
  meta: {
    title: 'Production deploy without resource_group',
    description: 'Without `resource_group`, deploy jobs of different pipelines run concurrently: an older pipeline can finish last and roll production back to its version, or two rollouts interleave.',
    severity: 'info',
    kind: 'gitlab-ci',
    fixable: false,
  },
  check(ctx) {
    for (const pipeline of pipelines(ctx.model, ctx.path)) {
      for (const job of pipeline.jobs) {
        if (job.hidden || !deployReason(pipeline, job)) {
          continue;
        }
        const env = attrValue(jobAttr(pipeline, job, 'environment'));
        const name = isScalar(env) ? str(env) : str(mergedEntry(env, 'name', pipeline.doc)?.value);
        if (name === undefined || !isProductionEnvironment(name) || name.includes('$')) {
          continue;
        }
        if (jobAttr(pipeline, job, 'resource_group') === undefined) {
          ctx.report({ range: jobKeyRange(ctx.model, job), message: message(job.name, name) });
        }
      }
    }
  },
};
