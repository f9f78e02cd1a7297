import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf } from '../../parsers/yaml';
import { mutableTagProblem } from '../shared/image';
import { workflowsOf } from './workflow';

/** The message for a docker:// step image that is untagged or latest. */
export function message(image: string, problem: 'untagged' | 'latest'): string {
  return `Step image 'docker://${image}' ${problem === 'untagged' ? 'has no tag' : "uses 'latest'"}: pin a version tag, or better a digest (@sha256:…)`;
}

/** `uses: docker://…` steps must name a pinned image. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/docker-action-unpinned',
  meta: {
    title: 'docker:// step image is untagged or latest',
    description: 'A step that runs `docker://image` without a tag or with `latest` executes whatever was pushed last under that name, inside a job that holds the workflow token.',
    severity: 'warning',
    kind: 'github-actions',
    fixable: false,
    equivalents: [{ tool: 'zizmor', id: 'unpinned-uses' }],
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      for (const job of wf.jobs) {
        for (const step of job.steps) {
          const uses = step.uses?.trim();
          if (!uses || !uses.startsWith('docker://')) {
            continue;
          }
          const image = uses.slice('docker://'.length);
          const problem = mutableTagProblem(image);
          if (problem) {
            ctx.report({ range: rangeOf(ctx.model, step.usesNode), message: message(image, problem) });
          }
        }
      }
    }
  },
};
