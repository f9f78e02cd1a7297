import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { bool, rangeOf } from '../../parsers/yaml';
import { composeServices, reportOnce } from './model';
import { mergedEntry } from '../shared/yamlMerge';

/** The message for a privileged service. */
export function message(service: string): string {
  return `Service '${service}' runs privileged: the container gets every capability and all host devices, so a compromise is a host compromise; grant only the capabilities or devices it needs`;
}

/** `privileged: true` turns off container isolation. */
export const rule: Rule<YamlFile> = {
  id: 'compose/privileged',
  meta: {
    title: 'Service runs privileged',
    description: 'A privileged container has all capabilities, sees all host devices and is not confined by seccomp or AppArmor.',
    severity: 'warning',
    kind: 'compose',
    fixable: false,
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const service of composeServices(ctx.model)) {
      const entry = mergedEntry(service.node, 'privileged', service.doc);
      if (entry && bool(entry.value) === true) {
        report({ range: rangeOf(ctx.model, entry.pair.key), message: message(service.name) });
      }
    }
  },
};
