import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf, str } from '../../parsers/yaml';
import { describeContainer, get } from '../../parsers/kubernetes';
import { mutableTagProblem } from '../shared/image';
import { eq, forEachContainer, replaceNode } from './util';

/** The message for a mutable image that nodes will not re-pull. */
export function message(container: string, image: string, policy: string): string {
  return `The ${container} image '${image}' is mutable but imagePullPolicy is ${policy}: nodes keep whatever they cached first, so pods run different code. Pin the image, or use Always`;
}

/**
 * A mutable tag (none or `latest`) with `IfNotPresent` or `Never`. When the policy is unset the
 * kubelet already defaults to Always for such images, and pinned tags are fine with any policy,
 * so only this combination is reported.
 */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/image-pull-policy',
  meta: {
    title: 'Mutable image is not pulled again',
    description: 'With an untagged or `latest` image, `imagePullPolicy: IfNotPresent` (or `Never`) makes each node run the copy it cached first, so replicas silently run different versions.',
    severity: 'warning',
    kind: 'kubernetes',
    fixable: true,
    equivalents: [eq('checkov', 'CKV_K8S_15'), eq('polaris', 'pullPolicyNotAlways')],
  },
  check(ctx) {
    forEachContainer(ctx.model, (r, _pod, c) => {
      const policyNode = get(c.node, 'imagePullPolicy', r.doc);
      const policy = str(policyNode);
      if (!c.image || (policy !== 'IfNotPresent' && policy !== 'Never') || !mutableTagProblem(c.image)) {
        return;
      }
      const edit = replaceNode(ctx.model, policyNode, 'Always');
      ctx.report({
        range: rangeOf(ctx.model, policyNode),
        message: message(describeContainer(c), c.image, policy),
        fix: edit ? { title: 'Set imagePullPolicy to Always', safe: false, edits: [edit] } : undefined,
      });
    });
  },
};
