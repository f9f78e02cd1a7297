import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { bool, rangeOf } from '../../parsers/yaml';
import { mergedEntry } from '../shared/yamlMerge';
import { pipelines, reportOnce } from './model';

/** The message for artifacts that take every untracked file. */
export function message(owner: string): string {
  return `${owner} uploads every untracked file as artifacts (untracked: true): credentials the job writes into the project folder (a kubeconfig, an .npmrc with a token, a .env) go with them to everyone who can download artifacts. List the paths to keep`;
}

/** Artifacts should list what they keep. */
export const rule: Rule<YamlFile> = {
  id: 'gitlab-ci/artifacts-untracked',
  meta: {
    title: 'Artifacts take every untracked file',
    description: '`artifacts: untracked: true` uploads whatever the job left in the project folder that git does not track, including credential files written by the scripts, and makes it downloadable from the pipeline.',
    severity: 'info',
    kind: 'gitlab-ci',
    fixable: false,
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const pipeline of pipelines(ctx.model, ctx.path)) {
      const holders = [{ owner: 'default:', node: mergedEntry(pipeline.root, 'default', pipeline.doc)?.value }, ...pipeline.jobs.map((j) => ({ owner: `Job '${j.name}'`, node: j.node }))];
      for (const { owner, node } of holders) {
        const untracked = mergedEntry(mergedEntry(node, 'artifacts', pipeline.doc)?.value, 'untracked', pipeline.doc);
        if (untracked && bool(untracked.value) === true) {
          report({ range: rangeOf(ctx.model, untracked.pair.key), message: message(owner) });
        }
      }
    }
  },
};
