import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf, seqItems, str } from '../../parsers/yaml';
import { describeContainer, get } from '../../parsers/kubernetes';
import { eq, forEachContainer } from './util';

/** Capabilities that amount to root on the node. */
const CRITICAL = new Set(['ALL', 'SYS_ADMIN', 'SYS_MODULE', 'SYS_PTRACE', 'SYS_RAWIO', 'DAC_READ_SEARCH', 'BPF']);
/** Capabilities that widen the attack surface a lot. */
const RISKY = new Set(['NET_ADMIN', 'NET_RAW', 'SYS_BOOT', 'SYS_TIME', 'MAC_ADMIN', 'MAC_OVERRIDE', 'PERFMON', 'SYSLOG', 'SETFCAP', 'DAC_OVERRIDE', 'SYS_CHROOT', 'LINUX_IMMUTABLE']);
/** Every capability this rule reports (other rules leave them to it). */
export const DANGEROUS_CAPABILITIES: readonly string[] = [...CRITICAL, ...RISKY];

/** The message for a dangerous added capability. */
export function message(container: string, cap: string): string {
  return cap === 'ALL'
    ? `The ${container} adds ALL capabilities, which is nearly the same as privileged: add only the ones it needs`
    : `The ${container} adds ${cap}, which lets a compromised process attack the node or its network: remove it or isolate the workload`;
}

/** `capabilities.add` containing ALL, SYS_ADMIN, NET_RAW or another dangerous capability. */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/dangerous-capabilities',
  meta: {
    title: 'Container adds a dangerous capability',
    description: 'Capabilities such as SYS_ADMIN, SYS_MODULE, SYS_PTRACE or ALL give a container what it needs to escape to the node; NET_RAW and NET_ADMIN allow spoofing and rerouting traffic of other pods.',
    severity: 'error',
    kind: 'kubernetes',
    fixable: false,
    equivalents: [eq('checkov', 'CKV_K8S_39'), eq('checkov', 'CKV_K8S_25'), eq('polaris', 'dangerousCapabilities'), eq('polaris', 'insecureCapabilities')],
  },
  check(ctx) {
    forEachContainer(ctx.model, (r, _pod, c) => {
      const add = get(get(get(c.node, 'securityContext', r.doc), 'capabilities', r.doc), 'add', r.doc);
      for (const item of seqItems(add, r.doc)) {
        const raw = str(item);
        if (!raw) {
          continue;
        }
        const cap = raw.toUpperCase().replace(/^CAP_/, '');
        if (CRITICAL.has(cap) || RISKY.has(cap)) {
          ctx.report({ range: rangeOf(ctx.model, item), message: message(describeContainer(c), cap), severity: CRITICAL.has(cap) ? 'error' : 'warning' });
        }
      }
    });
  },
};
