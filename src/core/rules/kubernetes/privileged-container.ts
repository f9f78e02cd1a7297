import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf } from '../../parsers/yaml';
import { describeContainer, flag } from '../../parsers/kubernetes';
import { containerSecurity, eq, forEachContainer } from './util';

/** The message for a privileged container. */
export function message(container: string): string {
  return `The ${container} is privileged: it has every capability and all host devices, which is root on the node. Grant only the capabilities it needs`;
}

/** `privileged: true` on any container. */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/privileged-container',
  meta: {
    title: 'Container runs privileged',
    description: 'A privileged container shares the host kernel without restrictions: every capability, every device, no seccomp or AppArmor confinement. Escaping it is trivial.',
    severity: 'error',
    kind: 'kubernetes',
    fixable: false,
    equivalents: [eq('kube-linter', 'privileged-container'), eq('checkov', 'CKV_K8S_16'), eq('polaris', 'runAsPrivileged')],
  },
  check(ctx) {
    forEachContainer(ctx.model, (r, _pod, c) => {
      const setting = containerSecurity(r, c, 'privileged');
      if (setting && flag(setting.node) === true) {
        ctx.report({ range: rangeOf(ctx.model, setting.node), message: message(describeContainer(c)) });
      }
    });
  },
};
