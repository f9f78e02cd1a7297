import type { Document } from 'yaml';
import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { isMap, rangeOf, str } from '../../parsers/yaml';
import { literalSecret } from '../shared/secrets';
import { mergedEntries, mergedEntry } from '../shared/yamlMerge';
import { flatSeq, pipelines, reportOnce } from './model';

/** The message for a secret written in `variables:`. */
export function message(owner: string, name: string, reason: string): string {
  const why = reason === 'secret-like name' ? 'has a literal value' : `holds a ${reason}`;
  return `${owner} variable '${name}' ${why}: everyone who can read the repository (and every fork) sees it; store it as a masked, protected CI/CD variable in the project settings or in a secrets manager`;
}

/**
 * Whether a secret-like name is really an address (TOKEN_URL, AUTH_HOST): its plain value is
 * not a secret. Credentials inside such a value are still found by their format.
 */
export function isAddressName(name: string): boolean {
  return /(^|[_.-])(url|uri|host|hostname|endpoint|server|issuer|audience|realm|domain|region)$/i.test(name) && !/webhook/i.test(name);
}

/**
 * Variables that configure a CI service container (`services: [postgres:16]` reads
 * POSTGRES_PASSWORD). The database lives only as long as the job, so a literal throwaway
 * password there is the documented pattern, not a leaked secret; real credential formats
 * are still reported.
 */
export function isServiceContainerSetting(name: string): boolean {
  return /^(POSTGRES|PG|MYSQL|MARIADB|MONGO_INITDB|RABBITMQ_DEFAULT|MSSQL|SA|ELASTIC|OPENSEARCH_INITIAL_ADMIN|MINIO_ROOT|REDIS|KEYCLOAK_ADMIN|CLICKHOUSE)_/i.test(name);
}

/** The `variables:` maps of a job-like node, including those of its `rules:` entries. */
function variableMaps(node: unknown, doc: Document): unknown[] {
  const out = [mergedEntry(node, 'variables', doc)?.value];
  for (const r of flatSeq(mergedEntry(node, 'rules', doc)?.value, doc)) {
    out.push(mergedEntry(r, 'variables', doc)?.value);
  }
  return out.filter((n) => n !== undefined);
}

/** Secrets must not be written in `.gitlab-ci.yml`. */
export const rule: Rule<YamlFile> = {
  id: 'gitlab-ci/literal-secret-variable',
  meta: {
    title: 'Secret written in CI variables',
    description: 'A `variables:` entry (global, per job, or in `rules:`) with a secret-like name or a known credential format has its value committed to the repository.',
    severity: 'error',
    kind: 'gitlab-ci',
    fixable: false,
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const pipeline of pipelines(ctx.model, ctx.path)) {
      const workflow = mergedEntry(pipeline.root, 'workflow', pipeline.doc)?.value;
      const holders: { owner: string; maps: unknown[] }[] = [
        { owner: 'Global', maps: [mergedEntry(pipeline.root, 'variables', pipeline.doc)?.value, ...variableMaps(workflow, pipeline.doc).slice(1)] },
        ...pipeline.jobs.map((j) => ({ owner: `Job '${j.name}'`, maps: variableMaps(j.node, pipeline.doc) })),
      ];
      for (const { owner, maps } of holders) {
        for (const map of maps) {
          for (const entry of mergedEntries(map, pipeline.doc)) {
            const valueNode = isMap(entry.value) ? mergedEntry(entry.value, 'value', pipeline.doc)?.value : entry.value;
            const value = str(valueNode);
            const reason = value === undefined ? undefined : literalSecret(entry.key, value);
            if (reason && !(reason === 'secret-like name' && (isAddressName(entry.key) || isServiceContainerSetting(entry.key)))) {
              report({ range: rangeOf(ctx.model, entry.pair.key), message: message(owner, entry.key, reason) });
            }
          }
        }
      }
    }
  },
};
