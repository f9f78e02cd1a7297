import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { appendToService, composeServices, isOneShot, judgeMissing, nestedValue, serviceAttr, serviceKeyRange } from './model';

/** The message for a long-running service without a restart policy. */
export function message(service: string): string {
  return `Service '${service}' has no restart policy: after a crash or a host reboot it stays down; set restart: unless-stopped (or deploy.restart_policy)`;
}

/** Long-running services should come back after a crash or a reboot. */
export const rule: Rule<YamlFile> = {
  id: 'compose/no-restart-policy',
  meta: {
    title: 'Service has no restart policy',
    description: 'The default restart policy is "no": a crashed container or one stopped by a daemon restart stays down until someone notices.',
    severity: 'info',
    kind: 'compose',
    fixable: true,
  },
  check(ctx) {
    const all = composeServices(ctx.model);
    for (const service of all) {
      if (!judgeMissing(ctx, service) || serviceAttr(service, 'restart', all) !== undefined || isOneShot(service, all)) {
        continue;
      }
      const deploy = serviceAttr(service, 'deploy', all);
      if (deploy === 'unknown' || (deploy && nestedValue(deploy.value, ['restart_policy'], service.doc) !== undefined)) {
        continue;
      }
      const edit = appendToService(ctx.model, service, ['restart: unless-stopped']);
      ctx.report({
        range: serviceKeyRange(ctx.model, service),
        message: message(service.name),
        fix: edit ? { title: 'Add restart: unless-stopped', safe: false, edits: [edit] } : undefined,
      });
    }
  },
};
