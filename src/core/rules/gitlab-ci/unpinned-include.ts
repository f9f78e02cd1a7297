import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { isMap, isScalar, isSeq, rangeOf, str } from '../../parsers/yaml';
import { mergedEntry } from '../shared/yamlMerge';
import { flatSeq, pipelines } from './model';

/** How an include fails to be pinned. */
export type IncludeProblem = 'remote' | 'project-no-ref' | 'project-branch' | 'component-unversioned' | 'component-moving';

/** The message for an include that can change without a commit here. */
export function message(target: string, problem: IncludeProblem, ref?: string): string {
  switch (problem) {
    case 'remote':
      return `Remote include '${target}' has no integrity hash: whoever controls that URL changes this pipeline; add integrity: sha256-… or vendor the file`;
    case 'project-no-ref':
      return `Include of project '${target}' has no ref: it follows that project's default branch, so any push there changes this pipeline; pin ref: to a tag or commit SHA`;
    case 'project-branch':
      return `Include of project '${target}' uses branch '${ref}': any push there changes this pipeline; pin ref: to a tag or commit SHA`;
    case 'component-unversioned':
      return `Component '${target}' has no @version: pin it to a released version or commit SHA`;
    case 'component-moving':
      return `Component '${target}' uses '@${ref}', which moves: pin it to a released version or commit SHA`;
  }
}

const BRANCH_REF = /^(main|master|develop|development|dev|trunk|HEAD|latest|stable|default)$/i;

/** `include:` of other projects, URLs and components must be pinned to immutable versions. */
export const rule: Rule<YamlFile> = {
  id: 'gitlab-ci/unpinned-include',
  meta: {
    title: 'Include not pinned',
    description: 'A `remote:` include without `integrity:`, a `project:` include without a tag or SHA `ref:`, or a component without a fixed version lets another repository change what this pipeline runs.',
    severity: 'warning',
    kind: 'gitlab-ci',
    fixable: false,
  },
  check(ctx) {
    for (const pipeline of pipelines(ctx.model, ctx.path)) {
      const include = mergedEntry(pipeline.root, 'include', pipeline.doc)?.value;
      const items = isSeq(include) ? flatSeq(include, pipeline.doc) : include === undefined ? [] : [include];
      for (const item of items) {
        if (isScalar(item)) {
          const target = str(item);
          if (target && /^https?:\/\//i.test(target)) {
            ctx.report({ range: rangeOf(ctx.model, item), message: message(target, 'remote') });
          }
          continue;
        }
        if (!isMap(item)) {
          continue;
        }
        const remote = mergedEntry(item, 'remote', pipeline.doc);
        if (remote && !mergedEntry(item, 'integrity', pipeline.doc)) {
          ctx.report({ range: rangeOf(ctx.model, remote.pair.key), message: message(str(remote.value) ?? '', 'remote') });
        }
        const project = mergedEntry(item, 'project', pipeline.doc);
        if (project) {
          const ref = mergedEntry(item, 'ref', pipeline.doc);
          const refText = str(ref?.value);
          if (!ref) {
            ctx.report({ range: rangeOf(ctx.model, project.pair.key), message: message(str(project.value) ?? '', 'project-no-ref') });
          } else if (refText && BRANCH_REF.test(refText)) {
            ctx.report({ range: rangeOf(ctx.model, ref.value), message: message(str(project.value) ?? '', 'project-branch', refText) });
          }
        }
        const component = mergedEntry(item, 'component', pipeline.doc);
        const path = str(component?.value);
        if (component && path) {
          const at = path.lastIndexOf('@');
          const version = at >= 0 ? path.slice(at + 1) : undefined;
          // `$CI_SERVER_FQDN/…` is the usual host part; a variable version is decided elsewhere
          if (version === undefined) {
            ctx.report({ range: rangeOf(ctx.model, component.value), message: message(path, 'component-unversioned') });
          } else if (!version.includes('$') && (version === '~latest' || BRANCH_REF.test(version))) {
            ctx.report({ range: rangeOf(ctx.model, component.value), message: message(path.slice(0, at), 'component-moving', version) });
          }
        }
      }
    }
  },
};
