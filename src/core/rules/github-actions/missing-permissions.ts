import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { getPair, mapEntries, rangeOf } from '../../parsers/yaml';
import type { Fix } from '../../types';
import type { Workflow } from './workflow';
import { workflowsOf } from './workflow';

/** The message for a job that runs with the default token permissions. */
export function message(job: string): string {
  return `Job '${job}' runs with the repository's default GITHUB_TOKEN permissions (often read/write on everything): declare 'permissions:' at the top of the workflow or on the job, granting only what it needs`;
}

function topLevelFix(file: YamlFile, wf: Workflow): Fix | undefined {
  const jobsPair = getPair(wf.root, 'jobs');
  const r = (jobsPair?.key as { range?: [number, number, number] } | undefined)?.range;
  if (!r) {
    return undefined;
  }
  const pos = file.index.positionAt(r[0]);
  if (pos.character !== 0) {
    return undefined;
  }
  const at = file.index.lineStartOffset(pos.line);
  const firstJob = mapEntries(wf.jobsNode)[0];
  const indent = firstJob ? Math.max(1, rangeOf(file, firstJob.pair.key).start.character) : 2;
  const eol = file.index.eol;
  const blankBefore = pos.line > 0 && file.index.lineText(pos.line - 1).trim() === '';
  const text = `permissions:${eol}${' '.repeat(indent)}contents: read${eol}${blankBefore ? eol : ''}`;
  return { title: "Add top-level 'permissions: contents: read'", safe: false, edits: [{ range: file.index.range(at, at), newText: text }] };
}

/** Every job should run with explicitly declared token permissions. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/missing-permissions',
  meta: {
    title: 'Token permissions not declared',
    description: 'Without a `permissions:` block the GITHUB_TOKEN gets the repository default, which is read/write on most scopes in older repositories and organisations. A compromised step can then push code or publish releases.',
    severity: 'warning',
    kind: 'github-actions',
    fixable: true,
    equivalents: [{ tool: 'zizmor', id: 'excessive-permissions' }],
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      if (getPair(wf.root, 'permissions') || wf.jobs.length === 0) {
        continue;
      }
      const fix = topLevelFix(ctx.model, wf);
      for (const job of wf.jobs) {
        if (!getPair(job.node, 'permissions')) {
          ctx.report({ range: rangeOf(ctx.model, job.keyNode), message: message(job.id), fix });
        }
      }
    }
  },
};
