import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { get, isMap, isScalar, rangeOf, seqItems, str } from '../../parsers/yaml';
import { composeServices, isOverrideFile, isPartial, reportOnce } from './model';
import { mergedEntries, mergedEntry } from '../shared/yamlMerge';
import { closest } from '../shared/suggest';

/** The kinds of top-level resources a service can refer to. */
export type ResourceKind = 'volume' | 'network' | 'secret' | 'config';

/** The message for a reference to a top-level resource the file does not declare. */
export function message(service: string, kind: ResourceKind, name: string, suggestion?: string): string {
  return `Service '${service}' uses ${kind} '${name}', which is not declared under top-level '${kind}s:': Compose refuses to start${suggestion ? `; did you mean '${suggestion}'?` : `; declare it under ${kind}s:`}`;
}

/** The named volume of a short-syntax mount (`name:/path[:mode]`), if it names one. */
export function namedVolume(spec: string): string | undefined {
  const source = spec.split(':')[0];
  if (spec.split(':').length < 2 || source === '' || /^[./~$\\]/.test(source) || source.includes('/') || /^[A-Za-z]$/.test(source)) {
    return undefined;
  }
  return source;
}

/**
 * Named volumes, networks, secrets and configs used by services must be declared at the top
 * level. Files that take them from elsewhere (`include:`, override files, partial services)
 * are not judged.
 */
export const rule: Rule<YamlFile> = {
  id: 'compose/undefined-resource',
  meta: {
    title: 'Undefined volume, network, secret or config',
    description: 'A service that uses a named volume, network, secret or config not declared in the top-level section makes `docker compose up` fail.',
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
    const declared = new Map<ResourceKind, string[]>();
    for (const kind of ['volume', 'network', 'secret', 'config'] as const) {
      const names: string[] = kind === 'network' ? ['default'] : [];
      for (const doc of ctx.model.documents) {
        names.push(...mergedEntries(get(doc.contents, `${kind}s`, doc), doc).map((e) => e.key));
      }
      declared.set(kind, names);
    }
    for (const service of all) {
      const doc = service.doc;
      const uses: { kind: ResourceKind; name: string; node: unknown }[] = [];
      for (const item of seqItems(mergedEntry(service.node, 'volumes', doc)?.value, doc)) {
        if (isScalar(item)) {
          const name = namedVolume(str(item) ?? '');
          if (name) {
            uses.push({ kind: 'volume', name, node: item });
          }
        } else if (isMap(item) && (str(mergedEntry(item, 'type', doc)?.value) ?? 'volume') === 'volume') {
          const source = mergedEntry(item, 'source', doc);
          const name = str(source?.value);
          if (source && name && !name.includes('$')) {
            uses.push({ kind: 'volume', name, node: source.value });
          }
        }
      }
      const networks = mergedEntry(service.node, 'networks', doc)?.value;
      for (const item of seqItems(networks, doc)) {
        const name = str(item);
        if (name) {
          uses.push({ kind: 'network', name, node: item });
        }
      }
      for (const entry of mergedEntries(networks, doc)) {
        uses.push({ kind: 'network', name: entry.key, node: entry.pair.key });
      }
      for (const kind of ['secret', 'config'] as const) {
        for (const item of seqItems(mergedEntry(service.node, `${kind}s`, doc)?.value, doc)) {
          const node = isScalar(item) ? item : mergedEntry(item, 'source', doc)?.value;
          const name = str(node);
          if (name) {
            uses.push({ kind, name, node });
          }
        }
      }
      for (const use of uses) {
        const names = declared.get(use.kind) ?? [];
        if (!names.includes(use.name) && !use.name.includes('$')) {
          report({ range: rangeOf(ctx.model, use.node), message: message(service.name, use.kind, use.name, closest(use.name, names)) });
        }
      }
    }
  },
};
