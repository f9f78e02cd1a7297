import type { Copy } from 'dockerfile-ast';
import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { isScratch, parseImageRef } from '../shared/image';

/** The message for an image pinned by tag only. */
export function message(image: string): string {
  return `Image '${image}' is pinned by tag only; a tag can be re-pushed, so add its digest (${image}@sha256:…) for a reproducible, tamper-evident build`;
}

/** Base images (and COPY --from images) should carry a digest. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/no-digest-pin',
  meta: {
    title: 'Image not pinned by digest',
    description: 'A tag is a movable pointer: the registry owner (or an attacker with push rights) can point it at a different image. A digest names exactly one image.',
    severity: 'info',
    kind: 'dockerfile',
    fixable: false,
  },
  check(ctx) {
    const stageNames = new Set<string>();
    const judge = (ref: string): boolean => {
      if (!ref.trim() || isScratch(ref) || stageNames.has(ref.toLowerCase()) || /^\d+$/.test(ref)) {
        return false;
      }
      const parsed = parseImageRef(ref);
      // untagged and latest images are no-latest-tag's finding; variables cannot be judged
      return !parsed.dynamic && !parsed.digest && !!parsed.tag && parsed.tag.toLowerCase() !== 'latest';
    };
    for (const stage of ctx.model.stages) {
      const image = stage.from.getImage();
      const range = stage.from.getImageRange();
      if (image && range && judge(image)) {
        ctx.report({ range, message: message(image) });
      }
      if (stage.name) {
        stageNames.add(stage.name);
      }
      for (const instruction of stage.instructions) {
        if (instruction.getKeyword() !== 'COPY') {
          continue;
        }
        const flag = (instruction as Copy).getFromFlag();
        const ref = flag?.getValue();
        const valueRange = flag?.getValueRange();
        if (ref && valueRange && judge(ref)) {
          ctx.report({ range: valueRange, message: message(ref) });
        }
      }
    }
  },
};
