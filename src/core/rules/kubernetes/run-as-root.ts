import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { num, rangeOf } from '../../parsers/yaml';
import { describeContainer, flag } from '../../parsers/kubernetes';
import { effectiveSecurity, eq, forEachContainer, hardeningReport, setIn } from './util';

/** The message for a container that may run as root. */
export function message(container: string, how: 'missing' | 'false' | 'uid0'): string {
  if (how === 'uid0') {
    return `The ${container} runs as UID 0 (root): a container escape then starts as root on the node. Use a non-zero runAsUser`;
  }
  if (how === 'false') {
    return `runAsNonRoot is false, so the ${container} may run as root: set it to true and run as a non-zero UID`;
  }
  return `The ${container} may run as root: set securityContext.runAsNonRoot: true (pod or container) or a non-zero runAsUser`;
}

/**
 * Containers must not run as root: `runAsUser: 0` or `runAsNonRoot: false` (container settings
 * override the pod's) are reported at the key, and a container with neither `runAsNonRoot: true`
 * nor a non-zero `runAsUser` anywhere at its header.
 */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/run-as-root',
  meta: {
    title: 'Container may run as root',
    description: 'A process running as root inside the container is root on the node after a container escape, and can write anywhere in its own filesystem.',
    severity: 'warning',
    kind: 'kubernetes',
    fixable: true,
    equivalents: [eq('kube-linter', 'run-as-non-root'), eq('checkov', 'CKV_K8S_23'), eq('polaris', 'runAsRootAllowed')],
  },
  check(ctx) {
    const report = hardeningReport(ctx);
    const reported = new Set<unknown>();
    forEachContainer(ctx.model, (r, pod, c) => {
      if (c.group === 'ephemeralContainers' || pod.windows) {
        return;
      }
      const user = effectiveSecurity(r, pod, c, 'runAsUser');
      const nonRoot = effectiveSecurity(r, pod, c, 'runAsNonRoot');
      const uid = user ? num(user.node) : undefined;
      if (uid === 0) {
        if (!reported.has(user?.node)) {
          reported.add(user?.node);
          report(r, { range: rangeOf(ctx.model, user?.node), message: message(describeContainer(c), 'uid0') });
        }
        return;
      }
      const nonRootValue = nonRoot ? flag(nonRoot.node) : undefined;
      if (nonRootValue === true || (uid !== undefined && uid > 0)) {
        return;
      }
      if (nonRootValue === false) {
        if (!reported.has(nonRoot?.node)) {
          reported.add(nonRoot?.node);
          const edits = setIn(ctx.model, nonRoot?.owner, ['runAsNonRoot'], 'true', r.doc);
          report(r, {
            range: rangeOf(ctx.model, nonRoot?.node),
            message: message(describeContainer(c), 'false'),
            fix: edits ? { title: 'Set runAsNonRoot: true', safe: false, edits } : undefined,
          });
        }
        return;
      }
      if (c.image === undefined) {
        // a patch fragment: the rest of the container is defined elsewhere
        return;
      }
      const edits = setIn(ctx.model, c.node, ['securityContext', 'runAsNonRoot'], 'true', r.doc);
      report(r, {
        range: c.header,
        message: message(describeContainer(c), 'missing'),
        fix: edits ? { title: 'Set runAsNonRoot: true (the image must run as a non-root user)', safe: false, edits } : undefined,
      });
    });
  },
};
