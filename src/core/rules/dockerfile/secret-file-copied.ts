import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { copyArgs, fromFlag } from './common';

/** Files that hold credentials by their name: private SSH keys, .env, credential stores. */
const SECRET_FILE = /(^|\/)(id_(rsa|dsa|ecdsa|ed25519)|\.env|\.netrc|\.git-credentials|\.pgpass|\.aws\/credentials|\.docker\/config\.json|\.kube\/config)$/;

/** The message for a credential file copied into the image. */
export function message(keyword: string, source: string): string {
  return `${keyword} ${source} puts a credential file into a layer of the image: anyone who can pull it reads the file, even if a later RUN deletes it. Mount it for the one RUN that needs it (RUN --mount=type=secret or type=ssh) or pass values at run time`;
}

/** Credential files must not be copied into the final image. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/secret-file-copied',
  meta: {
    title: 'Credential file copied into the image',
    description: 'COPY id_rsa, .env or .netrc writes the file into an image layer. Deleting it later only hides it: the layer that added it is still pulled with the image. Build secrets and SSH mounts give a RUN the file without storing it.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: false,
  },
  check(ctx) {
    for (const stage of ctx.model.stages) {
      if (!ctx.model.inFinalImage(stage)) {
        continue;
      }
      for (const instruction of stage.instructions) {
        const keyword = instruction.getKeyword();
        if ((keyword !== 'COPY' && keyword !== 'ADD') || fromFlag(instruction)) {
          continue;
        }
        for (const source of copyArgs(instruction).slice(0, -1)) {
          const path = source.value.replace(/\/+$/, '');
          if (SECRET_FILE.test(path)) {
            ctx.report({ range: source.range, message: message(keyword, source.value) });
          }
        }
      }
    }
  },
};
