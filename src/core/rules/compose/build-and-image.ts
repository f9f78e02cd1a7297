import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { isMap, rangeOf, str } from '../../parsers/yaml';
import { parseImageRef } from '../shared/image';
import { composeServices, lineIndent, reportOnce } from './model';
import { mergedEntry } from '../shared/yamlMerge';

/** The message for a service that builds and names a Docker Hub image without a pull policy. */
export function message(service: string, image: string): string {
  return `Service '${service}' has both build and image '${image}' without pull_policy: Compose first pulls '${image}' from Docker Hub and builds only if the pull fails; set pull_policy: build, or name the image in your own registry`;
}

/**
 * With both `build` and `image`, `image` names the tag the build produces. Without a
 * `pull_policy`, `docker compose up` tries to pull that name first and builds only when the
 * pull fails. That is the intent when the name points into your own registry (the published
 * build of the same source). It is a trap when the name resolves to Docker Hub: an official
 * or someone else's image of that name silently replaces your build.
 */
export const rule: Rule<YamlFile> = {
  id: 'compose/build-and-image',
  meta: {
    title: 'Service builds an image whose name resolves to Docker Hub',
    description:
      'A service with `build` and an `image` on Docker Hub but no `pull_policy` may run the pulled image instead of the one built from your source.',
    severity: 'info',
    kind: 'compose',
    fixable: true,
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const service of composeServices(ctx.model)) {
      const build = mergedEntry(service.node, 'build', service.doc);
      const image = mergedEntry(service.node, 'image', service.doc);
      const name = str(image?.value);
      if (!build || !image || !name || mergedEntry(service.node, 'pull_policy', service.doc)) {
        continue;
      }
      const ref = parseImageRef(name);
      if (ref.dynamic || (ref.registry && !/^((index|registry-1)\.)?docker\.io$/i.test(ref.registry))) {
        continue;
      }
      const range = rangeOf(ctx.model, image.pair.key);
      let fix;
      if (!image.inherited && isMap(service.node)) {
        const line = range.start.line;
        const eol = ctx.index.eol;
        const at = ctx.index.lineEndOffset(line);
        const valueEnd = rangeOf(ctx.model, image.value).end;
        // insert after the image line, when the image value ends on that line
        if (valueEnd.line === line && !service.node.flow) {
          fix = {
            title: 'Add pull_policy: build',
            safe: false,
            edits: [{ range: ctx.index.range(at, at), newText: `${eol}${lineIndent(ctx.model, line)}pull_policy: build` }],
          };
        }
      }
      report({ range, message: message(service.name, name), fix });
    }
  },
};
