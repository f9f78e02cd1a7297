import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { isSecretName } from '../shared/secrets';
import { pipelines, reportOnce } from './model';
import { scriptItemsOf } from './scripts';

/** The message for a secret passed as a build argument. */
export function message(owner: string, name: string): string {
  return `${owner} passes '${name}' to the image build with --build-arg: build arguments are recorded in the image's history and metadata, so everyone who can pull the image can read it. Use a build secret (docker build --secret id=${name.toLowerCase()},env=${name}, read with RUN --mount=type=secret)`;
}

/** Predefined credentials of the job. */
const PREDEFINED = new Set(['CI_JOB_TOKEN', 'CI_REGISTRY_PASSWORD', 'CI_DEPLOY_PASSWORD', 'CI_DEPENDENCY_PROXY_PASSWORD']);

/** Image builders and the words of their build subcommand. */
function isBuild(name: string, words: string[]): boolean {
  if (name === 'docker' || name === 'podman' || name === 'nerdctl') {
    return words[0] === 'build' || (words[0] === 'buildx' && (words[1] === 'build' || words[1] === 'b')) || (words[0] === 'image' && words[1] === 'build');
  }
  return name === 'buildah' && (words[0] === 'bud' || words[0] === 'build');
}

/** Secrets must not be passed as image build arguments. */
export const rule: Rule<YamlFile> = {
  id: 'gitlab-ci/build-arg-secret',
  meta: {
    title: 'Secret passed as an image build argument',
    description: '`docker build --build-arg NPM_TOKEN=$NPM_TOKEN` bakes the value into the image: `docker history` and the image config show the arguments used by RUN instructions. Build secrets (`--secret`) are mounted for one instruction and never stored.',
    severity: 'warning',
    kind: 'gitlab-ci',
    fixable: false,
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const pipeline of pipelines(ctx.model, ctx.path)) {
      for (const item of scriptItemsOf(ctx.model, pipeline)) {
        for (const c of item.effects.commands) {
          const words = c.args.filter((a) => !a.value.startsWith('-')).map((a) => a.value);
          if (!isBuild(c.name, words)) {
            continue;
          }
          c.args.forEach((arg, i) => {
            const inline = arg.value.startsWith('--build-arg=') ? arg.value.slice('--build-arg='.length) : undefined;
            const value = inline ?? (arg.value === '--build-arg' ? c.args[i + 1]?.value : undefined);
            if (value === undefined) {
              return;
            }
            const eq = value.indexOf('=');
            const name = eq < 0 ? value : value.slice(0, eq);
            const rhs = eq < 0 ? '' : value.slice(eq + 1);
            const referenced = [...rhs.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]);
            const secret = isSecretName(name) ? name : referenced.find((v) => PREDEFINED.has(v) || isSecretName(v));
            if (secret) {
              const end = inline !== undefined ? arg.end : (c.args[i + 1]?.end ?? arg.end);
              report({ range: item.range(arg.start, end), message: message(item.owner, secret) });
            }
          });
        }
      }
    }
  },
};
