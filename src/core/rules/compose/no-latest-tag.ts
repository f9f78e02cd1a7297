import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { get, mapEntries, str, rangeOf } from '../../parsers/yaml';
import { mutableTagProblem } from '../shared/image';

/** The message for a service image that is untagged or latest. */
export function message(service: string, image: string, problem: 'untagged' | 'latest'): string {
  return `Service '${service}' image '${image}' ${problem === 'untagged' ? 'has no tag' : "uses 'latest'"}: pin a version tag or digest`;
}

/** Compose service images must be pinned. */
export const rule: Rule<YamlFile> = {
  id: 'compose/no-latest-tag',
  meta: {
    title: 'Service image is untagged or uses latest',
    description: 'An untagged or `latest` image gives a different container on every pull, so environments drift apart.',
    severity: 'warning',
    kind: 'compose',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_DOCKER_7' }],
  },
  check(ctx) {
    for (const doc of ctx.model.documents) {
      for (const { key, value } of mapEntries(get(doc.contents, 'services', doc), doc)) {
        const imageNode = get(value, 'image', doc);
        const image = str(imageNode);
        if (!image) {
          continue;
        }
        const problem = mutableTagProblem(image);
        if (problem) {
          ctx.report({ range: rangeOf(ctx.model, imageNode), message: message(key, image, problem) });
        }
      }
    }
  },
};
