import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { bool, isMap, rangeOf, str } from '../../parsers/yaml';
import { mergedEntries, mergedEntry } from '../shared/yamlMerge';
import { pipelines, reportOnce } from './model';

/** The message for debug tracing switched on in the configuration. */
export function message(owner: string, name: string): string {
  return `${owner} sets ${name}: "true": the job log then shows every command with its expanded variables, masked secrets included for anyone who can read logs; remove it and enable tracing only for a single manual run`;
}

const DEBUG_VARIABLES = new Set(['CI_DEBUG_TRACE', 'CI_DEBUG_SERVICES']);

/** CI_DEBUG_TRACE committed in the configuration leaks secrets into job logs. */
export const rule: Rule<YamlFile> = {
  id: 'gitlab-ci/debug-trace',
  meta: {
    title: 'Debug tracing enabled',
    description: '`CI_DEBUG_TRACE: "true"` (or `CI_DEBUG_SERVICES`) in `variables:` writes every variable, secrets included, into job logs.',
    severity: 'warning',
    kind: 'gitlab-ci',
    fixable: false,
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const pipeline of pipelines(ctx.model, ctx.path)) {
      const holders = [
        { owner: 'The pipeline', node: pipeline.root },
        ...pipeline.jobs.map((j) => ({ owner: `Job '${j.name}'`, node: j.node })),
      ];
      for (const { owner, node } of holders) {
        for (const entry of mergedEntries(mergedEntry(node, 'variables', pipeline.doc)?.value, pipeline.doc)) {
          const valueNode = isMap(entry.value) ? mergedEntry(entry.value, 'value', pipeline.doc)?.value : entry.value;
          if (DEBUG_VARIABLES.has(entry.key) && (bool(valueNode) === true || str(valueNode) === '1')) {
            report({ range: rangeOf(ctx.model, entry.pair.key), message: message(owner, entry.key) });
          }
        }
      }
    }
  },
};
