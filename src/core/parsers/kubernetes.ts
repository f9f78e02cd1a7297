import * as Yaml from 'yaml';
import type { Document, Pair } from 'yaml';
import { deref, headerRange, isMap, isSeq, mapEntries, num, seqItems, str } from './yaml';
import type { YAMLMap, YamlFile } from './yaml';
import type { Range } from '../types';
import { KeptOn } from '../memo';

/**
 * A shared model of the Kubernetes resources in a YAML stream, built once per parsed file (cached
 * by file) so that every Kubernetes rule walks the documents through the same small structure
 * instead of re-reading the YAML tree.
 */

// Bound once: the bundler turns named imports into property reads on every call, and these run
// for every key lookup of every rule.
const isMapNode = Yaml.isMap;
const isScalarNode = Yaml.isScalar;
const isAliasNode = Yaml.isAlias;
const isSeqNode = Yaml.isSeq;

/** Pairs of a map by key, built once per map node (nodes are immutable once parsed). */
const pairsByKey = new KeptOn<object, Map<string, Pair<unknown, unknown>>>();

/**
 * The pair of `key` in a map, like `getPair` of the YAML helpers (a repeated key gives its last
 * pair, as kubectl reads it) but indexed: the Kubernetes rules look up the same few keys of each
 * container many times.
 */
export function getPair(node: unknown, key: string, doc?: Document): Pair<unknown, unknown> | undefined {
  const map = isAliasNode(node) ? deref(node, doc) : node;
  if (!isMapNode(map)) {
    return undefined;
  }
  let pairs = pairsByKey.get(map);
  if (!pairs) {
    pairs = new Map();
    for (const pair of map.items) {
      if (isScalarNode(pair.key)) {
        const k = String(pair.key.value);
        // the last pair of a repeated key wins (merge keys: the first, as before)
        if (k !== '<<' || !pairs.has(k)) {
          pairs.set(k, pair);
        }
      }
    }
    pairsByKey.set(map, pairs);
  }
  const found = pairs.get(key);
  if (found || key === '<<') {
    return found;
  }
  // YAML merge keys (`<<: *defaults`), which kubectl honours: look in the merged maps, in order
  const merge = pairs.get('<<');
  if (merge) {
    const sources = isSeqNode(merge.value) ? merge.value.items : [merge.value];
    for (const source of sources) {
      const inner = getPair(isAliasNode(source) ? deref(source, doc) : source, key, doc);
      if (inner) {
        return inner;
      }
    }
  }
  return undefined;
}

/**
 * A boolean as Kubernetes reads it: manifests go through a YAML 1.1 decoder, so unquoted
 * yes/no/on/off are booleans too. Quoted strings are not.
 */
export function flag(node: unknown): boolean | undefined {
  if (!isScalarNode(node)) {
    return undefined;
  }
  if (typeof node.value === 'boolean') {
    return node.value;
  }
  if (typeof node.value !== 'string' || (node.type !== undefined && node.type !== 'PLAIN')) {
    return undefined;
  }
  if (/^(true|True|TRUE|yes|Yes|YES|y|Y|on|On|ON)$/.test(node.value)) {
    return true;
  }
  if (/^(false|False|FALSE|no|No|NO|n|N|off|Off|OFF)$/.test(node.value)) {
    return false;
  }
  return undefined;
}

/** The value node of `key` in a map (aliases resolved when `doc` is given), indexed like `getPair`. */
export function get(node: unknown, key: string, doc?: Document): unknown {
  const pair = getPair(node, key, doc);
  if (!pair) {
    return undefined;
  }
  return isAliasNode(pair.value) ? deref(pair.value, doc) : pair.value;
}

/** Which list of the pod spec a container comes from. */
export type ContainerGroup = 'containers' | 'initContainers' | 'ephemeralContainers';

/** A port declared by a container. */
export interface ContainerPort {
  name?: string;
  containerPort?: number;
  hostPort?: number;
  protocol?: string;
  /** The port item map. */
  node: unknown;
}

/** One container of a pod spec. */
export interface K8sContainer {
  /** The container map. */
  node: YAMLMap;
  /** Its `name` ('' when missing). */
  name: string;
  group: ContainerGroup;
  image?: string;
  ports: ContainerPort[];
  /** The first line of the container item (normally the `- name:` line). */
  header: Range;
}

/** A pod spec found in a resource (a Pod, or the pod template of a workload). */
export interface K8sPod {
  /** The PodSpec map. */
  spec: YAMLMap;
  /** The pod template map (`spec.template`), undefined for a bare Pod. */
  template?: YAMLMap;
  /** Metadata of the pods (template metadata, or the Pod's own metadata). */
  metadata: unknown;
  labels: ReadonlyMap<string, string>;
  annotations: ReadonlyMap<string, string>;
  /** Every container: containers, then initContainers, then ephemeralContainers. */
  containers: K8sContainer[];
  /** Pods that run to completion (Job, CronJob): probes do not apply. */
  runsToCompletion: boolean;
  /**
   * The object is a fragment (a kustomize strategic-merge patch, an overlay), not a runnable pod,
   * so "missing …" findings do not apply to it: no container names an image, or a workload has
   * neither a selector nor pod template labels (which no complete apps/v1 workload can lack).
   */
  partial: boolean;
  /** The pod targets Windows nodes, where the Linux-only security settings do not apply. */
  windows: boolean;
}

/** One Kubernetes object of the file. */
export interface K8sResource {
  doc: Document.Parsed;
  /** The object map. */
  node: YAMLMap;
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  metadata: unknown;
  labels: ReadonlyMap<string, string>;
  annotations: ReadonlyMap<string, string>;
  /** The `kind:` line (or the object's first line), where "missing …" findings go. */
  header: Range;
  /** The pod spec, for pod-bearing kinds. */
  pod?: K8sPod;
  /** True when the object came from the `items` of a `kind: List`. */
  inList: boolean;
}

/** All Kubernetes objects of a YAML file. */
export interface K8sModel {
  file: YamlFile;
  resources: K8sResource[];
}

/** Kinds whose pods are described by `spec.template`. */
const TEMPLATE_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'Rollout', 'DeploymentConfig']);

/** Kinds that carry a pod spec (directly or in a template); Knative's only under serving.knative.dev. */
export const POD_KINDS: ReadonlySet<string> = new Set([...TEMPLATE_KINDS, 'Pod', 'CronJob', 'PodTemplate', 'Service', 'Configuration', 'Revision']);

/** Knative Serving kinds whose pods come from `spec.template` (Service, Configuration) or `spec` (Revision). */
const KNATIVE_TEMPLATE_KINDS = new Set(['Service', 'Configuration']);

/** Whether an object is a Knative Serving object (its Service is not the core Service). */
export function isKnative(apiVersion: string): boolean {
  return apiVersion.startsWith('serving.knative.dev/');
}

/** Long-running controllers with a `replicas` count and a selector over their template. */
export const REPLICATED_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'Rollout', 'DeploymentConfig']);

const cache = new KeptOn<YamlFile, K8sModel>();

/** The Kubernetes model of a parsed YAML file (built on first use, then cached). */
export function kubernetesModel(file: YamlFile): K8sModel {
  let model = cache.get(file);
  if (!model) {
    model = build(file);
    cache.set(file, model);
  }
  return model;
}

/**
 * The resources of each parsed document. Typing hands unchanged documents out again (their node
 * ranges moved in place), so their resources are kept too; `at` points their `header` ranges at
 * the file of the current run.
 */
const byDocument = new KeptOn<Document.Parsed, { at: { file: YamlFile }; resources: K8sResource[] }>();

function build(file: YamlFile): K8sModel {
  const resources: K8sResource[] = [];
  for (const doc of file.documents) {
    let kept = byDocument.get(doc);
    if (!kept) {
      const at = { file };
      kept = { at, resources: documentResources(at, doc) };
      byDocument.set(doc, kept);
    }
    kept.at.file = file;
    resources.push(...kept.resources);
  }
  return { file, resources };
}

function documentResources(at: { file: YamlFile }, doc: Document.Parsed): K8sResource[] {
  const resources: K8sResource[] = [];
  const root = deref(doc.contents, doc);
  if (!isMap(root)) {
    return resources;
  }
  const kind = str(get(root, 'kind', doc));
  const items = get(root, 'items', doc);
  if (kind && /List$/.test(kind) && isSeq(items)) {
    for (const item of seqItems(items, doc)) {
      if (isMap(item)) {
        const r = resourceOf(at, doc, item, true);
        if (r) {
          resources.push(r);
        }
      }
    }
    return resources;
  }
  const r = resourceOf(at, doc, root, false);
  if (r) {
    resources.push(r);
  }
  return resources;
}

/** String entries of a map (labels, annotations, selectors). */
export function stringMap(node: unknown, doc?: Document): Map<string, string> {
  const out = new Map<string, string>();
  for (const { key, value } of mapEntries(node, doc)) {
    const v = str(value);
    out.set(key, v ?? '');
  }
  return out;
}

function resourceOf(at: { file: YamlFile }, doc: Document.Parsed, node: YAMLMap, inList: boolean): K8sResource | undefined {
  const kind = str(get(node, 'kind', doc));
  const apiVersion = str(get(node, 'apiVersion', doc));
  if (!kind || apiVersion === undefined) {
    return undefined;
  }
  const metadata = get(node, 'metadata', doc);
  const kindPair = getPair(node, 'kind', doc);
  const headerNode = kindPair?.key ?? node;
  const resource: K8sResource = {
    doc,
    node,
    apiVersion,
    kind,
    name: str(get(metadata, 'name', doc)) ?? '',
    namespace: str(get(metadata, 'namespace', doc)),
    metadata,
    labels: stringMap(get(metadata, 'labels', doc), doc),
    annotations: stringMap(get(metadata, 'annotations', doc), doc),
    // read from the node when asked: a kept resource's node may have moved since it was built
    get header(): Range {
      return headerRange(at.file, headerNode);
    },
    inList,
  };
  resource.pod = podOf(at, doc, resource);
  return resource;
}

function podOf(at: { file: YamlFile }, doc: Document.Parsed, r: K8sResource): K8sPod | undefined {
  let template: unknown;
  let spec: unknown;
  let metadata: unknown;
  if (r.kind === 'Pod' || (r.kind === 'Revision' && isKnative(r.apiVersion))) {
    spec = get(r.node, 'spec', doc);
    metadata = r.metadata;
  } else if (KNATIVE_TEMPLATE_KINDS.has(r.kind)) {
    if (!isKnative(r.apiVersion)) {
      return undefined;
    }
    template = get(get(r.node, 'spec', doc), 'template', doc);
  } else if (r.kind === 'PodTemplate') {
    template = get(r.node, 'template', doc);
  } else if (r.kind === 'CronJob') {
    template = get(get(get(get(r.node, 'spec', doc), 'jobTemplate', doc), 'spec', doc), 'template', doc);
  } else if (TEMPLATE_KINDS.has(r.kind)) {
    template = get(get(r.node, 'spec', doc), 'template', doc);
  } else {
    return undefined;
  }
  if (template !== undefined) {
    if (!isMap(template)) {
      return undefined;
    }
    spec = get(template, 'spec', doc);
    metadata = get(template, 'metadata', doc);
  }
  if (!isMap(spec)) {
    return undefined;
  }
  const containers: K8sContainer[] = [];
  for (const group of ['containers', 'initContainers', 'ephemeralContainers'] as const) {
    for (const item of seqItems(get(spec, group, doc), doc)) {
      if (!isMap(item)) {
        continue;
      }
      const ports: ContainerPort[] = [];
      for (const p of seqItems(get(item, 'ports', doc), doc)) {
        if (isMap(p)) {
          ports.push({
            name: str(get(p, 'name', doc)),
            containerPort: num(get(p, 'containerPort', doc)),
            hostPort: num(get(p, 'hostPort', doc)),
            protocol: str(get(p, 'protocol', doc)),
            node: p,
          });
        }
      }
      containers.push({
        node: item,
        name: str(get(item, 'name', doc)) ?? '',
        group,
        image: str(get(item, 'image', doc)),
        ports,
        get header(): Range {
          return headerRange(at.file, item);
        },
      });
    }
  }
  // a bare Pod that is not restarted is a one-shot task, like a Job
  const restartPolicy = str(get(spec, 'restartPolicy', doc));
  const windows =
    str(get(get(spec, 'os', doc), 'name', doc)) === 'windows' ||
    str(get(get(spec, 'nodeSelector', doc), 'kubernetes.io/os', doc)) === 'windows' ||
    get(get(spec, 'securityContext', doc), 'windowsOptions', doc) !== undefined;
  return {
    spec,
    template: isMap(template) ? template : undefined,
    metadata,
    labels: stringMap(get(metadata, 'labels', doc), doc),
    annotations: stringMap(get(metadata, 'annotations', doc), doc),
    containers,
    runsToCompletion: r.kind === 'Job' || r.kind === 'CronJob' || (r.kind === 'Pod' && (restartPolicy === 'Never' || restartPolicy === 'OnFailure')),
    windows,
    partial: containers.every((c) => c.image === undefined) || isPatchShaped(r, doc, metadata),
  };
}

/** Workloads whose selector is required and must match their template labels. */
const SELECTOR_REQUIRED = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

/**
 * A workload with no `spec.selector` and no pod template labels: the API would reject it as
 * written, so it is a strategic-merge patch that kustomize merges into the real object.
 */
function isPatchShaped(r: K8sResource, doc: Document.Parsed, templateMetadata: unknown): boolean {
  return SELECTOR_REQUIRED.has(r.kind) && get(get(r.node, 'spec', doc), 'selector', doc) === undefined && stringMap(get(templateMetadata, 'labels', doc), doc).size === 0;
}

/** A short human name of a resource: `Deployment 'web'`. */
export function describe(r: K8sResource): string {
  return r.name ? `${r.kind} '${r.name}'` : r.kind;
}

/** A short human name of a container: `container 'app'` / `init container 'migrate'`. */
export function describeContainer(c: K8sContainer): string {
  const what = c.group === 'initContainers' ? 'init container' : c.group === 'ephemeralContainers' ? 'ephemeral container' : 'container';
  return c.name ? `${what} '${c.name}'` : what;
}

/** A label selector: equality labels plus set-based expressions. */
export interface LabelSelector {
  matchLabels: ReadonlyMap<string, string>;
  expressions: readonly { key: string; operator: string; values: readonly string[] }[];
  /** Where the selector is written. */
  node: unknown;
}

/**
 * Read a selector. `form` 'set' reads `{matchLabels, matchExpressions}` (apps/v1, batch, policy,
 * networking); 'map' reads a plain label map (Service, ReplicationController). A set-form
 * selector written as a plain map (old extensions/v1beta1 style) is read as labels too.
 */
export function readSelector(node: unknown, doc: Document, form: 'set' | 'map'): LabelSelector | undefined {
  const n = deref(node, doc);
  if (!isMap(n)) {
    return undefined;
  }
  const ml = get(n, 'matchLabels', doc);
  const me = get(n, 'matchExpressions', doc);
  if (form === 'map' || (ml === undefined && me === undefined)) {
    return { matchLabels: stringMap(n, doc), expressions: [], node: n };
  }
  const expressions: { key: string; operator: string; values: string[] }[] = [];
  for (const e of seqItems(me, doc)) {
    const key = str(get(e, 'key', doc));
    const operator = str(get(e, 'operator', doc));
    if (key && operator) {
      expressions.push({ key, operator, values: seqItems(get(e, 'values', doc), doc).map((v) => str(v) ?? '') });
    }
  }
  return { matchLabels: stringMap(ml, doc), expressions, node: n };
}

/** Whether a label set satisfies a selector. */
export function selectorMatches(selector: LabelSelector, labels: ReadonlyMap<string, string>): boolean {
  // every Service against every workload of a folder, at each keystroke: no entry arrays
  for (const k of selector.matchLabels.keys()) {
    if (labels.get(k) !== selector.matchLabels.get(k)) {
      return false;
    }
  }
  for (const e of selector.expressions) {
    const has = labels.has(e.key);
    const value = labels.get(e.key);
    switch (e.operator) {
      case 'In':
        if (!has || !e.values.includes(value ?? '')) {
          return false;
        }
        break;
      case 'NotIn':
        if (has && e.values.includes(value ?? '')) {
          return false;
        }
        break;
      case 'Exists':
        if (!has) {
          return false;
        }
        break;
      case 'DoesNotExist':
        if (has) {
          return false;
        }
        break;
      default:
        break;
    }
  }
  return true;
}

/** True when the selector selects nothing in particular (no labels, no expressions). */
export function selectorIsEmpty(selector: LabelSelector): boolean {
  return selector.matchLabels.size === 0 && selector.expressions.length === 0;
}

/** Whether any value in the resource text is a template placeholder, so names cannot be trusted. */
export function isTemplated(value: string | undefined): boolean {
  return value !== undefined && /\$\{|\{\{|\$\(/.test(value);
}

