import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { keyRange, str } from '../../parsers/yaml';
import { describe, flag, get } from '../../parsers/kubernetes';
import type { K8sPod, K8sResource } from '../../parsers/kubernetes';
import { controlPlaneStaticPod, eq, k8s, setIn } from './util';

/** The message for a pod that mounts an API token. */
export function message(resource: string, explicit: boolean): string {
  return explicit
    ? `${resource} mounts the default service account token on purpose: use a dedicated service account if the pod really calls the Kubernetes API`
    : `${resource} mounts a Kubernetes API token into every container: set automountServiceAccountToken: false unless the pod calls the API`;
}

/** The service account a pod runs as (`serviceAccountName`, or the deprecated `serviceAccount`). */
export function serviceAccountOf(r: K8sResource, pod: K8sPod): string | undefined {
  return str(get(pod.spec, 'serviceAccountName', r.doc)) ?? str(get(pod.spec, 'serviceAccount', r.doc));
}

/**
 * Pods mount an API token unless `automountServiceAccountToken: false` is set on the pod or on
 * its ServiceAccount in the same file. An explicit `true` with a dedicated service account is a
 * deliberate choice and is not reported.
 */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/automount-service-account-token',
  meta: {
    title: 'Service account token is mounted',
    description: 'Every pod gets a Kubernetes API token by default. Most applications never call the API, and a stolen token lets an attacker query or change the cluster with the service account permissions.',
    severity: 'info',
    kind: 'kubernetes',
    fixable: true,
    equivalents: [eq('checkov', 'CKV_K8S_38'), eq('polaris', 'automountServiceAccountToken')],
  },
  check(ctx) {
    const resources = k8s(ctx.model).resources;
    const disabledAccounts = new Set(
      resources.filter((r) => r.kind === 'ServiceAccount' && flag(get(r.node, 'automountServiceAccountToken', r.doc)) === false).map((r) => r.name),
    );
    for (const r of resources) {
      const pod = r.pod;
      // a static pod (a control-plane manifest) gets no token: the kubelet refuses API objects for it
      if (!pod || pod.partial || controlPlaneStaticPod(r)) {
        continue;
      }
      const account = serviceAccountOf(r, pod);
      const setting = flag(get(pod.spec, 'automountServiceAccountToken', r.doc));
      if (setting === false) {
        continue;
      }
      if (setting === true) {
        if (!account || account === 'default') {
          ctx.report({ range: keyRange(ctx.model, pod.spec, 'automountServiceAccountToken', r.doc), message: message(describe(r), true) });
        }
        continue;
      }
      if (account && disabledAccounts.has(account)) {
        continue;
      }
      const edits = setIn(ctx.model, pod.spec, ['automountServiceAccountToken'], 'false', r.doc);
      ctx.report({
        range: r.header,
        message: message(describe(r), false),
        fix: edits ? { title: 'Set automountServiceAccountToken: false', safe: false, edits } : undefined,
      });
    }
  },
};
