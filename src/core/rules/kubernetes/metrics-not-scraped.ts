import type { FolderRule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { keyRange } from '../../parsers/yaml';
import { selectorMatches } from '../../parsers/kubernetes';
import type { ContainerPort } from '../../parsers/kubernetes';
import { sameNamespace } from './util';
import { describe, indexFolder, serviceSelector } from './folder';

/** Ports of well-known Prometheus exporters. */
const EXPORTER_PORTS = new Set([9100, 9101, 9102, 9104, 9113, 9114, 9115, 9116, 9117, 9121, 9127, 9150, 9187, 9188, 9216, 9253, 9256, 9273, 9308, 9394, 9419, 9540, 9779]);

/** Whether a container port looks like a Prometheus metrics endpoint. */
export function isMetricsPort(p: ContainerPort): boolean {
  if (p.name && /(^|-)(metrics|prom|prometheus|exporter)$/i.test(p.name)) {
    return true;
  }
  return p.containerPort !== undefined && EXPORTER_PORTS.has(p.containerPort);
}

/** The message for metrics that nothing scrapes. */
export function message(resource: string, port: string): string {
  return `${resource} exposes metrics on port ${port}, but nothing scrapes it: add prometheus.io/scrape annotations to the pod template or a ServiceMonitor/PodMonitor next to it`;
}

/**
 * Observability first: a metrics-looking port must be scraped, by pod annotations, by a
 * Service annotated for scraping that selects the pods, or by a ServiceMonitor or PodMonitor in
 * the same folder.
 */
export const rule: FolderRule<YamlFile> = {
  id: 'kubernetes/metrics-not-scraped',
  meta: {
    title: 'Metrics port is not scraped',
    description: 'A workload that exposes Prometheus metrics but is neither annotated for scraping nor selected by a ServiceMonitor or PodMonitor produces metrics nobody collects: dashboards and alerts stay blind to it.',
    severity: 'info',
    kind: 'kubernetes',
    fixable: false,
  },
  checkFolder(ctx) {
    const index = indexFolder(ctx.files);
    if (index.all.some((l) => l.resource.kind === 'ServiceMonitor' || l.resource.kind === 'PodMonitor' || l.resource.kind === 'PodMonitoring' || l.resource.kind === 'VMServiceScrape' || l.resource.kind === 'VMPodScrape')) {
      return;
    }
    const scrapingServices = index.all.filter((l) => l.resource.kind === 'Service' && l.resource.annotations.get('prometheus.io/scrape') === 'true');
    for (const l of index.pods) {
      const r = l.resource;
      const pod = r.pod;
      if (!pod || pod.runsToCompletion || pod.annotations.get('prometheus.io/scrape') === 'true') {
        continue;
      }
      const port = pod.containers.flatMap((c) => (c.group === 'containers' ? c.ports : [])).find(isMetricsPort);
      if (!port) {
        continue;
      }
      const viaService = scrapingServices.some((s) => {
        const selector = serviceSelector(s.resource);
        return selector !== undefined && sameNamespace(s.resource, r) && selectorMatches(selector, pod.labels);
      });
      if (viaService) {
        continue;
      }
      const key = port.name !== undefined ? 'name' : 'containerPort';
      ctx.report(l.file.path, { range: keyRange(l.file.model, port.node, key, r.doc), message: message(describe(r), port.name ?? String(port.containerPort)) });
    }
  },
};
