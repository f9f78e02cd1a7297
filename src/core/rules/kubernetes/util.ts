import type { Document } from 'yaml';
import { deref, isMap, isScalar, isSeq, keyRange, rangeOf, str } from '../../parsers/yaml';
import type { YAMLMap, YamlFile } from '../../parsers/yaml';
import { get, getPair, kubernetesModel } from '../../parsers/kubernetes';
import type { K8sContainer, K8sModel, K8sPod, K8sResource } from '../../parsers/kubernetes';
import type { Equivalent, FolderFile, Report } from '../../rule';
import type { Range, TextEdit } from '../../types';
import { isSecretName, literalSecret } from '../shared/secrets';

/** Helpers shared by the Kubernetes rules: iteration over the shared model and text edits. */

/** The shared model of a file (cached by file). */
export function k8s(file: YamlFile): K8sModel {
  return kubernetesModel(file);
}

const CONTROL_PLANE_BINARIES: ReadonlySet<string> = new Set(['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd']);

/**
 * The control-plane component a static pod manifest runs (kubeadm's
 * /etc/kubernetes/manifests/*.yaml: a Pod in kube-system whose container `command` starts with
 * kube-apiserver, kube-controller-manager, kube-scheduler or etcd), or undefined. Such a pod is
 * started by the kubelet before there is a cluster network or an API server: it needs the host
 * network and the node's PKI, and cannot use service accounts, ConfigMaps or Secrets.
 */
export function controlPlaneStaticPod(r: K8sResource): string | undefined {
  if (r.kind !== 'Pod' || r.namespace !== 'kube-system' || !r.pod) {
    return undefined;
  }
  for (const c of r.pod.containers) {
    const command = get(c.node, 'command', r.doc);
    const first = isSeq(command) ? str(deref(command.items[0], r.doc)) : undefined;
    const base = first?.slice(first.lastIndexOf('/') + 1);
    if (base !== undefined && CONTROL_PLANE_BINARIES.has(base)) {
      return base;
    }
  }
  return undefined;
}

/** Host paths a control-plane static pod needs: its PKI and kubeconfigs, etcd's data, CA bundles, audit logs, flexvolume plugins. */
const CONTROL_PLANE_HOST_PATHS: readonly string[] = [
  '/etc/kubernetes',
  '/var/lib/etcd',
  '/etc/ssl/certs',
  '/etc/pki',
  '/etc/ca-certificates',
  '/usr/share/ca-certificates',
  '/usr/local/share/ca-certificates',
  '/usr/libexec/kubernetes/kubelet-plugins/volume/exec',
  '/var/log/kubernetes',
  '/etc/localtime',
];

/** Whether a host path is one a control-plane static pod mounts by design. */
export function isControlPlaneHostPath(path: string): boolean {
  const p = path.replace(/\/+$/, '');
  return CONTROL_PLANE_HOST_PATHS.some((base) => p === base || p.startsWith(base + '/'));
}

/**
 * Container hardening findings on a control-plane static pod: kubeadm and most installers run the
 * components as root with default capabilities, so the setting is hardening to plan with the
 * installer, not a defect of the manifest: reported at info, saying so.
 */
export function hardeningReport(ctx: { report(report: Report): void }): (r: K8sResource, report: Report) => void {
  return (r, report) => {
    const component = controlPlaneStaticPod(r);
    ctx.report(component ? { ...report, severity: 'info', message: `${report.message} (${component} static pod: installers such as kubeadm run it so; hardening to plan with the installer)` } : report);
  };
}

/** Call `fn` for every resource that carries a pod spec. */
export function forEachPod(file: YamlFile, fn: (r: K8sResource, pod: K8sPod) => void): void {
  for (const r of k8s(file).resources) {
    if (r.pod) {
      fn(r, r.pod);
    }
  }
}

/** Call `fn` for every container (all groups) of every pod spec. */
export function forEachContainer(file: YamlFile, fn: (r: K8sResource, pod: K8sPod, c: K8sContainer) => void): void {
  forEachPod(file, (r, pod) => {
    for (const c of pod.containers) {
      fn(r, pod, c);
    }
  });
}

/** A security setting as it applies to a container: its own value, else the pod's. */
export interface EffectiveSetting {
  /** The value node. */
  node: unknown;
  /** The map that holds the key (a securityContext). */
  owner: YAMLMap;
  level: 'container' | 'pod';
}

/** The container's securityContext value of `key`, falling back to the pod securityContext. */
export function effectiveSecurity(r: K8sResource, pod: K8sPod, c: K8sContainer, key: string): EffectiveSetting | undefined {
  const own = get(c.node, 'securityContext', r.doc);
  if (isMap(own) && getPair(own, key, r.doc)) {
    return { node: get(own, key, r.doc), owner: own, level: 'container' };
  }
  const podCtx = get(pod.spec, 'securityContext', r.doc);
  if (isMap(podCtx) && getPair(podCtx, key, r.doc)) {
    return { node: get(podCtx, key, r.doc), owner: podCtx, level: 'pod' };
  }
  return undefined;
}

/** The container's own securityContext value of `key` (container-only settings). */
export function containerSecurity(r: K8sResource, c: K8sContainer, key: string): { node: unknown; owner: YAMLMap } | undefined {
  const own = get(c.node, 'securityContext', r.doc);
  if (isMap(own) && getPair(own, key, r.doc)) {
    return { node: get(own, key, r.doc), owner: own };
  }
  return undefined;
}

/** Range of the key `key` in `map` (the line a finding about that setting goes to). */
export function keyAt(file: YamlFile, map: unknown, key: string, doc?: Document): Range {
  return keyRange(file, map, key, doc);
}

/** A nested set of keys to write: strings are written verbatim, string arrays as flow sequences. */
export interface KeyTree {
  [key: string]: string | readonly string[] | KeyTree;
}

function isTree(v: string | readonly string[] | KeyTree): v is KeyTree {
  return typeof v === 'object' && !Array.isArray(v);
}

function renderTree(tree: KeyTree, indent: number, unit: number): string[] {
  const lines: string[] = [];
  const pad = ' '.repeat(indent);
  for (const [key, value] of Object.entries(tree)) {
    if (isTree(value)) {
      lines.push(`${pad}${key}:`);
      lines.push(...renderTree(value, indent + unit, unit));
    } else if (Array.isArray(value)) {
      lines.push(`${pad}${key}: [${value.join(', ')}]`);
    } else {
      lines.push(`${pad}${key}: ${value as string}`);
    }
  }
  return lines;
}

/** Whether a map is written in block style with at least one entry (so keys can be appended). */
function isBlockMap(node: unknown): node is YAMLMap {
  return isMap(node) && !node.flow && node.items.length > 0;
}

/** 0-based line where the last entry of a block map ends. */
function lastLineOf(file: YamlFile, map: YAMLMap): number {
  const last = map.items[map.items.length - 1];
  const valueRange = (last.value as { range?: [number, number, number] } | null)?.range;
  const keyR = (last.key as { range?: [number, number, number] } | null)?.range;
  const end = valueRange ? valueRange[1] : keyR ? keyR[1] : 0;
  const start = valueRange ? valueRange[0] : keyR ? keyR[0] : 0;
  return file.index.positionAt(Math.max(start, end - 1)).line;
}

/** Indentation step used under a map: the file's own step when visible, else 2. */
function indentUnit(file: YamlFile, map: YAMLMap): number {
  for (const pair of map.items) {
    const v = deref(pair.value);
    if (isMap(v) && !v.flow && v.items.length > 0) {
      const diff = rangeOf(file, v).start.character - rangeOf(file, map).start.character;
      if (diff > 0) {
        return diff;
      }
    }
  }
  return 2;
}

/** Insert keys at the end of a block map, at its indentation. Undefined for flow maps. */
export function appendToMap(file: YamlFile, map: unknown, tree: KeyTree): TextEdit | undefined {
  if (!isBlockMap(map)) {
    return undefined;
  }
  const column = rangeOf(file, map).start.character;
  const lines = renderTree(tree, column, indentUnit(file, map));
  const eol = file.index.eol;
  const line = lastLineOf(file, map);
  if (line + 1 < file.index.lineCount) {
    const at = file.index.positionAt(file.index.lineStartOffset(line + 1));
    return { range: { start: at, end: at }, newText: lines.map((l) => l + eol).join('') };
  }
  const at = file.index.positionAt(file.index.lineEndOffset(line));
  return { range: { start: at, end: at }, newText: lines.map((l) => eol + l).join('') };
}

/**
 * Edits that make `map` contain every key of `tree`, descending into existing block maps and
 * inserting only what is missing. Existing values are never changed. Undefined when an insertion
 * point is a flow map or a non-map value is in the way.
 */
export function ensureKeys(file: YamlFile, map: unknown, tree: KeyTree, doc?: Document): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  const missing: KeyTree = {};
  for (const [key, value] of Object.entries(tree)) {
    const pair = getPair(map, key, doc);
    if (!pair) {
      missing[key] = value;
      continue;
    }
    if (isTree(value)) {
      const existing = deref(pair.value, doc);
      if (existing === null || existing === undefined || (isScalar(existing) && (existing.value === null || existing.value === undefined))) {
        return undefined;
      }
      const inner = ensureKeys(file, existing, value, doc);
      if (!inner) {
        return undefined;
      }
      edits.push(...inner);
    }
  }
  if (Object.keys(missing).length > 0) {
    const edit = appendToMap(file, map, missing);
    if (!edit) {
      return undefined;
    }
    edits.push(edit);
  }
  return edits;
}

/** Replace the text of a scalar value node. */
export function replaceNode(file: YamlFile, node: unknown, newText: string): TextEdit | undefined {
  const r = (node as { range?: [number, number, number] } | undefined)?.range;
  if (!r || !isScalar(node)) {
    return undefined;
  }
  return { range: file.index.range(r[0], r[1]), newText };
}

/**
 * Edits that set `container.securityContext.<key>` (or a nested path) to `value`: replace an
 * existing scalar, else insert the missing keys.
 */
export function setIn(file: YamlFile, map: unknown, path: readonly string[], value: string, doc?: Document): TextEdit[] | undefined {
  let node: unknown = map;
  for (let i = 0; i < path.length; i++) {
    const pair = getPair(node, path[i], doc);
    if (!pair) {
      let tree: KeyTree | string = value;
      for (let j = path.length - 1; j > i; j--) {
        tree = { [path[j]]: tree };
      }
      return ensureKeys(file, node, { [path[i]]: tree }, doc);
    }
    if (i === path.length - 1) {
      const e = replaceNode(file, deref(pair.value, doc), value);
      return e ? [e] : undefined;
    }
    node = deref(pair.value, doc);
    if (!isMap(node)) {
      return undefined;
    }
  }
  return undefined;
}

/** Workloads in a folder, with the file they come from, for cross-file rules. */
export interface Located {
  file: FolderFile<YamlFile>;
  resource: K8sResource;
}

/** Every resource of every file of a folder. */
export function folderResources(files: readonly FolderFile<YamlFile>[]): Located[] {
  const out: Located[] = [];
  for (const file of files) {
    for (const resource of k8s(file.model).resources) {
      out.push({ file, resource });
    }
  }
  return out;
}

/** Two resources can see each other: same namespace, where an unset namespace matches any. */
export function sameNamespace(a: K8sResource, b: K8sResource): boolean {
  return a.namespace === undefined || b.namespace === undefined || a.namespace === b.namespace;
}

/** Strings of a sequence of scalars. */
export function strings(node: unknown, doc?: Document): string[] {
  const n = deref(node, doc);
  if (isSeq(n)) {
    return n.items.map((i) => str(deref(i, doc)) ?? '').filter((s) => s !== '');
  }
  const s = str(n);
  return s !== undefined ? [s] : [];
}

/** Common equivalents, spelled once. */
export function eq(tool: Equivalent['tool'], id: string): Equivalent {
  return { tool, id };
}

/** Names that describe where or how to authenticate, not a credential (AUTH_URL, OIDC_ISSUER). */
const LOCATOR_NAME = /([_.-]|^)(url|uri|host|hostname|endpoint|issuer|domain|realm|provider|audience|scopes?|server|address|addr|port|header|enabled|mode|method|type|ttl)$/i;

/**
 * Names whose last words hold a credential. Settings that merely mention auth in the middle
 * (GF_AUTH_ANONYMOUS_ORG_ROLE, AUTH_LDAP_ALLOW_SIGN_UP) are configuration, not secrets.
 */
const CREDENTIAL_ENDING = /(^|[_.-])(pass(word|wd|phrase)?|pwd|secret|token|api[_.-]?key|apikey|access[_.-]?key|private[_.-]?key|secret[_.-]?key([_.-]base)?|signing[_.-]?key|encryption[_.-]?key|master[_.-]?key|client[_.-]?secret|auth|credentials?|conn(ection)?[_.-]?str(ing)?|dsn|webhook[_.-]?url|key[_.-]?secret)$/i;

/** Whether a variable or key name denotes a credential (ends with a credential word, locates nothing). */
export function isCredentialName(name: string): boolean {
  const snake = name.replace(/([a-z])([A-Z])/g, '$1_$2');
  return isSecretName(name) && CREDENTIAL_ENDING.test(snake) && (!LOCATOR_NAME.test(snake) || /webhook[_.-]?url$/i.test(snake));
}

/**
 * Why `name: value` is a literal secret (see shared literalSecret), counting a name only when it
 * ends with a credential word and does not just locate authentication; a credential format in
 * the value still counts whatever the name.
 */
export function literalSecretIn(name: string, value: string): string | undefined {
  const reason = literalSecret(name, value);
  const snake = name.replace(/([a-z])([A-Z])/g, '$1_$2');
  if (reason === 'secret-like name' && ((LOCATOR_NAME.test(snake) && !/webhook[_.-]?url$/i.test(snake)) || !CREDENTIAL_ENDING.test(snake))) {
    return undefined;
  }
  return reason;
}
