import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf, seqItems, str } from '../../parsers/yaml';
import { composeServices, reportOnce } from './model';
import { mergedEntry } from '../shared/yamlMerge';

/** The message for a security option that turns confinement off. */
export function message(service: string, option: string): string {
  return `Service '${service}' sets security_opt '${option}', which turns off a kernel confinement layer; keep the default profile or ship a custom one that allows only what is needed`;
}

/** Whether a `security_opt` entry disables seccomp, AppArmor, SELinux labels or masked paths. */
export function isUnconfined(option: string): boolean {
  const o = option.trim().toLowerCase().replace(/\s+/g, '');
  return /^(seccomp|apparmor)[:=]unconfined$/.test(o) || /^label[:=]disable$/.test(o) || /^systempaths[:=]unconfined$/.test(o);
}

/** seccomp/apparmor `unconfined` (and SELinux `label:disable`) remove default protections. */
export const rule: Rule<YamlFile> = {
  id: 'compose/unconfined-security-opt',
  meta: {
    title: 'Security profile disabled',
    description: '`security_opt` entries such as `seccomp:unconfined`, `apparmor:unconfined` or `label:disable` remove the kernel filters that block most container escapes.',
    severity: 'warning',
    kind: 'compose',
    fixable: false,
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const service of composeServices(ctx.model)) {
      const options = mergedEntry(service.node, 'security_opt', service.doc)?.value;
      for (const item of seqItems(options, service.doc)) {
        const value = str(item);
        if (value !== undefined && isUnconfined(value)) {
          report({ range: rangeOf(ctx.model, item), message: message(service.name, value.trim()) });
        }
      }
    }
  },
};
