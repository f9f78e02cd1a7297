import type { HclAttribute } from '../../../parsers/terraform';
import type { BlockInstance, TfModule, TfValue } from './values';
import { entry, listOf, num, str } from './values';

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
  /** One rule, its settings read through `get`; `at` is where a finding goes for a given CIDR attribute. */
  const consider = (owner: string, get: (name: string) => TfValue | undefined, at: (name: string) => HclAttribute | undefined, cidrAttrs: readonly string[], protocolAttr: string): void => {
    const protocol = protocolOf(get(protocolAttr));
    if (protocol === undefined) {
      return;
    }
    const everything = protocol === '-1' || protocol === 'all';
    const from = everything ? 0 : num(get('from_port'));
    const to = everything ? 65535 : num(get('to_port'));
    if (from === undefined || to === undefined) {
      return;
    }
    for (const name of cidrAttrs) {
      const world = (listOf(get(name)) ?? []).map((v) => str(v)).find((c) => c !== undefined && WORLD.has(c.trim()));
      const attr = at(name);
      if (attr && world) {
        out.push({ owner, cidrAttr: attr, cidr: world, protocol, from: from < 0 ? 0 : from, to: to < 0 ? 65535 : to });
        return;
      }
    }
  };
  const ofBlock = (owner: string, inst: BlockInstance, cidrAttrs: readonly string[], protocolAttr: string): void => {
    consider(owner, (n) => mod.attr(inst, n)?.value, (n) => mod.attr(inst, n)?.attr, cidrAttrs, protocolAttr);
  };
  for (const sg of mod.resources('aws_security_group', 'aws_default_security_group')) {
    const owner = sg.labels[1] ?? '';
    for (const ing of mod.nested(sg, 'ingress')) {
      ofBlock(owner, ing, ['cidr_blocks', 'ipv6_cidr_blocks'], 'protocol');
    }
    // `ingress = [{ … }]`: the attributes-as-blocks form; findings go on the `ingress` attribute
    const list = mod.attr(sg, 'ingress');
    for (const item of list?.value.kind === 'list' ? (list.value.items ?? []) : []) {
      const get = (n: string): TfValue | undefined => entry(item, n)?.value;
      consider(owner, get, () => list?.attr, ['cidr_blocks', 'ipv6_cidr_blocks'], 'protocol');
    }
  }
  for (const r of mod.resources('aws_security_group_rule')) {
    if (str(mod.attr(r, 'type')?.value) === 'ingress') {
      ofBlock(r.labels[1] ?? '', { block: r, bindings: new Map() }, ['cidr_blocks', 'ipv6_cidr_blocks'], 'protocol');
    }
  }
  for (const r of mod.resources('aws_vpc_security_group_ingress_rule')) {
    ofBlock(r.labels[1] ?? '', { block: r, bindings: new Map() }, ['cidr_ipv4', 'cidr_ipv6'], 'ip_protocol');
  }
  return out;
}
