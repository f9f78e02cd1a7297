import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { isMap, isScalar, rangeOf, str } from '../../parsers/yaml';
import { mutableTagProblem } from '../shared/image';
import { mergedEntry } from '../shared/yamlMerge';
import { flatSeq, pipelines, reportOnce } from './model';

/** The message for an untagged or latest CI image. */
export function message(owner: string, kind: 'image' | 'service', image: string, problem: 'untagged' | 'latest'): string {
  const what = problem === 'untagged' ? 'has no tag' : "uses 'latest'";
  return `${owner} ${kind} '${image}' ${what}: the job runs whatever the tag points to today, so a green pipeline can turn red (or worse) without a commit; pin a version tag or digest`;
}

/**
 * Official images of a Linux distribution (alpine, debian, ubuntu, fedora…): a job on their latest
 * runs a shell whose results depend on its own script far more than on the image, so their
 * findings are said at info. Tool and application images (golang, node, release-cli, a linter)
 * change what the job produces and stay warnings.
 */
const DISTRIBUTION = /^(?:(?:docker\.io\/)?(?:library\/)?(alpine|busybox|debian|ubuntu|fedora|centos|rockylinux|almalinux|archlinux|amazonlinux|opensuse\/(leap|tumbleweed))|quay\.io\/fedora\/fedora|registry\.fedoraproject\.org\/fedora)(?::latest)?$/i;

/** The VM images of GitLab's hosted macOS runners: named per macOS and Xcode version, not container images. */
const MACOS_VM = /^macos-\d+(\.\d+)?-xcode-\d+(\.\d+)?$/i;

/** CI images and services must be pinned. */
export const rule: Rule<YamlFile> = {
  id: 'gitlab-ci/no-latest-tag',
  meta: {
    title: 'CI image or service untagged or latest',
    description: 'A job `image`, a global or `default` image, or a `services` entry without a tag or with `latest` changes under the pipeline.',
    severity: 'warning',
    kind: 'gitlab-ci',
    fixable: false,
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const pipeline of pipelines(ctx.model, ctx.path)) {
      const holders: { owner: string; node: unknown }[] = [
        { owner: 'The pipeline', node: pipeline.root },
        { owner: 'default:', node: mergedEntry(pipeline.root, 'default', pipeline.doc)?.value },
        ...pipeline.jobs.map((j) => ({ owner: `Job '${j.name}'`, node: j.node })),
      ];
      for (const { owner, node } of holders) {
        const check = (kind: 'image' | 'service', value: unknown): void => {
          const nameNode = isScalar(value) ? value : mergedEntry(value, 'name', pipeline.doc)?.value;
          const image = str(nameNode);
          // GitLab's hosted macOS runners take a VM image name (`macos-14-xcode-15`), which has no tags
          const problem = image && !MACOS_VM.test(image.trim()) ? mutableTagProblem(image) : undefined;
          if (image && problem) {
            report({ range: rangeOf(ctx.model, nameNode), message: message(owner, kind, image, problem), ...(DISTRIBUTION.test(image.trim()) ? { severity: 'info' as const } : {}) });
          }
        };
        const image = mergedEntry(node, 'image', pipeline.doc)?.value;
        if (image !== undefined) {
          check('image', image);
        }
        for (const service of flatSeq(mergedEntry(node, 'services', pipeline.doc)?.value, pipeline.doc)) {
          if (isScalar(service) || isMap(service)) {
            check('service', service);
          }
        }
      }
    }
  },
};
