import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf } from '../../parsers/yaml';
import { describeContainer, flag, get } from '../../parsers/kubernetes';
import { containerSecurity, eq, forEachContainer, hardeningReport, setIn, strings } from './util';

/** The message for a container that may gain privileges. */
export function message(container: string, explicit: boolean): string {
  return explicit
    ? `allowPrivilegeEscalation is true for the ${container}: setuid binaries and file capabilities can raise its privileges. Set it to false`
    : `The ${container} does not set allowPrivilegeEscalation: false, so setuid binaries can raise its privileges`;
}

/** `allowPrivilegeEscalation` must be false on every container (it is a container-only setting). */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/allow-privilege-escalation',
  meta: {
    title: 'Privilege escalation is allowed',
    description: 'Unless `allowPrivilegeEscalation: false` is set, a process can gain more privileges than its parent (setuid binaries, file capabilities), which turns many container bugs into root.',
    severity: 'warning',
    kind: 'kubernetes',
    fixable: true,
    equivalents: [eq('kube-linter', 'privilege-escalation-container'), eq('checkov', 'CKV_K8S_20'), eq('polaris', 'privilegeEscalationAllowed')],
  },
  check(ctx) {
    const report = hardeningReport(ctx);
    forEachContainer(ctx.model, (r, pod, c) => {
      if (c.group === 'ephemeralContainers' || pod.windows) {
        return;
      }
      const setting = containerSecurity(r, c, 'allowPrivilegeEscalation');
      const value = setting ? flag(setting.node) : undefined;
      if (value === false || (setting === undefined && c.image === undefined)) {
        return;
      }
      // the API rejects allowPrivilegeEscalation: false next to privileged or CAP_SYS_ADMIN
      const privileged = flag(containerSecurity(r, c, 'privileged')?.node) === true;
      const sysAdmin = strings(get(get(get(c.node, 'securityContext', r.doc), 'capabilities', r.doc), 'add', r.doc), r.doc).some((cap) => /^(CAP_)?SYS_ADMIN$/i.test(cap));
      const edits = privileged || sysAdmin ? undefined : setIn(ctx.model, c.node, ['securityContext', 'allowPrivilegeEscalation'], 'false', r.doc);
      report(r, {
        range: setting ? rangeOf(ctx.model, setting.node) : c.header,
        message: message(describeContainer(c), setting !== undefined),
        fix: edits ? { title: 'Set allowPrivilegeEscalation: false', safe: false, edits } : undefined,
      });
    });
  },
};
