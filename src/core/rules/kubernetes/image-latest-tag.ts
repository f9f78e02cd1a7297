import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf } from '../../parsers/yaml';
import { describeContainer, get } from '../../parsers/kubernetes';
import { mutableTagProblem } from '../shared/image';
import { eq, forEachContainer } from './util';
import { substitutedImages } from './substituted';

/** The message for a container image that is untagged or `latest`. */
export function message(container: string, image: string, problem: 'untagged' | 'latest'): string {
  return problem === 'untagged'
    ? `The ${container} image '${image}' has no tag, so it means 'latest' and changes under you: pin a version tag or digest`
    : `The ${container} image '${image}' uses 'latest', which changes under you: pin a version tag or digest`;
}

/** Container images must be pinned to a version or digest. */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/image-latest-tag',
  meta: {
    title: 'Container image is untagged or uses latest',
    description: 'An untagged or `latest` image makes every node pull whatever the tag points to at the time: replicas of one Deployment can run different code and a rollback does not restore the old version.',
    severity: 'warning',
    kind: 'kubernetes',
    fixable: false,
    equivalents: [eq('kube-linter', 'latest-tag'), eq('checkov', 'CKV_K8S_14'), eq('polaris', 'tagNotSpecified')],
  },
  check(ctx) {
    let substituted: Set<string> | undefined;
    forEachContainer(ctx.model, (r, _pod, c) => {
      if (!c.image) {
        return;
      }
      // an image that skaffold builds or a kustomization retags is replaced before it is applied
      substituted ??= substitutedImages(ctx.env);
      if (substituted.has(c.image)) {
        return;
      }
      const problem = mutableTagProblem(c.image);
      if (problem) {
        ctx.report({ range: rangeOf(ctx.model, get(c.node, 'image', r.doc)), message: message(describeContainer(c), c.image, problem) });
      }
    });
  },
};
