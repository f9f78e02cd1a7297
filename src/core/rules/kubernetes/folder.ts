import type { FolderFile } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { num, str } from '../../parsers/yaml';
import { describe, get, readSelector, selectorIsEmpty } from '../../parsers/kubernetes';
import type { K8sResource, LabelSelector } from '../../parsers/kubernetes';
import type { RelatedInformation } from '../../types';
import { folderResources, sameNamespace } from './util';
import type { Located } from './util';

/** The resources of a folder indexed for cross-file rules. */
export interface FolderIndex {
  all: Located[];
  /** Resources carrying a pod spec. */
  pods: Located[];
}

/** Index the resources of a folder. */
export function indexFolder(files: readonly FolderFile<YamlFile>[]): FolderIndex {
  const all = folderResources(files);
  return { all, pods: all.filter((l) => l.resource.pod) };
}

/** Resources of a kind (and name, when given) visible from `from`. */
export function find(index: FolderIndex, from: K8sResource, kind: string, name?: string): Located[] {
  return index.all.filter((l) => l.resource.kind === kind && (name === undefined || l.resource.name === name) && sameNamespace(from, l.resource));
}

/** A related-information entry pointing at a resource header in another (or the same) file. */
export function relatedTo(l: Located, message: string): RelatedInformation {
  return { path: l.file.path, range: l.resource.header, message };
}

/** `describe()` re-exported for the folder rules. */
export { describe };

/** The HPA targeting a workload, if any in the folder. */
export function hpaFor(index: FolderIndex, workload: K8sResource): Located | undefined {
  return index.all.find((l) => {
    if (l.resource.kind !== 'HorizontalPodAutoscaler' || !sameNamespace(l.resource, workload)) {
      return false;
    }
    const ref = get(get(l.resource.node, 'spec', l.resource.doc), 'scaleTargetRef', l.resource.doc);
    return str(get(ref, 'kind', l.resource.doc)) === workload.kind && str(get(ref, 'name', l.resource.doc)) === workload.name;
  });
}

/** Replica count of a workload (undefined when unset). */
export function replicasOf(r: K8sResource): number | undefined {
  return num(get(get(r.node, 'spec', r.doc), 'replicas', r.doc));
}

/** The selector of a Service, or undefined when it has none (headless or manual endpoints). */
export function serviceSelector(r: K8sResource): LabelSelector | undefined {
  const selector = readSelector(get(get(r.node, 'spec', r.doc), 'selector', r.doc), r.doc, 'map');
  return selector && !selectorIsEmpty(selector) ? selector : undefined;
}

/** Custom resources known not to create pods (monitoring, secrets, certificates, routing). */
const PASSIVE_CUSTOM_KINDS = new Set([
  'ServiceMonitor', 'PodMonitor', 'PrometheusRule', 'Probe', 'AlertmanagerConfig',
  'ExternalSecret', 'ClusterExternalSecret', 'SecretStore', 'ClusterSecretStore', 'SealedSecret',
  'Certificate', 'Issuer', 'ClusterIssuer',
  'VirtualService', 'DestinationRule', 'Gateway', 'ServiceEntry', 'PeerAuthentication', 'AuthorizationPolicy', 'RequestAuthentication', 'Sidecar',
  'HTTPRoute', 'GRPCRoute', 'TCPRoute', 'TLSRoute', 'ReferenceGrant', 'IngressRoute', 'IngressRouteTCP', 'Middleware', 'TLSOption',
  'CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy', 'GlobalNetworkPolicy', 'BackendConfig', 'FrontendConfig', 'ManagedCertificate',
  'VerticalPodAutoscaler', 'ScaledObject', 'ScaledJob', 'TriggerAuthentication', 'Rollout',
]);

/**
 * Whether a resource is a custom resource that may make an operator create pods (a Prometheus,
 * a postgresql cluster, a HelmRelease…): Services may then select pods no manifest describes.
 */
export function mayCreatePods(r: K8sResource): boolean {
  const slash = r.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : r.apiVersion.slice(0, slash);
  if (!group.includes('.') || group.endsWith('k8s.io')) {
    return false;
  }
  return !PASSIVE_CUSTOM_KINDS.has(r.kind);
}
