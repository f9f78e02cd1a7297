import type { Document } from 'yaml';
import type { YamlFile } from '../../parsers/yaml';
import { getPair } from '../../parsers/kubernetes';
import type { K8sContainer } from '../../parsers/kubernetes';
import type { Fix } from '../../types';
import { ensureKeys } from './util';
import type { KeyTree } from './util';

/** Whether the container defines the probe. */
export function hasProbe(c: K8sContainer, doc: Document, probe: 'readinessProbe' | 'livenessProbe'): boolean {
  return getPair(c.node, probe, doc) !== undefined;
}

/** The probe skeleton for the container's first port: httpGet for an http-named port, else tcpSocket. */
export function probeTree(c: K8sContainer, probe: 'readinessProbe' | 'livenessProbe'): KeyTree | undefined {
  const port = c.ports.find((p) => p.containerPort !== undefined || p.name);
  if (!port) {
    return undefined;
  }
  const ref = port.name ?? String(port.containerPort);
  const timing: KeyTree = probe === 'readinessProbe' ? { periodSeconds: '10' } : { initialDelaySeconds: '10', periodSeconds: '20', failureThreshold: '3' };
  const http = port.name !== undefined && /^(http|https|web)(-|$)/i.test(port.name);
  const action: KeyTree = http ? { httpGet: { path: '/healthz', port: ref } } : { tcpSocket: { port: ref } };
  return { [probe]: { ...action, ...timing } };
}

/** Insert a probe skeleton on the first container port (only when the container has a port). */
export function probeFix(file: YamlFile, c: K8sContainer, doc: Document, probe: 'readinessProbe' | 'livenessProbe'): Fix | undefined {
  const tree = probeTree(c, probe);
  if (!tree) {
    return undefined;
  }
  const edits = ensureKeys(file, c.node, tree, doc);
  if (!edits || edits.length === 0) {
    return undefined;
  }
  return { title: `Add a ${probe} skeleton (adjust the endpoint)`, safe: false, edits };
}
