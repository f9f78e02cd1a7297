import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { bool, isMap, isScalar, rangeOf, str } from '../../parsers/yaml';
import { mergedEntry } from '../shared/yamlMerge';
import { flatSeq, pipelines, reportOnce } from './model';
import { closest } from '../shared/suggest';

/** The message for a `needs`/`dependencies` entry naming no job. */
export function message(job: string, key: 'needs' | 'dependencies', target: string, hidden: boolean, suggestion?: string): string {
  const why = hidden ? `'${target}' is a hidden template job, which never runs` : `no job '${target}' is defined`;
  return `Job '${job}' ${key} '${target}', but ${why}: GitLab rejects the pipeline${suggestion ? `; did you mean '${suggestion}'?` : ''}`;
}

/**
 * `needs:` and `dependencies:` must name jobs of the pipeline. Entries marked `optional: true`
 * and needs on other projects or pipelines are not checked; nor are files with `include:` or
 * included fragments, whose jobs may be defined elsewhere.
 */
export const rule: Rule<YamlFile> = {
  id: 'gitlab-ci/needs-unknown-job',
  meta: {
    title: 'needs names an unknown job',
    description: 'A `needs` (or `dependencies`) entry that names no job of the pipeline is a configuration error: GitLab refuses to create the pipeline.',
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
      const visible = pipeline.jobs.filter((j) => !j.hidden).map((j) => j.name);
      for (const job of pipeline.jobs) {
        for (const key of ['needs', 'dependencies'] as const) {
          for (const item of flatSeq(mergedEntry(job.node, key, pipeline.doc)?.value, pipeline.doc)) {
            let nameNode: unknown = item;
            if (isMap(item)) {
              if (mergedEntry(item, 'project', pipeline.doc) || mergedEntry(item, 'pipeline', pipeline.doc) || bool(mergedEntry(item, 'optional', pipeline.doc)?.value) === true) {
                continue;
              }
              nameNode = mergedEntry(item, 'job', pipeline.doc)?.value;
            }
            const name = isScalar(nameNode) ? str(nameNode) : undefined;
            // parallel:matrix jobs are named "job: [a, b]"; variables are resolved at run time
            if (!name || visible.includes(name) || name.includes('[') || name.includes('$')) {
              continue;
            }
            const hidden = pipeline.jobs.some((j) => j.hidden && j.name === name);
            report({ range: rangeOf(ctx.model, nameNode), message: message(job.name, key, name, hidden, hidden ? undefined : closest(name, visible)) });
          }
        }
      }
    }
  },
};
