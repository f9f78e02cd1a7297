import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { get, mapEntries, rangeOf, str } from '../../parsers/yaml';
import { isScalar } from 'yaml';
import { mutableTagProblem } from '../shared/image';
import { workflowsOf } from './workflow';

/** The message for a job container or service image that is untagged or latest. */
export function message(where: string, image: string, problem: 'untagged' | 'latest'): string {
  return `${where} image '${image}' ${problem === 'untagged' ? 'has no tag' : "uses 'latest'"}, so the job runs in whatever was pushed last: pin a version tag or digest`;
}

/** Job containers and service containers must use pinned images. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/container-image-unpinned',
  meta: {
    title: 'Job or service container image is untagged or latest',
    description: 'A `container:` or `services:` image without a tag or with `latest` changes between runs, so the same commit can pass today and fail tomorrow.',
    severity: 'warning',
    kind: 'github-actions',
    fixable: false,
    equivalents: [{ tool: 'zizmor', id: 'unpinned-images' }],
  },
  check(ctx) {
    const checkImage = (where: string, holder: unknown): void => {
      const node = isScalar(holder) ? holder : get(holder, 'image');
      const image = str(node);
      if (!image || /\$\{\{/.test(image)) {
        return;
      }
      const problem = mutableTagProblem(image);
      if (problem) {
        ctx.report({ range: rangeOf(ctx.model, node), message: message(where, image, problem) });
      }
    };
    for (const wf of workflowsOf(ctx.model)) {
      for (const job of wf.jobs) {
        checkImage(`Job '${job.id}' container`, get(job.node, 'container', wf.doc));
        for (const { key, value } of mapEntries(get(job.node, 'services', wf.doc), wf.doc)) {
          checkImage(`Service '${key}'`, value);
        }
      }
    }
  },
};
