import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf } from '../../parsers/yaml';
import { describeContainer, flag } from '../../parsers/kubernetes';
import { containerSecurity, eq, forEachContainer, hardeningReport, setIn } from './util';

/** The message for a writable root filesystem. */
export function message(container: string, explicit: boolean): string {
  return explicit
    ? `readOnlyRootFilesystem is false for the ${container}: an intruder can modify binaries and drop tools. Set it to true and mount an emptyDir where the app writes`
    : `The ${container} has a writable root filesystem: set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where the app writes`;
}

/** `readOnlyRootFilesystem: true` on every container. */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/writable-root-filesystem',
  meta: {
    title: 'Root filesystem is writable',
    description: 'A read-only root filesystem stops an attacker from replacing binaries or installing tools, and makes the places the app writes to explicit (emptyDir volumes).',
    severity: 'warning',
    kind: 'kubernetes',
    fixable: true,
    equivalents: [eq('kube-linter', 'no-read-only-root-fs'), eq('checkov', 'CKV_K8S_22'), eq('polaris', 'notReadOnlyRootFilesystem')],
  },
  check(ctx) {
    const report = hardeningReport(ctx);
    forEachContainer(ctx.model, (r, pod, c) => {
      if (c.group === 'ephemeralContainers' || pod.windows) {
        return;
      }
      const setting = containerSecurity(r, c, 'readOnlyRootFilesystem');
      if ((setting && flag(setting.node) === true) || (!setting && c.image === undefined)) {
        return;
      }
      const edits = setIn(ctx.model, c.node, ['securityContext', 'readOnlyRootFilesystem'], 'true', r.doc);
      report(r, {
        range: setting ? rangeOf(ctx.model, setting.node) : c.header,
        message: message(describeContainer(c), setting !== undefined),
        fix: edits ? { title: 'Set readOnlyRootFilesystem: true (mount emptyDir where the app writes)', safe: false, edits } : undefined,
      });
    });
  },
};
