import { terraformRule } from './support/rule';
import type { BlockInstance } from './support/values';
import { listOf, str } from './support/values';

const ANY_SOURCE = new Set(['*', '0.0.0.0/0', '0.0.0.0', 'internet', 'any', '::/0']);

/** The message for an NSG rule opening SSH, RDP or everything to the internet. */
export function message(name: string, what: string): string {
  return `Security rule '${name}' allows ${what} from the internet: restrict the source to known ranges, or use Azure Bastion / just-in-time access`;
}

function covers(range: string, port: number): boolean {
  if (range.trim() === '*') {
    return true;
  }
  const m = /^(\d+)(?:-(\d+))?$/.exec(range.trim());
  return !!m && Number(m[1]) <= port && port <= Number(m[2] ?? m[1]);
}

/** Azure network security rules must not open SSH, RDP or all ports to any source. */
export const rule = terraformRule({
  id: 'terraform/azure-nsg-open-admin-port',
  meta: {
    title: 'Azure NSG rule open to the internet',
    description: 'An inbound Allow rule from * or Internet to port 22, 3389 or * puts remote administration of the VMs in reach of the whole internet.',
    severity: 'error',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_AZURE_10' }, { tool: 'checkov', id: 'CKV_AZURE_9' }, { tool: 'tfsec', id: 'azure-network-no-public-ingress' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    const consider = (name: string, r: BlockInstance): void => {
      if (str(mod.attr(r, 'direction')?.value)?.toLowerCase() !== 'inbound' || str(mod.attr(r, 'access')?.value)?.toLowerCase() !== 'allow') {
        return;
      }
      const src = mod.attr(r, 'source_address_prefix') ?? mod.attr(r, 'source_address_prefixes');
      if (!src || !(listOf(src.value) ?? []).some((v) => ANY_SOURCE.has((str(v) ?? '').toLowerCase()))) {
        return;
      }
      const ports = [mod.attr(r, 'destination_port_range'), mod.attr(r, 'destination_port_ranges')].flatMap((a) => listOf(a?.value) ?? []).map((v) => str(v)).filter((v): v is string => v !== undefined);
      const what = ports.some((p) => p.trim() === '*' || covers(p, 0) && covers(p, 65535)) ? 'every port' : ports.some((p) => covers(p, 22)) ? 'SSH (22)' : ports.some((p) => covers(p, 3389)) ? 'RDP (3389)' : undefined;
      if (what) {
        ctx.report(src.attr, { range: ctx.at(src.attr), message: message(name, what) });
      }
    };
    for (const r of mod.resources('azurerm_network_security_rule')) {
      consider(r.labels[1] ?? '', { block: r, bindings: new Map() });
    }
    for (const g of mod.resources('azurerm_network_security_group')) {
      for (const r of mod.nested(g, 'security_rule')) {
        consider(str(mod.attr(r, 'name')?.value) ?? g.labels[1] ?? '', r);
      }
    }
  },
});
