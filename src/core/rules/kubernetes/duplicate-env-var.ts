import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf, seqItems, str } from '../../parsers/yaml';
import { describeContainer, get } from '../../parsers/kubernetes';
import { eq, forEachContainer } from './util';

/** The message for an env var defined twice. */
export function message(container: string, name: string): string {
  return `Env var ${name} is defined twice in the ${container}: the last one silently wins. Remove one`;
}

/** The same env var name twice in one container. */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/duplicate-env-var',
  meta: {
    title: 'Env var defined twice',
    description: 'When a container lists the same env var twice, the later entry wins without warning, so an edit to the first one has no effect.',
    severity: 'warning',
    kind: 'kubernetes',
    fixable: false,
    equivalents: [eq('kube-linter', 'duplicate-env-var')],
  },
  check(ctx) {
    forEachContainer(ctx.model, (r, _pod, c) => {
      const seen = new Set<string>();
      for (const item of seqItems(get(c.node, 'env', r.doc), r.doc)) {
        const nameNode = get(item, 'name', r.doc);
        const name = str(nameNode);
        if (!name) {
          continue;
        }
        if (seen.has(name)) {
          ctx.report({ range: rangeOf(ctx.model, nameNode), message: message(describeContainer(c), name) });
        }
        seen.add(name);
      }
    });
  },
};
