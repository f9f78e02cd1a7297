import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { mapEntries } from '../../parsers/yaml';
import { appendToService, composeServices, judgeMissing, nestedValue, serviceAttr, serviceKeyRange } from './model';

/** The message for a service without memory or CPU limits. */
export function message(service: string): string {
  return `Service '${service}' has no memory or CPU limit: one runaway container can starve the host; set deploy.resources.limits (or mem_limit and cpus)`;
}

const DEFAULT_CPUS = '0.50';
const DEFAULT_MEMORY = '512M';

/** Services should cap the memory and CPU they can take from the host. */
export const rule: Rule<YamlFile> = {
  id: 'compose/no-resource-limits',
  meta: {
    title: 'Service has no resource limits',
    description: 'Without `deploy.resources.limits` (or `mem_limit`/`cpus`) a leaking or busy container can take all memory and CPU of the host and its neighbours.',
    severity: 'info',
    kind: 'compose',
    fixable: true,
  },
  check(ctx) {
    const all = composeServices(ctx.model);
    for (const service of all) {
      if (!judgeMissing(ctx, service)) {
        continue;
      }
      const flat = ['mem_limit', 'cpus', 'cpu_quota', 'memswap_limit'].map((k) => serviceAttr(service, k, all));
      const deploy = serviceAttr(service, 'deploy', all);
      if (deploy === 'unknown' || flat.includes('unknown') || flat.some((a) => a !== undefined)) {
        continue;
      }
      const limits = deploy ? nestedValue(deploy.value, ['resources', 'limits'], service.doc) : undefined;
      if (mapEntries(limits, service.doc).length > 0) {
        continue;
      }
      const defaults = ctx.config.resourceDefaults;
      const edit = deploy
        ? undefined
        : appendToService(ctx.model, service, [
            'deploy:',
            '  resources:',
            '    limits:',
            `      cpus: "${defaults?.limitsCpu ?? DEFAULT_CPUS}"`,
            `      memory: ${defaults?.limitsMemory ?? DEFAULT_MEMORY}`,
          ]);
      ctx.report({
        range: serviceKeyRange(ctx.model, service),
        message: message(service.name),
        fix: edit ? { title: 'Add deploy.resources.limits', safe: false, edits: [edit] } : undefined,
      });
    }
  },
};
