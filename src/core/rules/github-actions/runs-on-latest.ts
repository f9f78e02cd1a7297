import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { get, rangeOf, seqItems, str } from '../../parsers/yaml';
import { isMap } from 'yaml';
import { workflowsOf } from './workflow';

/** The message for a runner label that moves with GitHub's images. */
export function message(label: string): string {
  return `Runner '${label}' moves to a new OS image when GitHub updates it, which can break builds without a code change: pin a version such as '${suggest(label)}'`;
}

function suggest(label: string): string {
  const os = label.replace(/-latest$/, '');
  return os === 'ubuntu' ? 'ubuntu-24.04' : os === 'windows' ? 'windows-2022' : os === 'macos' ? 'macos-14' : `${os}-<version>`;
}

/** GitHub-hosted runner labels should name an OS version. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/runs-on-latest',
  meta: {
    title: 'Runner label uses -latest',
    description: '`ubuntu-latest` and friends are re-pointed to new OS images over time, changing preinstalled tools under the workflow. Pinning the version makes the upgrade a visible change.',
    severity: 'info',
    kind: 'github-actions',
    fixable: false,
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      for (const job of wf.jobs) {
        let runsOn = get(job.node, 'runs-on', wf.doc);
        if (isMap(runsOn)) {
          runsOn = get(runsOn, 'labels', wf.doc);
        }
        const labels = seqItems(runsOn, wf.doc);
        const nodes = labels.length > 0 ? labels : [runsOn];
        // `runs-on: ${{ matrix.os }}`: the labels are the values of that matrix axis
        for (const node of [...nodes]) {
          const axis = /^\$\{\{\s*matrix\.([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}$/.exec(str(node)?.trim() ?? '')?.[1];
          if (axis) {
            const matrix = get(get(job.node, 'strategy', wf.doc), 'matrix', wf.doc);
            nodes.push(...seqItems(get(matrix, axis, wf.doc), wf.doc));
            nodes.push(...seqItems(get(matrix, 'include', wf.doc), wf.doc).map((entry) => get(entry, axis, wf.doc)));
          }
        }
        for (const node of nodes) {
          const label = str(node);
          if (label !== undefined && /^[a-z]+-latest$/i.test(label.trim())) {
            ctx.report({ range: rangeOf(ctx.model, node), message: message(label.trim()) });
          }
        }
      }
    }
  },
};
