import type { PropertyInstruction } from 'dockerfile-ast';
import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { isSecretName } from '../shared/secrets';

/** The message for a secret passed as a build argument. */
export function message(name: string): string {
  return `ARG ${name} passes a secret as a build argument: its value is recorded in the image history of every RUN that sees it and in build provenance. Use a build secret: RUN --mount=type=secret,id=${name.toLowerCase()},env=${name} …`;
}

/** Secrets given to the build through ARG (without a literal value: those are secret-in-env's). */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/secret-build-arg',
  meta: {
    title: 'Secret passed as a build argument',
    description: 'docker build --build-arg TOKEN=… is not a secret channel: the values of ARGs used by a RUN show in docker history and in the build\'s provenance attestation. RUN --mount=type=secret gives the command the secret without writing it anywhere.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: false,
  },
  check(ctx) {
    for (const instruction of ctx.model.instructions) {
      if (instruction.getKeyword() !== 'ARG') {
        continue;
      }
      for (const prop of (instruction as PropertyInstruction).getProperties()) {
        const value = prop.getValue();
        if (isSecretName(prop.getName()) && (value === null || value === '')) {
          ctx.report({ range: prop.getRange(), message: message(prop.getName()) });
        }
      }
    }
  },
};
