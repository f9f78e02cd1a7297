import type { Document } from 'yaml';
import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { str } from '../../parsers/yaml';
import { describeContainer, get, getPair } from '../../parsers/kubernetes';
import type { K8sContainer } from '../../parsers/kubernetes';
import type { Equivalent } from '../../rule';
import type { Fix, ResourceDefaults, Severity } from '../../types';
import { controlPlaneStaticPod, ensureKeys, forEachContainer } from './util';
import type { KeyTree } from './util';
import { KeptOn } from '../../memo';

/** Defaults inserted by the resources fix when the configuration gives none. */
export const DEFAULT_RESOURCES: ResourceDefaults = { requestsCpu: '100m', requestsMemory: '128Mi', limitsCpu: '500m', limitsMemory: '256Mi' };

/** Which resource value a rule checks. */
export interface ResourceCheck {
  section: 'requests' | 'limits';
  resource: 'cpu' | 'memory';
}

function value(c: K8sContainer, doc: Document, section: string, resource: string): string | undefined {
  return str(get(get(get(c.node, 'resources', doc), section, doc), resource, doc));
}

/** Whether the container sets the value (a request defaults to the limit when only the limit is set). */
export function hasResource(c: K8sContainer, doc: Document, check: ResourceCheck): boolean {
  if (value(c, doc, check.section, check.resource) !== undefined) {
    return true;
  }
  return check.section === 'requests' && value(c, doc, 'limits', check.resource) !== undefined;
}

/**
 * The fix shared by the four resource rules: insert every missing request and limit at once.
 * A missing limit takes the container's own request when there is one (a default smaller than
 * the request would be rejected), and a request is only added where no limit exists.
 */
export function resourcesFix(file: YamlFile, c: K8sContainer, doc: Document, defaults: ResourceDefaults): Fix | undefined {
  // the four resource rules offer the same fix for a container: compute it once per analysis
  const cached = fixCache.get(c.node);
  if (cached && cached.file === file && cached.defaults === defaults) {
    return cached.fix;
  }
  const fix = computeResourcesFix(file, c, doc, defaults);
  fixCache.set(c.node, { file, defaults, fix });
  return fix;
}

const fixCache = new KeptOn<object, { file: YamlFile; defaults: ResourceDefaults; fix: Fix | undefined }>();

function computeResourcesFix(file: YamlFile, c: K8sContainer, doc: Document, defaults: ResourceDefaults): Fix | undefined {
  const requests: KeyTree = {};
  const limits: KeyTree = {};
  for (const resource of ['cpu', 'memory'] as const) {
    const req = value(c, doc, 'requests', resource);
    const lim = value(c, doc, 'limits', resource);
    if (req === undefined && lim === undefined) {
      requests[resource] = resource === 'cpu' ? defaults.requestsCpu : defaults.requestsMemory;
    }
    if (lim === undefined) {
      limits[resource] = req ?? (resource === 'cpu' ? defaults.limitsCpu : defaults.limitsMemory);
    }
  }
  const tree: KeyTree = {};
  if (Object.keys(requests).length > 0) {
    tree.requests = requests;
  }
  if (Object.keys(limits).length > 0) {
    tree.limits = limits;
  }
  const resourcesPair = getPair(c.node, 'resources', doc);
  const edits = ensureKeys(file, c.node, { resources: tree }, doc);
  if (!edits || edits.length === 0 || (resourcesPair && !get(c.node, 'resources', doc))) {
    return undefined;
  }
  return { title: 'Add resource requests and limits (review the values)', safe: false, edits };
}

/** The message for a missing request or limit. */
export function message(container: string, check: ResourceCheck): string {
  const what = check.section === 'requests' ? `${check.resource} request` : `${check.resource} limit`;
  const why =
    check.section === 'requests'
      ? 'the scheduler cannot place the pod sensibly and it is evicted first under pressure'
      : check.resource === 'memory'
        ? 'one leaking pod can exhaust the node memory and get its neighbours killed'
        : 'a busy pod can starve its neighbours of CPU';
  return `The ${container} sets no ${what}: ${why}`;
}

/** Build one of the four resource rules. */
export function resourceRule(id: string, check: ResourceCheck, severity: Severity, title: string, description: string, equivalents: Equivalent[]): Rule<YamlFile> {
  return {
    id,
    meta: { title, description, severity, kind: 'kubernetes', fixable: true, equivalents },
    check(ctx) {
      forEachContainer(ctx.model, (r, _pod, c) => {
        // ephemeral (debug) containers may not set resources
        if (c.group === 'ephemeralContainers' || c.image === undefined || hasResource(c, r.doc, check)) {
          return;
        }
        // control-plane static pods: a memory limit OOM-kills the API server or etcd under load,
        // and the kubelet admits them outside scheduling (system-node-critical): only the CPU
        // request (which kubeadm sets) is asked for
        if (controlPlaneStaticPod(r) && !(check.section === 'requests' && check.resource === 'cpu')) {
          return;
        }
        const fix = resourcesFix(ctx.model, c, r.doc, ctx.config.resourceDefaults ?? DEFAULT_RESOURCES);
        ctx.report({ range: c.header, message: message(describeContainer(c), check), fix });
      });
    },
  };
}
