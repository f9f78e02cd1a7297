import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf, seqItems, str } from '../../parsers/yaml';
import { composeServices, reportOnce } from './model';
import { mergedEntry } from '../shared/yamlMerge';

/** Capabilities that amount to root on the host, with why. */
const DANGEROUS: Readonly<Record<string, string>> = {
  ALL: 'every capability, which is nearly the same as privileged',
  SYS_ADMIN: 'mount, namespaces and many kernel interfaces, the usual way out of a container',
  SYS_MODULE: 'loading kernel modules, which is code running in the host kernel',
  SYS_RAWIO: 'raw access to devices and I/O ports',
  DAC_READ_SEARCH: 'reading any host file by handle (the "shocker" escape)',
  SYS_PTRACE: 'tracing and injecting code into other processes (with pid: host, the host\'s)',
  BPF: 'loading eBPF programs into the host kernel',
};

/** The message for a dangerous added capability. */
export function message(service: string, capability: string): string {
  return `Service '${service}' adds ${capability}, which grants ${DANGEROUS[capability]}; add only the narrow capabilities it needs`;
}

/** Normalise `CAP_SYS_ADMIN` / `sys_admin` to `SYS_ADMIN`. */
export function capabilityName(value: string): string {
  return value.trim().toUpperCase().replace(/^CAP_/, '');
}

/** `cap_add` of ALL or SYS_ADMIN-class capabilities. */
export const rule: Rule<YamlFile> = {
  id: 'compose/dangerous-capabilities',
  meta: {
    title: 'Service adds a dangerous capability',
    description: '`cap_add: [ALL]`, `SYS_ADMIN`, `SYS_MODULE`, `SYS_RAWIO`, `DAC_READ_SEARCH`, `SYS_PTRACE` or `BPF` let a compromised container take over the host.',
    severity: 'warning',
    kind: 'compose',
    fixable: false,
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const service of composeServices(ctx.model)) {
      const caps = mergedEntry(service.node, 'cap_add', service.doc)?.value;
      for (const item of seqItems(caps, service.doc)) {
        const value = str(item);
        if (value === undefined) {
          continue;
        }
        const cap = capabilityName(value);
        if (DANGEROUS[cap]) {
          report({ range: rangeOf(ctx.model, item), message: message(service.name, cap) });
        }
      }
    }
  },
};
