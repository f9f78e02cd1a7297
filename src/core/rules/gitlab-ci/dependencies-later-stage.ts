import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { isScalar, rangeOf, str } from '../../parsers/yaml';
import { mergedEntry } from '../shared/yamlMerge';
import { flatSeq, jobStage, pipelines, reportOnce, stageOrder } from './model';

/** The message for a dependency on a job that has not run yet. */
export function message(job: string, target: string, stage: string, targetStage: string): string {
  return `Job '${job}' (stage '${stage}') lists '${target}' (stage '${targetStage}') in dependencies, but dependencies cannot come from later stages: GitLab rejects the pipeline. Move '${target}' to an earlier stage, or use needs: to order them`;
}

/** `dependencies:` must name jobs of earlier stages. */
export const rule: Rule<YamlFile> = {
  id: 'gitlab-ci/dependencies-later-stage',
  meta: {
    title: 'dependencies names a job of a later stage',
    description: 'A job downloads the artifacts of jobs that ran before it. Without `needs:`, a `dependencies:` entry naming a job of a later stage makes GitLab refuse the configuration.',
    severity: 'error',
    kind: 'gitlab-ci',
    fixable: false,
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const pipeline of pipelines(ctx.model, ctx.path)) {
      if (pipeline.hasInclude || pipeline.fragment) {
        continue;
      }
      const order = stageOrder(pipeline);
      for (const job of pipeline.jobs) {
        // with needs:, the order comes from needs (and dependencies must be among them)
        if (job.hidden || mergedEntry(job.node, 'needs', pipeline.doc) !== undefined) {
          continue;
        }
        const stage = jobStage(pipeline, job);
        const index = stage === undefined ? -1 : order.indexOf(stage);
        if (stage === undefined || index < 0) {
          continue;
        }
        for (const item of flatSeq(mergedEntry(job.node, 'dependencies', pipeline.doc)?.value, pipeline.doc)) {
          const name = isScalar(item) ? str(item) : undefined;
          const target = pipeline.jobs.find((j) => !j.hidden && j.name === name);
          const targetStage = target ? jobStage(pipeline, target) : undefined;
          if (!name || !target || targetStage === undefined || order.indexOf(targetStage) < 0) {
            continue;
          }
          // a job of the same stage is accepted by GitLab (its validation refuses only jobs "not
          // defined in current or prior stages"; pipelines with such entries run on GitLab.com)
          if (order.indexOf(targetStage) > index) {
            report({ range: rangeOf(ctx.model, item), message: message(job.name, name, stage, targetStage) });
          }
        }
      }
    }
  },
};
