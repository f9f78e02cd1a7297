import { terraformRule } from './support/rule';
import { listOf, num, str } from './support/values';

/** The message for a firewall rule opening admin ports or everything to the internet. */
export function message(name: string, what: string): string {
  return `Firewall '${name}' allows ${what} from 0.0.0.0/0: restrict source_ranges to known networks, or use IAP TCP forwarding (35.235.240.0/20)`;
}

function portsCover(ports: readonly string[], port: number): boolean {
  return ports.some((p) => {
    const m = /^(\d+)(?:-(\d+))?$/.exec(p.trim());
    return !!m && Number(m[1]) <= port && port <= Number(m[2] ?? m[1]);
  });
}

/** GCP firewall rules must not open SSH, RDP or every port to the world. */
export const rule = terraformRule({
  id: 'terraform/gcp-firewall-open-to-world',
  meta: {
    title: 'GCP firewall open to the internet',
    description: 'An ingress firewall rule from 0.0.0.0/0 allowing all protocols, all ports, SSH (22) or RDP (3389) exposes every matching VM to internet-wide scanning.',
    severity: 'error',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_GCP_2' }, { tool: 'checkov', id: 'CKV_GCP_3' }, { tool: 'tfsec', id: 'google-compute-no-public-ingress' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const fw of mod.resources('google_compute_firewall')) {
      const direction = str(mod.attr(fw, 'direction')?.value);
      if ((direction && direction !== 'INGRESS') || mod.attr(fw, 'disabled')?.value.value === true) {
        continue;
      }
      const sources = mod.attr(fw, 'source_ranges');
      if (!sources || !(listOf(sources.value) ?? []).some((v) => ['0.0.0.0/0', '::/0'].includes(str(v) ?? ''))) {
        continue;
      }
      let what: string | undefined;
      for (const allow of mod.nested(fw, 'allow')) {
        const protocol = str(mod.attr(allow, 'protocol')?.value)?.toLowerCase();
        const portsAttr = mod.attr(allow, 'ports');
        const ports = portsAttr ? listOf(portsAttr.value)?.map((v) => str(v) ?? (num(v) !== undefined ? String(num(v)) : '?')) : [];
        if (protocol === undefined || ports === undefined) {
          continue;
        }
        if (protocol === 'all' || ((protocol === 'tcp' || protocol === '6') && (ports.length === 0 || portsCover(ports, 0) && portsCover(ports, 65535)))) {
          what = 'every port';
        } else if (protocol === 'tcp' || protocol === '6') {
          what = portsCover(ports, 22) ? 'SSH (22)' : portsCover(ports, 3389) ? 'RDP (3389)' : what;
        }
      }
      if (what) {
        ctx.report(sources.attr, { range: ctx.at(sources.attr), message: message(fw.labels[1] ?? '', what) });
      }
    }
  },
});
