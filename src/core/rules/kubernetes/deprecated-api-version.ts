import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf } from '../../parsers/yaml';
import { describe, get, getPair, readSelector, selectorIsEmpty } from '../../parsers/kubernetes';
import type { K8sResource } from '../../parsers/kubernetes';
import type { Fix } from '../../types';
import { eq, k8s, replaceNode } from './util';

/** How the replacement relates to the old version. */
type Migration =
  /** same schema: replacing apiVersion is enough */
  | 'same'
  /** apps/v1: same schema, but spec.selector is required and some defaults changed */
  | 'selector'
  /** same fields but a semantic difference worth reviewing */
  | 'review'
  /** the schema changed: the object must be rewritten */
  | 'rewrite'
  /** removed without a replacement */
  | 'gone';

interface Deprecation {
  replacement: string;
  removedIn: string;
  migration: Migration;
  note?: string;
}

const APPS = ['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet', 'ControllerRevision'];
const RBAC = ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'];
const FLOW = ['FlowSchema', 'PriorityLevelConfiguration'];

/** Removed API versions by `apiVersion` then `kind`. */
const TABLE: Record<string, Record<string, Deprecation>> = {
  'extensions/v1beta1': {
    ...Object.fromEntries(['Deployment', 'DaemonSet', 'ReplicaSet'].map((k) => [k, { replacement: 'apps/v1', removedIn: '1.16', migration: 'selector' as Migration }])),
    NetworkPolicy: { replacement: 'networking.k8s.io/v1', removedIn: '1.16', migration: 'same' },
    Ingress: { replacement: 'networking.k8s.io/v1', removedIn: '1.22', migration: 'rewrite', note: 'backends become service.name/service.port and pathType is required' },
    PodSecurityPolicy: { replacement: 'Pod Security Admission', removedIn: '1.25', migration: 'gone' },
  },
  'apps/v1beta1': Object.fromEntries(APPS.map((k) => [k, { replacement: 'apps/v1', removedIn: '1.16', migration: 'selector' as Migration }])),
  'apps/v1beta2': Object.fromEntries(APPS.map((k) => [k, { replacement: 'apps/v1', removedIn: '1.16', migration: 'selector' as Migration }])),
  'batch/v1beta1': { CronJob: { replacement: 'batch/v1', removedIn: '1.25', migration: 'same' } },
  'batch/v2alpha1': { CronJob: { replacement: 'batch/v1', removedIn: '1.21', migration: 'same' } },
  'policy/v1beta1': {
    PodDisruptionBudget: { replacement: 'policy/v1', removedIn: '1.25', migration: 'review', note: 'in policy/v1 an empty selector selects every pod of the namespace' },
    PodSecurityPolicy: { replacement: 'Pod Security Admission', removedIn: '1.25', migration: 'gone' },
  },
  'autoscaling/v2beta1': { HorizontalPodAutoscaler: { replacement: 'autoscaling/v2', removedIn: '1.25', migration: 'rewrite', note: 'metric targets moved under target: {type, averageUtilization}' } },
  'autoscaling/v2beta2': { HorizontalPodAutoscaler: { replacement: 'autoscaling/v2', removedIn: '1.26', migration: 'same' } },
  'networking.k8s.io/v1beta1': {
    Ingress: { replacement: 'networking.k8s.io/v1', removedIn: '1.22', migration: 'rewrite', note: 'backends become service.name/service.port and pathType is required' },
    IngressClass: { replacement: 'networking.k8s.io/v1', removedIn: '1.22', migration: 'same' },
  },
  'rbac.authorization.k8s.io/v1beta1': Object.fromEntries(RBAC.map((k) => [k, { replacement: 'rbac.authorization.k8s.io/v1', removedIn: '1.22', migration: 'same' as Migration }])),
  'rbac.authorization.k8s.io/v1alpha1': Object.fromEntries(RBAC.map((k) => [k, { replacement: 'rbac.authorization.k8s.io/v1', removedIn: '1.22', migration: 'same' as Migration }])),
  'storage.k8s.io/v1beta1': {
    StorageClass: { replacement: 'storage.k8s.io/v1', removedIn: '1.22', migration: 'same' },
    VolumeAttachment: { replacement: 'storage.k8s.io/v1', removedIn: '1.22', migration: 'same' },
    CSIDriver: { replacement: 'storage.k8s.io/v1', removedIn: '1.22', migration: 'review' },
    CSINode: { replacement: 'storage.k8s.io/v1', removedIn: '1.22', migration: 'review' },
    CSIStorageCapacity: { replacement: 'storage.k8s.io/v1', removedIn: '1.27', migration: 'same' },
  },
  'admissionregistration.k8s.io/v1beta1': Object.fromEntries(
    ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'].map((k) => [k, { replacement: 'admissionregistration.k8s.io/v1', removedIn: '1.22', migration: 'rewrite' as Migration, note: 'sideEffects and admissionReviewVersions become required' }]),
  ),
  'apiextensions.k8s.io/v1beta1': { CustomResourceDefinition: { replacement: 'apiextensions.k8s.io/v1', removedIn: '1.22', migration: 'rewrite', note: 'each version needs a structural schema' } },
  'apiregistration.k8s.io/v1beta1': { APIService: { replacement: 'apiregistration.k8s.io/v1', removedIn: '1.22', migration: 'same' } },
  'certificates.k8s.io/v1beta1': { CertificateSigningRequest: { replacement: 'certificates.k8s.io/v1', removedIn: '1.22', migration: 'rewrite', note: 'signerName becomes required' } },
  'coordination.k8s.io/v1beta1': { Lease: { replacement: 'coordination.k8s.io/v1', removedIn: '1.22', migration: 'same' } },
  'scheduling.k8s.io/v1beta1': { PriorityClass: { replacement: 'scheduling.k8s.io/v1', removedIn: '1.22', migration: 'same' } },
  'scheduling.k8s.io/v1alpha1': { PriorityClass: { replacement: 'scheduling.k8s.io/v1', removedIn: '1.17', migration: 'same' } },
  'discovery.k8s.io/v1beta1': { EndpointSlice: { replacement: 'discovery.k8s.io/v1', removedIn: '1.25', migration: 'rewrite', note: 'topology moved to nodeName and zone' } },
  'events.k8s.io/v1beta1': { Event: { replacement: 'events.k8s.io/v1', removedIn: '1.25', migration: 'review' } },
  'node.k8s.io/v1beta1': { RuntimeClass: { replacement: 'node.k8s.io/v1', removedIn: '1.25', migration: 'review' } },
  'flowcontrol.apiserver.k8s.io/v1beta1': Object.fromEntries(FLOW.map((k) => [k, { replacement: 'flowcontrol.apiserver.k8s.io/v1', removedIn: '1.26', migration: 'review' as Migration }])),
  'flowcontrol.apiserver.k8s.io/v1beta2': Object.fromEntries(FLOW.map((k) => [k, { replacement: 'flowcontrol.apiserver.k8s.io/v1', removedIn: '1.29', migration: 'review' as Migration }])),
  'flowcontrol.apiserver.k8s.io/v1beta3': Object.fromEntries(FLOW.map((k) => [k, { replacement: 'flowcontrol.apiserver.k8s.io/v1', removedIn: '1.32', migration: 'review' as Migration }])),
};

/** The removal of an apiVersion for a kind, if it was removed. */
export function deprecationOf(apiVersion: string, kind: string): Deprecation | undefined {
  return TABLE[apiVersion]?.[kind];
}

/** The message for a removed API version. */
export function message(resource: string, apiVersion: string, d: Deprecation, selectorMissing = false): string {
  if (d.migration === 'gone') {
    return `${resource} uses ${apiVersion}, removed in Kubernetes ${d.removedIn} with no replacement: use ${d.replacement} instead`;
  }
  const extra = selectorMissing ? '; spec.selector is required there, add it first' : d.note ? `; ${d.note}` : '';
  return `${resource} uses ${apiVersion}, removed in Kubernetes ${d.removedIn}: migrate to ${d.replacement}${extra}`;
}

function fixFor(file: YamlFile, r: K8sResource, d: Deprecation, selectorMissing: boolean): Fix | undefined {
  if (d.migration === 'gone' || d.migration === 'rewrite' || selectorMissing) {
    return undefined;
  }
  const edit = replaceNode(file, get(r.node, 'apiVersion', r.doc), d.replacement);
  if (!edit) {
    return undefined;
  }
  let safe = d.migration === 'same';
  if (r.kind === 'PodDisruptionBudget') {
    // an explicit, non-empty selector means the same in both versions
    const selector = readSelector(get(get(r.node, 'spec', r.doc), 'selector', r.doc), r.doc, 'set');
    safe = selector !== undefined && !selectorIsEmpty(selector);
  }
  return { title: `Change apiVersion to ${d.replacement}`, safe, edits: [edit] };
}

/** Objects using an API version that current Kubernetes no longer serves. */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/deprecated-api-version',
  meta: {
    title: 'API version was removed from Kubernetes',
    description: 'The API server rejects objects of removed API versions: `kubectl apply` fails on upgrade day. Where the schema did not change the fix rewrites apiVersion; otherwise the message says what to migrate.',
    severity: 'error',
    kind: 'kubernetes',
    fixable: true,
    equivalents: [eq('kube-linter', 'no-extensions-v1beta')],
  },
  check(ctx) {
    for (const r of k8s(ctx.model).resources) {
      const d = deprecationOf(r.apiVersion, r.kind);
      if (!d) {
        continue;
      }
      const selectorMissing = d.migration === 'selector' && r.kind !== 'ControllerRevision' && !getPair(get(r.node, 'spec', r.doc), 'selector', r.doc);
      ctx.report({
        range: rangeOf(ctx.model, get(r.node, 'apiVersion', r.doc)),
        message: message(describe(r), r.apiVersion, d, selectorMissing),
        fix: fixFor(ctx.model, r, d, selectorMissing),
      });
    }
  },
};
