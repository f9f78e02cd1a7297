import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf, str } from '../../parsers/yaml';
import { describe, describeContainer, get } from '../../parsers/kubernetes';
import type { K8sContainer, K8sPod, K8sResource } from '../../parsers/kubernetes';
import { eq, forEachPod, setIn } from './util';

/** The message for a missing or unconfined seccomp profile. */
export function message(what: string, unconfined: boolean): string {
  return unconfined
    ? `The ${what} runs with seccomp Unconfined: every system call is allowed. Use RuntimeDefault or a Localhost profile`
    : `The ${what} sets no seccomp profile, so it runs unconfined on most clusters: set securityContext.seccompProfile.type: RuntimeDefault`;
}

type Profile = { value: string; node: unknown } | undefined;

function podProfile(r: K8sResource, pod: K8sPod): Profile {
  const node = get(get(get(pod.spec, 'securityContext', r.doc), 'seccompProfile', r.doc), 'type', r.doc);
  const value = str(node);
  if (value) {
    return { value, node };
  }
  // the annotations used before seccompProfile existed still work on older clusters
  const legacy = pod.annotations.get('seccomp.security.alpha.kubernetes.io/pod');
  return legacy ? { value: legacy === 'unconfined' ? 'Unconfined' : 'RuntimeDefault', node: undefined } : undefined;
}

function containerProfile(r: K8sResource, pod: K8sPod, c: K8sContainer): Profile {
  const node = get(get(get(c.node, 'securityContext', r.doc), 'seccompProfile', r.doc), 'type', r.doc);
  const value = str(node);
  if (value) {
    return { value, node };
  }
  const legacy = pod.annotations.get(`container.seccomp.security.alpha.kubernetes.io/${c.name}`);
  return legacy ? { value: legacy === 'unconfined' ? 'Unconfined' : 'RuntimeDefault', node: undefined } : undefined;
}

/**
 * Every container runs under a seccomp profile: `Unconfined` is reported where it is written;
 * a pod where no level sets a profile is reported once at its `kind:` line (the fix sets it
 * for the whole pod), and single containers left out at their header.
 */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/missing-seccomp-profile',
  meta: {
    title: 'Seccomp profile is missing or Unconfined',
    description: 'Seccomp filters the system calls a container may make. Without a profile (or with Unconfined) a compromised process can use rarely needed, exploit-prone kernel interfaces.',
    severity: 'warning',
    kind: 'kubernetes',
    fixable: true,
    equivalents: [eq('checkov', 'CKV_K8S_31'), eq('kubescape', 'C-0210')],
  },
  check(ctx) {
    forEachPod(ctx.model, (r, pod) => {
      const podLevel = podProfile(r, pod);
      if (podLevel?.value === 'Unconfined' && podLevel.node) {
        ctx.report({ range: rangeOf(ctx.model, podLevel.node), message: message(`pod of ${describe(r)}`, true) });
      }
      const containers = pod.containers.filter((c) => c.group !== 'ephemeralContainers');
      const profiles = containers.map((c) => containerProfile(r, pod, c));
      if (pod.partial || pod.windows) {
        return;
      }
      if (!podLevel && containers.length > 0 && profiles.every((p) => !p)) {
        const edits = setIn(ctx.model, pod.spec, ['securityContext', 'seccompProfile', 'type'], 'RuntimeDefault', r.doc);
        ctx.report({
          range: r.header,
          message: message(`pod of ${describe(r)}`, false),
          fix: edits ? { title: 'Set seccompProfile RuntimeDefault for the pod', safe: false, edits } : undefined,
        });
        return;
      }
      containers.forEach((c, i) => {
        const p = profiles[i];
        if (p?.value === 'Unconfined' && p.node) {
          ctx.report({ range: rangeOf(ctx.model, p.node), message: message(describeContainer(c), true) });
        } else if (!p && !podLevel && c.image !== undefined) {
          ctx.report({ range: c.header, message: message(describeContainer(c), false) });
        }
      });
    });
  },
};
