import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf, str } from '../../parsers/yaml';
import type { Range } from '../../types';
import { composeServices } from './model';
import { mergedEntry } from '../shared/yamlMerge';

/** The message for a container name already used by another service. */
export function message(service: string, name: string, first: string): string {
  return `Service '${service}' uses container_name '${name}', already used by service '${first}': the second container fails to start; give each service its own name or drop container_name`;
}

/** Container names are unique per Docker host. */
export const rule: Rule<YamlFile> = {
  id: 'compose/duplicate-container-name',
  meta: {
    title: 'Duplicate container_name',
    description: 'Two services with the same `container_name` cannot both run: Docker refuses to create the second container.',
    severity: 'error',
    kind: 'compose',
    fixable: false,
  },
  check(ctx) {
    const seen = new Map<string, { service: string; range: Range }>();
    for (const service of composeServices(ctx.model)) {
      const entry = mergedEntry(service.node, 'container_name', service.doc);
      const name = str(entry?.value);
      if (!entry || !name) {
        continue;
      }
      const range = rangeOf(ctx.model, entry.value);
      const first = seen.get(name);
      if (!first) {
        seen.set(name, { service: service.name, range });
        continue;
      }
      ctx.report({
        range,
        message: message(service.name, name, first.service),
        related: [{ path: ctx.path, range: first.range, message: `'${name}' first used by service '${first.service}'` }],
      });
    }
  },
};
