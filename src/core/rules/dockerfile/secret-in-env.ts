import type { PropertyInstruction } from 'dockerfile-ast';
import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { knownSecretFormat, literalSecret } from '../shared/secrets';

/** The message for a secret written into ENV or ARG. */
export function message(keyword: string, name: string, kind: string): string {
  const where = keyword === 'ARG' ? 'ARG defaults are recorded in the image history' : 'ENV values are stored in the image config';
  const article = /^[aeio]/i.test(kind) || /^npm/.test(kind) ? 'an' : 'a';
  const what = kind === 'secret-like name' ? `${keyword} ${name} has a literal value` : `${keyword} ${name} holds ${article} ${kind}`;
  return `${what}: ${where}, readable by anyone who can pull the image. Pass it at run time, or use a build secret (RUN --mount=type=secret)`;
}

/** Values that a secret-like name may hold without being a secret: paths, plain URLs, numbers. */
function harmlessValue(value: string): boolean {
  const v = value.trim();
  return /^(\/|\.\/|~\/)/.test(v) || /^[a-z][a-z0-9+.-]*:\/\/[^@\s]*$/i.test(v) || /^[0-9]+[smhd]?$/.test(v);
}

/** Secrets must not be baked into ENV or ARG. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/secret-in-env',
  meta: {
    title: 'Secret in ENV or ARG',
    description: 'ENV values end up in the image configuration and ARG defaults in its history; both are visible to anyone who can pull the image, and stay in every layer built on it.',
    severity: 'error',
    kind: 'dockerfile',
    fixable: false,
  },
  check(ctx) {
    for (const instruction of ctx.model.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword !== 'ENV' && keyword !== 'ARG') {
        continue;
      }
      for (const property of (instruction as PropertyInstruction).getProperties()) {
        const name = property.getName();
        const value = property.getValue();
        if (value === null || value === '') {
          continue;
        }
        // values built from other variables are references; only a known key format inside counts
        const kind = value.includes('$') || harmlessValue(value) ? knownSecretFormat(value) : literalSecret(name, value);
        if (kind) {
          ctx.report({ range: property.getRange(), message: message(keyword, name, kind) });
        }
      }
    }
  },
};
