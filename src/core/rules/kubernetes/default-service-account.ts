import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { keyRange } from '../../parsers/yaml';
import { describe, flag, get, getPair } from '../../parsers/kubernetes';
import { controlPlaneStaticPod, eq, forEachPod } from './util';
import { serviceAccountOf } from './automount-service-account-token';

/** The message for a pod running as the default service account. */
export function message(resource: string): string {
  return `${resource} runs as the namespace's default service account, which every other pod shares: create a dedicated ServiceAccount and set serviceAccountName`;
}

/**
 * Pods that run as the `default` service account with its token mounted. When the token is not
 * mounted (`automountServiceAccountToken: false`) the identity grants nothing and is not reported.
 */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/default-service-account',
  meta: {
    title: 'Pod uses the default service account',
    description: 'The default service account is shared by every pod of the namespace that names none, so any permission granted to it for one application is granted to all of them.',
    severity: 'info',
    kind: 'kubernetes',
    fixable: false,
    equivalents: [eq('kube-linter', 'default-service-account'), eq('checkov', 'CKV_K8S_41')],
  },
  check(ctx) {
    forEachPod(ctx.model, (r, pod) => {
      // a control-plane static pod cannot use a service account: the kubelet refuses API objects for static pods
      if (pod.partial || flag(get(pod.spec, 'automountServiceAccountToken', r.doc)) === false || controlPlaneStaticPod(r)) {
        return;
      }
      const account = serviceAccountOf(r, pod);
      if (account && account !== 'default') {
        return;
      }
      const key = getPair(pod.spec, 'serviceAccountName', r.doc) ? 'serviceAccountName' : getPair(pod.spec, 'serviceAccount', r.doc) ? 'serviceAccount' : undefined;
      ctx.report({ range: key ? keyRange(ctx.model, pod.spec, key, r.doc) : r.header, message: message(describe(r)) });
    });
  },
};
