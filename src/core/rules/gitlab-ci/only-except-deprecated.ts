import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf } from '../../parsers/yaml';
import { mergedEntry } from '../shared/yamlMerge';
import { pipelines, reportOnce } from './model';

/** The message for `only:`/`except:`. */
export function message(owner: string, key: string): string {
  return `${owner} uses '${key}:', which GitLab no longer develops and which cannot be combined with rules:; write the condition as rules: (e.g. - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH)`;
}

/** `rules:` replaces `only:` and `except:`. */
export const rule: Rule<YamlFile> = {
  id: 'gitlab-ci/only-except-deprecated',
  meta: {
    title: 'only/except instead of rules',
    description: '`only:` and `except:` are not developed any more: they cannot express merge request pipelines without duplicates, variables and changes together as `rules:` can, and a job cannot mix them with `rules:`.',
    severity: 'info',
    kind: 'gitlab-ci',
    fixable: false,
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const pipeline of pipelines(ctx.model, ctx.path)) {
      for (const job of pipeline.jobs) {
        for (const key of ['only', 'except']) {
          const entry = mergedEntry(job.node, key, pipeline.doc);
          if (entry) {
            report({ range: rangeOf(ctx.model, entry.pair.key), message: message(`Job '${job.name}'`, key) });
          }
        }
      }
    }
  },
};
