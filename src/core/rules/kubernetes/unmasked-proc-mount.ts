import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { keyRange, str } from '../../parsers/yaml';
import { describeContainer } from '../../parsers/kubernetes';
import { containerSecurity, eq, forEachContainer } from './util';

/** The message for an unmasked /proc. */
export function message(container: string): string {
  return `The ${container} mounts /proc unmasked: kernel interfaces that the runtime normally hides become readable and writable. Remove procMount`;
}

/** `procMount: Unmasked`. */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/unmasked-proc-mount',
  meta: {
    title: 'Container mounts /proc unmasked',
    description: 'The runtime masks sensitive /proc paths (kcore, sysrq-trigger, timer lists). `procMount: Unmasked` removes that protection and is only meant for nested container runtimes.',
    severity: 'error',
    kind: 'kubernetes',
    fixable: false,
    equivalents: [eq('kube-linter', 'unsafe-proc-mount'), eq('polaris', 'procMountUnmasked')],
  },
  check(ctx) {
    forEachContainer(ctx.model, (r, _pod, c) => {
      const setting = containerSecurity(r, c, 'procMount');
      if (setting && str(setting.node) === 'Unmasked') {
        ctx.report({ range: keyRange(ctx.model, setting.owner, 'procMount', r.doc), message: message(describeContainer(c)) });
      }
    });
  },
};
