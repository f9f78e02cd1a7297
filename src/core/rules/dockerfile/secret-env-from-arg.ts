import type { PropertyInstruction } from 'dockerfile-ast';
import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { isSecretName } from '../shared/secrets';

/** The message for ENV copying a variable into a secret-named variable of the image. */
export function message(name: string, from: string): string {
  return `ENV ${name}=$${from} stores the value given at build time in the image configuration: anyone who can pull the image reads it with docker inspect. Pass ${name} when the container starts, or use a build secret if only the build needs it`;
}

/** ENV SECRET=$ARG: a build-time secret made permanent. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/secret-env-from-arg',
  meta: {
    title: 'Secret copied from a build argument into ENV',
    description: 'ENV values are part of the image configuration and of every image built on it. ENV TOKEN=$TOKEN turns a value passed to one build into a permanent, public part of the image.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: false,
  },
  check(ctx) {
    for (const instruction of ctx.model.instructions) {
      if (instruction.getKeyword() !== 'ENV') {
        continue;
      }
      for (const prop of (instruction as PropertyInstruction).getProperties()) {
        const value = prop.getValue() ?? '';
        // the whole value is one variable: ${X}, $X, ${X:-default}
        const m = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)(:?[-+][^}]*)?\}?$/.exec(value.trim());
        if (m && isSecretName(prop.getName()) && isSecretName(m[1])) {
          ctx.report({ range: prop.getRange(), message: message(prop.getName(), m[1]) });
        }
      }
    }
  },
};
