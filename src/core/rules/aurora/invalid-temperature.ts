import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { getPair, rangeOf, str } from '../../parsers/yaml';
import { isScalar } from 'yaml';
import { auroraDocs } from './config';

/** The message for a temperature that is not a number between 0 and 1. */
export function message(value: string): string {
  return `temperature '${value}' must be a number from 0 to 1 (0.1 suits infrastructure work: low randomness)`;
}

/** `temperature` must be a number in 0..1. */
export const rule: Rule<YamlFile> = {
  id: 'aurora/invalid-temperature',
  meta: {
    title: 'Temperature is not a number from 0 to 1',
    description: 'The Messages API accepts a temperature from 0 to 1; anything else (a string, 1.5, -1) makes every agent request fail.',
    severity: 'error',
    kind: 'aurora',
    fixable: false,
  },
  check(ctx) {
    for (const a of auroraDocs(ctx.model)) {
      const pair = getPair(a.devops, 'temperature', a.doc);
      if (!pair) {
        continue;
      }
      const node = pair.value;
      const ok = isScalar(node) && typeof node.value === 'number' && Number.isFinite(node.value) && node.value >= 0 && node.value <= 1;
      if (!ok) {
        ctx.report({ range: rangeOf(ctx.model, node ?? pair.key), message: message(str(node) ?? '') });
      }
    }
  },
};
