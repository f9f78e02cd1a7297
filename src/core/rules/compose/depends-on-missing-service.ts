import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { bool, get, isScalar, isSeq, rangeOf, str } from '../../parsers/yaml';
import { composeServices, isOverrideFile, isPartial, reportOnce } from './model';
import { mergedEntries, mergedEntry } from '../shared/yamlMerge';
import { closest } from '../shared/suggest';

/** The message for a dependency on a service that is not defined. */
export function message(service: string, missing: string, suggestion?: string): string {
  return `Service '${service}' depends on '${missing}', which is not a service of this file: Compose refuses to start${suggestion ? `; did you mean '${suggestion}'?` : ''}`;
}

/**
 * `depends_on` (list or map form) must name services of the file. Files that take services
 * from elsewhere — a top-level `include:`, or override files whose services are only partly
 * defined — are not judged, since the dependency may live in the other file.
 */
export const rule: Rule<YamlFile> = {
  id: 'compose/depends-on-missing-service',
  meta: {
    title: 'depends_on names a missing service',
    description: 'A `depends_on` entry that names no service of the project makes `docker compose up` fail with "depends on undefined service".',
    severity: 'error',
    kind: 'compose',
    fixable: false,
  },
  check(ctx) {
    const report = reportOnce(ctx);
    const all = composeServices(ctx.model);
    if (all.some(isPartial) || isOverrideFile(ctx.path, ctx.env) || ctx.model.documents.some((d) => get(d.contents, 'include', d) !== undefined)) {
      return;
    }
    const names = all.map((s) => s.name);
    for (const service of all) {
      const deps = mergedEntry(service.node, 'depends_on', service.doc)?.value;
      const refs: { name: string; node: unknown }[] = [];
      if (isSeq(deps)) {
        for (const item of deps.items) {
          const name = str(item);
          if (name !== undefined && isScalar(item)) {
            refs.push({ name, node: item });
          }
        }
      } else {
        for (const entry of mergedEntries(deps, service.doc)) {
          // `required: false` declares an optional dependency (Compose 2.20+)
          if (bool(mergedEntry(entry.value, 'required', service.doc)?.value) === false) {
            continue;
          }
          refs.push({ name: entry.key, node: entry.pair.key });
        }
      }
      for (const ref of refs) {
        if (!names.includes(ref.name)) {
          report({ range: rangeOf(ctx.model, ref.node), message: message(service.name, ref.name, closest(ref.name, names)) });
        }
      }
    }
  },
};
