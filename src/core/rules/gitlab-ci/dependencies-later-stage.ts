import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { isScalar, rangeOf, str } from '../../parsers/yaml';
import { mergedEntry } from '../shared/yamlMerge';
import { flatSeq, jobStage, pipelines, reportOnce, stageOrder } from './model';

/** The message for a dependency on a job of a later stage, which GitLab refuses. */
export function message(job: string, target: string, stage: string, targetStage: string): string {
  return `Job '${job}' (stage '${stage}') lists '${target}' (stage '${targetStage}') in dependencies, but dependencies must come from earlier stages: GitLab rejects the pipeline. Move '${target}' to an earlier stage, or use needs: to order them`;
}

/** The message for a dependency on a job of the same stage, which GitLab accepts and ignores. */
export function sameStageMessage(job: string, target: string, stage: string): string {
  return `Job '${job}' lists '${target}' in dependencies, but both run in stage '${stage}': without needs: the job does not wait for '${target}' and gets none of its artifacts (only earlier stages' are passed on). Move '${target}' to an earlier stage, or add it to needs:`;
}

/** `dependencies:` must name jobs of earlier stages. */
export const rule: Rule<YamlFile> = {
  id: 'gitlab-ci/dependencies-later-stage',
  meta: {
    title: 'dependencies names a job of the same or a later stage',
    description: 'A job can download the artifacts of jobs in earlier stages only. Without `needs:`, a `dependencies:` entry naming a job of a later stage makes GitLab refuse the configuration; one of the same stage is accepted but passes nothing (warning).',
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
          // GitLab's check is `dependency stage <= job stage`: the same stage is valid configuration,
          // but at run time only earlier stages' artifacts are handed over
          if (order.indexOf(targetStage) > index) {
            report({ range: rangeOf(ctx.model, item), message: message(job.name, name, stage, targetStage) });
          } else if (order.indexOf(targetStage) === index) {
            report({ range: rangeOf(ctx.model, item), message: sameStageMessage(job.name, name, stage), severity: 'warning' });
          }
        }
      }
    }
  },
};
