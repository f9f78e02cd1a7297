import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf } from '../../parsers/yaml';
import { pipelines } from './model';
import { isDeployName, isTestName } from './classify';

/** The message for a deploy stage ordered before the test stage. */
export function message(deploy: string, test: string): string {
  return `Stage '${deploy}' comes before stage '${test}': code is deployed before it is tested; move '${deploy}' after '${test}'`;
}

/**
 * `stages:` order decides what runs first. A deploy-like stage (deploy, release, production…)
 * before the first test-like stage (test, lint, verify…) ships untested code. Review-app
 * stages and post-deploy checks (smoke tests) are not counted.
 */
export const rule: Rule<YamlFile> = {
  id: 'gitlab-ci/deploy-before-test',
  meta: {
    title: 'Deploy stage ordered before test stage',
    description: 'When `stages:` lists a deploy stage before the test stage, jobs deploy code that has not been tested yet.',
    severity: 'warning',
    kind: 'gitlab-ci',
    fixable: false,
  },
  check(ctx) {
    for (const pipeline of pipelines(ctx.model, ctx.path)) {
      const stages = pipeline.stages ?? [];
      const firstTest = stages.findIndex((s) => isTestName(s.name) && !isDeployName(s.name));
      if (firstTest < 0) {
        continue;
      }
      for (const stage of stages.slice(0, firstTest)) {
        if (isDeployName(stage.name)) {
          ctx.report({ range: rangeOf(ctx.model, stage.node), message: message(stage.name, stages[firstTest].name) });
        }
      }
    }
  },
};
