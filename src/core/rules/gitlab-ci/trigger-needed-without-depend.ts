import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { isMap, isScalar, rangeOf, str } from '../../parsers/yaml';
import { mergedEntry } from '../shared/yamlMerge';
import { flatSeq, pipelines } from './model';

/** The message for a downstream pipeline others wait for without waiting for it. */
export function message(job: string, dependents: string[]): string {
  return `Trigger job '${job}' has no strategy: depend, so it succeeds as soon as the downstream pipeline is created: ${dependents.map((d) => `'${d}'`).join(', ')} ${dependents.length === 1 ? 'needs' : 'need'} it but start${dependents.length === 1 ? 's' : ''} before that pipeline has built or tested anything, even when it fails. Add strategy: depend`;
}

/** A trigger job that other jobs need must wait for its downstream pipeline. */
export const rule: Rule<YamlFile> = {
  id: 'gitlab-ci/trigger-needed-without-depend',
  meta: {
    title: 'Needed trigger job does not wait for its pipeline',
    description: 'A `trigger:` job without `strategy: depend` (or `strategy: mirror`) passes once the downstream pipeline is created. Jobs that `needs:` it then run before, and regardless of, what that pipeline does.',
    severity: 'warning',
    kind: 'gitlab-ci',
    fixable: false,
  },
  check(ctx) {
    for (const pipeline of pipelines(ctx.model, ctx.path)) {
      for (const job of pipeline.jobs) {
        const trigger = mergedEntry(job.node, 'trigger', pipeline.doc);
        if (job.hidden || !trigger) {
          continue;
        }
        const strategy = isMap(trigger.value) ? str(mergedEntry(trigger.value, 'strategy', pipeline.doc)?.value) : undefined;
        if (strategy === 'depend' || strategy === 'mirror') {
          continue;
        }
        const dependents = pipeline.jobs
          .filter((other) => !other.hidden && other !== job)
          .filter((other) =>
            flatSeq(mergedEntry(other.node, 'needs', pipeline.doc)?.value, pipeline.doc).some((n) => {
              const name = isScalar(n) ? str(n) : str(mergedEntry(n, 'job', pipeline.doc)?.value);
              return name === job.name;
            }),
          )
          .map((other) => other.name);
        if (dependents.length > 0) {
          ctx.report({ range: rangeOf(ctx.model, trigger.pair.key), message: message(job.name, dependents) });
        }
      }
    }
  },
};
