import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { isMap, isScalar, rangeOf, str } from '../../parsers/yaml';
import { mergedEntries, mergedEntry } from '../shared/yamlMerge';
import { flatSeq, pipelines, reportOnce } from './model';
import type { Pipeline } from './model';

/** The message for a Docker-in-Docker daemon without TLS. */
export function message(setting: string): string {
  return `${setting} makes the jobs talk to the docker:dind service over plain TCP without TLS: anything else on the runner's network can drive that Docker daemon (root on the build host, the job's images and registry credentials). Keep DOCKER_TLS_CERTDIR: "/certs" and DOCKER_HOST tcp://docker:2376`;
}

/** Whether any service of the pipeline is a Docker-in-Docker daemon. */
function usesDind(pipeline: Pipeline): boolean {
  const holders = [pipeline.root, mergedEntry(pipeline.root, 'default', pipeline.doc)?.value, ...pipeline.jobs.map((j) => j.node)];
  return holders.some((node) =>
    flatSeq(mergedEntry(node, 'services', pipeline.doc)?.value, pipeline.doc).some((s) => {
      const image = isScalar(s) ? str(s) : isMap(s) ? str(mergedEntry(s, 'name', pipeline.doc)?.value) : undefined;
      return image !== undefined && /(^|\/)docker:([^/]*-)?dind(-rootless)?($|@)/.test(image);
    }),
  );
}

/** Docker-in-Docker services must keep TLS on. */
export const rule: Rule<YamlFile> = {
  id: 'gitlab-ci/dind-without-tls',
  meta: {
    title: 'Docker-in-Docker without TLS',
    description: 'With `DOCKER_TLS_CERTDIR: ""` or `DOCKER_HOST: tcp://…:2375`, the `docker:dind` service listens on plain TCP without authentication: any container that reaches it on the runner network controls the daemon.',
    severity: 'warning',
    kind: 'gitlab-ci',
    fixable: false,
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const pipeline of pipelines(ctx.model, ctx.path)) {
      if (!usesDind(pipeline)) {
        continue;
      }
      for (const node of [pipeline.root, ...pipeline.jobs.map((j) => j.node)]) {
        // one finding per variables block: DOCKER_HOST on :2375 and an empty DOCKER_TLS_CERTDIR
        // are the two halves of one choice
        for (const v of mergedEntries(mergedEntry(node, 'variables', pipeline.doc)?.value, pipeline.doc)) {
          const value = isMap(v.value) ? mergedEntry(v.value, 'value', pipeline.doc)?.value : v.value;
          const text = str(value);
          if (v.key === 'DOCKER_TLS_CERTDIR' && text === '') {
            report({ range: rangeOf(ctx.model, v.pair.key), message: message('DOCKER_TLS_CERTDIR: ""') });
            break;
          } else if (v.key === 'DOCKER_HOST' && text !== undefined && /^tcp:\/\/[^/]+:2375\/?$/.test(text)) {
            report({ range: rangeOf(ctx.model, value), message: message(`DOCKER_HOST: ${text}`) });
            break;
          }
        }
      }
    }
  },
};
