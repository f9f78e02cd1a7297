import type { HclAttribute } from '../../../parsers/terraform';
import type { BlockInstance, TfModule, TfValue } from './values';
import { listOf, num, str } from './values';

/** One ingress rule open to the world, from any of the ways AWS security groups are written. */
export interface OpenIngress {
  /** Where the rule is written: the resource or inline block owning it. */
  owner: string;
  /** The attribute holding the world-open CIDR (where findings go). */
  cidrAttr: HclAttribute;
  cidr: string;
  /** Protocol as written, lower-cased ('-1' and 'all' mean every protocol). */
  protocol: string;
  from: number;
  to: number;
}

const WORLD = new Set(['0.0.0.0/0', '::/0', '0.0.0.0', '::']);

/** Whether the ingress covers every port (any protocol -1/all, or 0-65535). */
export function allPorts(r: OpenIngress): boolean {
  return r.protocol === '-1' || r.protocol === 'all' || ((r.protocol === 'tcp' || r.protocol === '6') && r.from <= 0 && r.to >= 65535);
}

/** Whether a TCP port is in the ingress range (ignoring all-ports rules, reported on their own). */
export function coversPort(r: OpenIngress, port: number): boolean {
  return !allPorts(r) && (r.protocol === 'tcp' || r.protocol === '6') && r.from <= port && port <= r.to;
}

function protocolOf(v: TfValue | undefined): string | undefined {
  const s = str(v) ?? (num(v) !== undefined ? String(num(v)) : undefined);
  return s?.toLowerCase();
}

/** World-open ingress rules of aws_security_group (inline, also dynamic), aws_security_group_rule and aws_vpc_security_group_ingress_rule. */
export function openIngress(mod: TfModule): OpenIngress[] {
  const out: OpenIngress[] = [];
  const consider = (owner: string, inst: BlockInstance, cidrAttrs: readonly string[], protocolAttr: string): void => {
    const protocol = protocolOf(mod.attr(inst, protocolAttr)?.value);
    if (protocol === undefined) {
      return;
    }
    const everything = protocol === '-1' || protocol === 'all';
    const from = everything ? 0 : num(mod.attr(inst, 'from_port')?.value);
    const to = everything ? 65535 : num(mod.attr(inst, 'to_port')?.value);
    if (from === undefined || to === undefined) {
      return;
    }
    for (const name of cidrAttrs) {
      const a = mod.attr(inst, name);
      const world = (listOf(a?.value) ?? []).map((v) => str(v)).find((c) => c !== undefined && WORLD.has(c.trim()));
      if (a && world) {
        out.push({ owner, cidrAttr: a.attr, cidr: world, protocol, from: from < 0 ? 0 : from, to: to < 0 ? 65535 : to });
        return;
      }
    }
  };
  for (const sg of mod.resources('aws_security_group', 'aws_default_security_group')) {
    for (const ing of mod.nested(sg, 'ingress')) {
      consider(sg.labels[1] ?? '', ing, ['cidr_blocks', 'ipv6_cidr_blocks'], 'protocol');
    }
  }
  for (const r of mod.resources('aws_security_group_rule')) {
    if (str(mod.attr(r, 'type')?.value) === 'ingress') {
      consider(r.labels[1] ?? '', { block: r, bindings: new Map() }, ['cidr_blocks', 'ipv6_cidr_blocks'], 'protocol');
    }
  }
  for (const r of mod.resources('aws_vpc_security_group_ingress_rule')) {
    consider(r.labels[1] ?? '', { block: r, bindings: new Map() }, ['cidr_ipv4', 'cidr_ipv6'], 'ip_protocol');
  }
  return out;
}
