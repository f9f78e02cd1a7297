import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf, seqItems, str } from '../../parsers/yaml';
import { describe, flag, get } from '../../parsers/kubernetes';
import type { K8sPod } from '../../parsers/kubernetes';
import type { Severity } from '../../types';
import { controlPlaneStaticPod, eq, forEachPod, isControlPlaneHostPath } from './util';

const SOCKETS = /(^|\/)(docker|containerd|crio|cri-dockerd|podman)\.sock$|^\/(var\/)?run\/(docker|containerd|crio)(\/|$)/;
const SENSITIVE = ['/', '/etc', '/proc', '/sys', '/dev', '/root', '/boot', '/home', '/var/run', '/run', '/var/lib/kubelet', '/var/lib/docker', '/var/lib/containerd', '/var/lib/etcd', '/etc/kubernetes', '/usr', '/bin', '/sbin', '/lib'];

/** How dangerous a host path is: the runtime socket, a system directory, or another path. */
export function classify(path: string): 'socket' | 'sensitive' | 'other' {
  const p = path.replace(/\/+$/, '') || '/';
  if (SOCKETS.test(p)) {
    return 'socket';
  }
  for (const s of SENSITIVE) {
    if (p === s || (s !== '/' && p.startsWith(s + '/') && !p.startsWith('/var/run/secrets'))) {
      return 'sensitive';
    }
  }
  return 'other';
}

/** The message for a hostPath volume (`readOnly`: every container mounts it read-only). */
export function message(resource: string, path: string, kind: 'socket' | 'sensitive' | 'other', readOnly = false): string {
  if (kind === 'sensitive' && readOnly) {
    return `${resource} mounts the host path ${path} read-only: a compromised container can read node system files (other pods' logs, credentials under it). Use a ConfigMap, Secret, emptyDir or a CSI volume unless this is a node agent that needs it`;
  }
  if (kind === 'socket') {
    return `${resource} mounts the container runtime socket ${path}: anyone in the pod can start privileged containers, which is root on the node`;
  }
  if (kind === 'sensitive') {
    return `${resource} mounts the host path ${path}: a compromised container can read or change node system files. Use a ConfigMap, Secret, emptyDir or a CSI volume instead`;
  }
  return `${resource} mounts the host path ${path}: the pod is tied to one node's files. Prefer a PersistentVolumeClaim or emptyDir, and mount it readOnly if it must stay`;
}

const SEVERITY: Record<'socket' | 'sensitive' | 'other', Severity> = { socket: 'error', sensitive: 'error', other: 'info' };

/** Whether every container that mounts the volume mounts it read-only (false when none mounts it). */
function mountedReadOnly(pod: K8sPod, volume: string, doc: import('yaml').Document): boolean {
  const mounts = pod.containers.flatMap((c) => seqItems(get(c.node, 'volumeMounts', doc), doc)).filter((m) => str(get(m, 'name', doc)) === volume);
  return mounts.length > 0 && mounts.every((m) => flag(get(m, 'readOnly', doc)) === true);
}

/** hostPath volumes, by how sensitive the path is. */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/host-path-volume',
  meta: {
    title: 'Pod mounts a host path',
    description: 'A hostPath volume exposes the node filesystem to the pod. The container runtime socket or system directories (/, /etc, /proc, /var/lib/kubelet…) give a compromised container control of the node (error; a warning when every mount is read-only); other paths tie the pod to a node (info).',
    severity: 'warning',
    kind: 'kubernetes',
    fixable: false,
    equivalents: [eq('kube-linter', 'sensitive-host-mounts'), eq('kube-linter', 'docker-sock'), eq('checkov', 'CKV_K8S_27')],
  },
  check(ctx) {
    forEachPod(ctx.model, (r, pod) => {
      const controlPlane = controlPlaneStaticPod(r) !== undefined;
      for (const volume of seqItems(get(pod.spec, 'volumes', r.doc), r.doc)) {
        const hostPath = get(volume, 'hostPath', r.doc);
        if (hostPath === undefined) {
          continue;
        }
        const pathNode = get(hostPath, 'path', r.doc);
        const path = str(pathNode);
        if (!path) {
          continue;
        }
        // the PKI, kubeconfigs, etcd data and CA bundles are what a control-plane static pod is for
        if (controlPlane && isControlPlaneHostPath(path)) {
          continue;
        }
        const kind = classify(path);
        // a read-only system directory (a log shipper's /var/log, a metrics agent's /proc) is a
        // disclosure risk, not control of the node: a warning; the runtime socket stays an error
        const readOnly = kind === 'sensitive' && mountedReadOnly(pod, str(get(volume, 'name', r.doc)) ?? '', r.doc);
        ctx.report({ range: rangeOf(ctx.model, pathNode), message: message(describe(r), path, kind, readOnly), severity: readOnly ? 'warning' : SEVERITY[kind] });
      }
    });
  },
};
