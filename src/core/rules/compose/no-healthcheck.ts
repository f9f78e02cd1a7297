import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { composeServices, isOneShot, judgeMissing, serviceAttr, serviceKeyRange } from './model';

/** The message for a long-running service without a health check. */
export function message(service: string): string {
  return `Service '${service}' has no healthcheck: Compose reports it "running" while it cannot serve, and dependents cannot wait for it with condition: service_healthy; add a healthcheck (or healthcheck: disable: true if it truly has none)`;
}

/**
 * Long-running services should say how to tell they work. One-shot services (migrations,
 * seeders, CLIs, tests — see `isOneShot`) are skipped, as are partial services of override files.
 */
export const rule: Rule<YamlFile> = {
  id: 'compose/no-healthcheck',
  meta: {
    title: 'Long-running service has no healthcheck',
    description: 'Without a `healthcheck`, a service is "up" as soon as its process starts, so dependents start too early and a hung service is never noticed.',
    severity: 'info',
    kind: 'compose',
    fixable: false,
  },
  check(ctx) {
    const all = composeServices(ctx.model);
    for (const service of all) {
      if (!judgeMissing(ctx, service) || serviceAttr(service, 'healthcheck', all) !== undefined || isOneShot(service, all)) {
        continue;
      }
      ctx.report({ range: serviceKeyRange(ctx.model, service), message: message(service.name) });
    }
  },
};
