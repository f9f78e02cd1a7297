import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { getPair, rangeOf, str } from '../../parsers/yaml';
import { isScalar } from 'yaml';
import { auroraDocs } from './config';

/** The message for a model id that cannot be a model id. */
export function message(model: string): string {
  return model.trim() === ''
    ? 'model is empty: write a Messages API model id'
    : `model '${model}' is not a valid model id (letters, digits and . : _ / - only, no spaces)`;
}

const MODEL_ID = /^[a-z0-9][a-z0-9.:_/-]*$/i;

/** `model` must look like a model id (no list is hard-coded: new models appear often). */
export const rule: Rule<YamlFile> = {
  id: 'aurora/invalid-model',
  meta: {
    title: 'Malformed model id',
    description: 'An empty model, a display name ("Claude Opus") or a value with spaces is rejected by the API on the first request. The id is not checked against a list, since new models appear often.',
    severity: 'error',
    kind: 'aurora',
    fixable: false,
  },
  check(ctx) {
    for (const a of auroraDocs(ctx.model)) {
      const pair = getPair(a.devops, 'model', a.doc);
      if (!pair) {
        continue;
      }
      const node = pair.value;
      const model = isScalar(node) ? (str(node) ?? '') : undefined;
      if (model === undefined) {
        // not a scalar: aurora/wrong-type reports it
        continue;
      }
      if (!MODEL_ID.test(model)) {
        ctx.report({ range: rangeOf(ctx.model, node ?? pair.key), message: message(model) });
      }
    }
  },
};
