import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { str, rangeOf } from '../../parsers/yaml';
import { mutableTagProblem } from '../shared/image';
import { composeServices, reportOnce } from './model';
import { mergedEntry } from '../shared/yamlMerge';

/** The message for a service image that is untagged or latest (`viaDefault`: only through `${VAR:-…}`). */
export function message(service: string, image: string, problem: 'untagged' | 'latest', viaDefault = false): string {
  const what = problem === 'untagged' ? 'has no tag' : "uses 'latest'";
  return viaDefault
    ? `Service '${service}' image '${image}' ${what} when its variable is unset: make the default a version tag or digest`
    : `Service '${service}' image '${image}' ${what}: pin a version tag or digest`;
}

/**
 * The image a Compose interpolation gives when no variable is set: `${VAR:-x}` and `${VAR-x}`
 * become x. Returns undefined when a variable without default remains in the name or tag part
 * (the last path segment), where it could supply the tag.
 */
export function imageWithDefaults(image: string): string | undefined {
  // `$$` is an escaped dollar
  let out = image.split('$$').join('\u0000');
  for (let i = 0; i < 4; i++) {
    out = out.replace(/\$\{[A-Za-z_][A-Za-z0-9_]*:?-([^{}]*)\}/g, '$1');
  }
  const lastSegment = out.slice(out.lastIndexOf('/') + 1);
  if (/\$/.test(lastSegment)) {
    return undefined;
  }
  // a variable in the registry or path part cannot add a tag: judge it with a placeholder
  return out.replace(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g, 'registry.invalid').split('\u0000').join('$');
}

/** Compose service images must be pinned. */
export const rule: Rule<YamlFile> = {
  id: 'compose/no-latest-tag',
  meta: {
    title: 'Service image is untagged or uses latest',
    description: 'An untagged or `latest` image gives a different container on every pull, so environments drift apart.',
    severity: 'warning',
    kind: 'compose',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_DOCKER_7' }],
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const service of composeServices(ctx.model)) {
      const entry = mergedEntry(service.node, 'image', service.doc);
      const image = str(entry?.value);
      // with build:, the image name is the tag given to what Compose builds, not one it pulls
      if (!entry || !image || mergedEntry(service.node, 'build', service.doc) !== undefined) {
        continue;
      }
      // the tag depends on a default only when a variable sits in the name:tag segment
      const viaDefault = image.slice(image.lastIndexOf('/') + 1).includes('$');
      const resolved = image.includes('$') ? imageWithDefaults(image) : image;
      if (resolved === undefined) {
        continue;
      }
      const problem = mutableTagProblem(resolved);
      if (problem) {
        report({ range: rangeOf(ctx.model, entry.value), message: message(service.name, image, problem, viaDefault) });
      }
    }
  },
};
