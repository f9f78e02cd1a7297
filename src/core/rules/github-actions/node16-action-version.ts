import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf } from '../../parsers/yaml';
import { majorVersion } from './events';
import { actionName, workflowsOf } from './workflow';

/** The message for an action major that runs on a Node version the runners dropped. */
export function message(uses: string, current: number): string {
  return `'${uses}' runs on Node 16 or older, which the runners no longer ship: GitHub forces it onto a newer Node and warns on every run, and its fixes stopped. Move to @v${current}`;
}

/** Well-known actions and the first major on Node 20. */
const NODE20: ReadonlyMap<string, number> = new Map([
  ['actions/checkout', 4],
  ['actions/setup-node', 4],
  ['actions/setup-python', 5],
  ['actions/setup-java', 4],
  ['actions/setup-go', 5],
  ['actions/setup-dotnet', 4],
  ['actions/github-script', 7],
  ['actions/labeler', 5],
  ['docker/login-action', 3],
  ['docker/setup-buildx-action', 3],
  ['docker/setup-qemu-action', 3],
  ['docker/build-push-action', 5],
  ['docker/metadata-action', 5],
  ['aws-actions/configure-aws-credentials', 4],
  ['azure/login', 2],
  ['google-github-actions/auth', 2],
]);

/** Majors of common actions built for retired Node versions. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/node16-action-version',
  meta: {
    title: 'Action version built for a retired Node runtime',
    description: 'Older majors of common actions (actions/checkout@v3, setup-node@v3, docker/build-push-action@v4…) were built for Node 12 or 16. The runners run them on a newer Node with a warning, and those majors get no fixes.',
    severity: 'info',
    kind: 'github-actions',
    fixable: false,
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      for (const job of wf.jobs) {
        for (const step of job.steps) {
          const current = step.uses ? NODE20.get(actionName(step.uses)) : undefined;
          const major = step.uses ? majorVersion(step.uses) : undefined;
          if (step.uses && current !== undefined && major !== undefined && major < current) {
            ctx.report({ range: rangeOf(ctx.model, step.usesNode), message: message(step.uses, current) });
          }
        }
      }
    }
  },
};
